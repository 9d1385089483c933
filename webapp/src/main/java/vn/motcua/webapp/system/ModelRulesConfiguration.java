package vn.motcua.webapp.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.processes.rules.ModelRulesPlugin;
import vn.motcua.processes.rules.FastDecisionsPlugin;

/**
 * motcua's model rules, checked on every deployment to the engine: from Camunda Modeler or any client of
 * {@code /engine-rest}, and the application's own models at start; and the FEEL the tables and forms are evaluated
 * with, each expression parsed once.
 */
@Configuration
class ModelRulesConfiguration {

  @Bean
  ModelRulesPlugin modelRulesPlugin() {
    return new ModelRulesPlugin();
  }

  @Bean
  FastDecisionsPlugin fastDecisionsPlugin() {
    return new FastDecisionsPlugin();
  }
}

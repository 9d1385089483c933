package vn.motcua.webapp.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.workers.NotificationSettings;
import vn.motcua.workers.SimulatorSettings;
import vn.motcua.workers.SystemsSettings;
import vn.motcua.workers.simulator.Simulators;

/** A development run brings the other systems along, so that a notice really goes out and can be read. */
@Configuration
@ConditionalOnProperty(prefix = "motcua.simulators", name = "enabled", havingValue = "true")
class SimulatorsConfiguration {

  @Bean(destroyMethod = "close")
  Simulators simulators(NotificationSettings notifications, SystemsSettings systems, SimulatorSettings settings) {
    return Simulators.start(notifications, systems, settings);
  }
}

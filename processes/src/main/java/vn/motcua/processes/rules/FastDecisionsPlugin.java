package vn.motcua.processes.rules;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Makes the engine's decisions fast at a province's scale, with the stock engine's answers: decision tables, and the
 * form conditions and step rules that use the engine's FEEL, get the {@link PreparedFeelEngine} (every cell parsed
 * once, not on every evaluation), and tables are evaluated through an index on their first input
 * ({@link IndexedDmnEngineConfiguration}: the rows of the dossier's procedure, not every row of 2,000 procedures).
 */
public class FastDecisionsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getDmnEngineConfiguration() != null
        && !(configuration.getDmnEngineConfiguration() instanceof IndexedDmnEngineConfiguration)) {
      throw new IllegalStateException("Another plugin set the engine's DMN configuration ("
          + configuration.getDmnEngineConfiguration().getClass().getName() + "): motcua's decisions need their own");
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration() : new IndexedDmnEngineConfiguration();
    // the engine hands its custom FEEL functions to the DMN configuration after this: read them when the engine is made
    dmn.setFeelEngineFactory(() -> new PreparedFeelEngine(dmn.getFeelCustomFunctionProviders()));
    configuration.setDmnEngineConfiguration(dmn);
  }
}

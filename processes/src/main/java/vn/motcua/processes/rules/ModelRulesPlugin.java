package vn.motcua.processes.rules;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Installs {@link ModelRules}: every BPMN deployed to this engine is checked by them first. */
public class ModelRulesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBpmnParseFactory(RuledBpmnParse::new);
  }
}

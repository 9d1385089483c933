package vn.motcua.processes.rules;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

/**
 * Installs motcua's model rules: what a deployment holds is checked first ({@link ResourceRules}), every BPMN deployed
 * to this engine by {@link CodeRules} and {@link ModelRules} as it is read, and every deployment by
 * {@link DecisionRules} before it is stored; every business rule task asks for the version of its table in force for
 * its dossier ({@link PinnedDecisions}). At run time the engine reaches from a model only what the rules allow
 * ({@link ModelSandbox}): motcua's delegates, variables and functions; no script, no other bean or class.
 */
public class ModelRulesPlugin extends AbstractProcessEnginePlugin {

  /** The zone "today" is read in when the rule set in force is asked for. */
  private String zone = "Asia/Ho_Chi_Minh";
  private final ModelDelegates delegates = ModelDelegates.standard();

  public void setZone(String zone) {
    this.zone = zone;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new ModelSandbox.Expressions(delegates));
    configuration.setScriptEngineResolver(new ModelSandbox.NoScripts());
    configuration.setArtifactFactory(new ModelSandbox.Artifacts(delegates));
    configuration.setBpmnParseFactory(RuledBpmnParse::new);
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(new ResourceRules());
    configuration.setCustomPreDeployers(preDeployers);
    List<Deployer> postDeployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostDeployers());
    postDeployers.add(new DecisionRules(ZoneId.of(zone)));
    configuration.setCustomPostDeployers(postDeployers);
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new PinnedDecisions(ZoneId.of(zone)));
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}

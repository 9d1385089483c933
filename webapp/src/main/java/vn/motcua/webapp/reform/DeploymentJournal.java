package vn.motcua.webapp.reform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Logs every deployment the engine stores, whichever door it came through (the deploy page, Camunda Modeler and the
 * engine API, the application's own models at start), in the deployment's own transaction: who, the deployment's
 * name, and each definition it made with its version and, for a scheduled table, its day.
 */
@Component
class DeploymentJournal extends AbstractProcessEnginePlugin implements Deployer {

  private final ModelChanges changes;
  private final Clock clock;

  DeploymentJournal(ModelChanges changes, Clock clock) {
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> postDeployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostDeployers());
    postDeployers.add(this);
    configuration.setCustomPostDeployers(postDeployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    List<String> made = new ArrayList<>();
    for (ProcessDefinitionEntity process : artifacts(deployment, ProcessDefinitionEntity.class)) {
      made.add(process.getKey() + " v" + process.getVersion());
    }
    for (DecisionDefinitionEntity decision : artifacts(deployment, DecisionDefinitionEntity.class)) {
      made.add(decision.getKey() + " v" + decision.getVersion()
          + (decision.getVersionTag() == null ? "" : " (" + decision.getVersionTag() + ")"));
    }
    if (made.isEmpty()) {
      made.addAll(deployment.getResources().keySet());
    }
    changes.save(new ModelChange(clock.instant(), actor(), ModelChange.Action.DEPLOYED,
        deployment.getName() == null ? deployment.getId() : deployment.getName(), String.join(", ", made)));
  }

  private static <T> List<T> artifacts(DeploymentEntity deployment, Class<T> type) {
    List<T> found = deployment.getDeployedArtifacts(type);
    return found == null ? List.of() : found;
  }

  /** The user the engine API authenticated, else the signed-in user of the page, else the application itself. */
  private static String actor() {
    String engineUser = Context.getCommandContext().getAuthenticatedUserId();
    if (engineUser != null) {
      return engineUser;
    }
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    return signedIn == null || signedIn instanceof AnonymousAuthenticationToken || signedIn.getName() == null
        ? "motcua" : signedIn.getName();
  }
}

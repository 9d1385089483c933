package vn.motcua.webapp.people;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorizations ({@code camunda.bpm.authorization.enabled}) govern whoever uses the engine directly: the
 * engine REST API ({@code /engine-rest}: Camunda Modeler, the workers, operators) and the Camunda webapps. motcua's
 * own API and pages decide access themselves, by role, agency and jurisdiction (docs/security.md), so their engine
 * calls run without Camunda's checks; the engine still knows who acts, for the audit trail.
 *
 * <p>At start-up each role's group gets what its work needs, and no more ({@link #GRANTS}): officers Tasklist with
 * the shipped filters (each task is theirs to see and work through the candidate groups the models name, which
 * the engine authorizes as it creates the task), reform officers Cockpit to read and deploy models, the workers
 * their external tasks, administrators ({@code camunda-admin}) everything. Citizens and supervisors get nothing:
 * neither Camunda webapp can keep to their own dossiers or jurisdiction.
 */
@Component
class EngineAuthorizations extends AbstractProcessEnginePlugin {

  /** Permissions on every resource of a type ({@code *}), by role. */
  private static final Map<Role, Map<Resource, List<Permission>>> GRANTS = Map.of(
      Role.OFFICER, Map.of(
          Resources.FILTER, List.of(Permissions.READ),
          Resources.PROCESS_DEFINITION, List.of(Permissions.READ),
          Resources.DECISION_DEFINITION, List.of(Permissions.READ),
          Resources.DEPLOYMENT, List.of(Permissions.READ)),
      Role.REFORM, Map.of(
          Resources.DEPLOYMENT, List.of(Permissions.READ, Permissions.CREATE),
          Resources.PROCESS_DEFINITION, List.of(Permissions.READ, Permissions.READ_HISTORY,
              Permissions.READ_INSTANCE),
          Resources.PROCESS_INSTANCE, List.of(Permissions.READ),
          Resources.DECISION_DEFINITION, List.of(Permissions.READ, Permissions.READ_HISTORY),
          Resources.DECISION_REQUIREMENTS_DEFINITION, List.of(Permissions.READ)),
      Role.WORKER, Map.of(
          Resources.PROCESS_INSTANCE, List.of(Permissions.READ, Permissions.UPDATE),
          Resources.PROCESS_DEFINITION, List.of(Permissions.READ, Permissions.READ_INSTANCE,
              Permissions.UPDATE_INSTANCE)));

  /** The Camunda webapps each role may sign in to. */
  private static final Map<Role, List<String>> APPLICATIONS = Map.of(
      Role.OFFICER, List.of("tasklist"),
      Role.REFORM, List.of("cockpit"));

  /** Set while motcua's own API or pages serve a request: access was decided there. */
  private static final ThreadLocal<Boolean> OWN_RULES = new ThreadLocal<>();

  /** From here on this thread serves motcua's own API or pages: its engine calls are not checked again. */
  static void ownRulesBegin() {
    OWN_RULES.set(Boolean.TRUE);
  }

  static void ownRulesEnd() {
    OWN_RULES.remove();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandInterceptor ownRules = new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (OWN_RULES.get() != null) {
          Context.getCommandContext().disableAuthorizationCheck();
        }
        return next.execute(command);
      }
    };
    configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration
        .getCustomPostCommandInterceptorsTxRequired(), ownRules));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(configuration
        .getCustomPostCommandInterceptorsTxRequiresNew(), ownRules));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all = new ArrayList<>(interceptors == null ? List.of() : interceptors);
    all.add(added);
    return all;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    GRANTS.forEach((role, grants) -> grants.forEach((resource, permissions) ->
        grant(authorizations, role, resource, ANY, permissions)));
    APPLICATIONS.forEach((role, applications) -> applications.forEach(application ->
        grant(authorizations, role, Resources.APPLICATION, application, List.of(Permissions.ACCESS))));
    // the engine's administrators are not exempt from its checks: they hold every permission, as Camunda's own
    // first-start setup grants them
    for (Resources resource : Resources.values()) {
      grant(authorizations, Role.ADMIN, resource, ANY, List.of(Permissions.ALL));
    }
  }

  /** Adds what is missing; a node starting beside another may have just created the same grant. */
  private static void grant(AuthorizationService authorizations, Role role, Resource resource, String resourceId,
      List<Permission> permissions) {
    for (int attempt = 1; ; attempt++) {
      Authorization grant = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
          .groupIdIn(role.groupId()).resourceType(resource).resourceId(resourceId).singleResult();
      if (grant == null) {
        grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(role.groupId());
        grant.setResource(resource);
        grant.setResourceId(resourceId);
      } else if (permissions.stream().allMatch(grant::isPermissionGranted)) {
        return;
      }
      permissions.forEach(grant::addPermission);
      try {
        authorizations.saveAuthorization(grant);
        return;
      } catch (ProcessEngineException concurrent) {
        if (attempt == 3) {
          throw concurrent;
        }
      }
    }
  }
}

package vn.motcua.webapp.people;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorizations ({@code camunda.bpm.authorization.enabled}) govern whoever uses the engine directly: the
 * engine REST API ({@code /engine-rest}: Camunda Modeler, the workers, operators) and the Camunda webapps. motcua's
 * own API and pages decide access themselves, by role, agency and jurisdiction (docs/security.md), so their engine
 * calls run without Camunda's checks; the engine still knows who acts, for the audit trail.
 *
 * <p>At start-up each role's group gets what its work needs, and no more ({@link #GRANTS}): officers Tasklist with
 * the shipped filters (each task is theirs to see, read and work through the candidate groups the models name, which
 * the engine authorizes as it creates the task: {@link #STEP}), reform officers Cockpit to read and deploy models —
 * not dossiers —, the workers their external tasks, administrators ({@code camunda-admin}) everything. Citizens and
 * supervisors get nothing: neither Camunda webapp can keep to their own dossiers or jurisdiction. A dossier's
 * variables, now and in history, are read only with the permissions made for them
 * ({@code enforceSpecificVariablePermission}), whatever else a person may read of the instance. What a person may
 * write through these doors is {@link EngineDoors}'s part.
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
      // the models, not the dossiers: no instance, history or variable of a dossier
      Role.REFORM, Map.of(
          Resources.DEPLOYMENT, List.of(Permissions.READ, Permissions.CREATE),
          Resources.PROCESS_DEFINITION, List.of(Permissions.READ),
          Resources.DECISION_DEFINITION, List.of(Permissions.READ),
          Resources.DECISION_REQUIREMENTS_DEFINITION, List.of(Permissions.READ)),
      Role.WORKER, Map.of(
          Resources.PROCESS_INSTANCE, List.of(Permissions.READ, Permissions.UPDATE),
          Resources.PROCESS_DEFINITION, List.of(Permissions.READ, Permissions.READ_INSTANCE,
              Permissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE)));

  /**
   * What the people a step is for hold on it (the engine grants it as it creates the task): see it and its variables,
   * claim and complete it, give it back to the group — but not write its variables or due date (engine.write.*).
   */
  private static final List<Permission> STEP = List.of(TaskPermissions.READ, TaskPermissions.READ_VARIABLE,
      TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN);

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

  /** Whether this thread serves motcua's own API or pages, which decided access themselves. */
  static boolean servingOwnRules() {
    return OWN_RULES.get() != null;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnforceSpecificVariablePermission(true);
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
        return STEP.toArray(Permission[]::new);
      }
    });
    addPostInterceptor(configuration, () -> new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (servingOwnRules()) {
          Context.getCommandContext().disableAuthorizationCheck();
        }
        return next.execute(command);
      }
    });
  }

  /**
   * Adds an interceptor to the engine's commands, in their transaction (after the command context is made), for the
   * commands that join a transaction and those that start one: an instance each, as each chain links its own.
   */
  static void addPostInterceptor(ProcessEngineConfigurationImpl configuration,
      Supplier<CommandInterceptor> interceptor) {
    configuration.setCustomPostCommandInterceptorsTxRequired(with(
        configuration.getCustomPostCommandInterceptorsTxRequired(), interceptor.get()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(
        configuration.getCustomPostCommandInterceptorsTxRequiresNew(), interceptor.get()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all = new ArrayList<>(interceptors == null ? List.of() : interceptors);
    all.add(added);
    return all;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    GRANTS.forEach((role, grants) -> {
      grants.forEach((resource, permissions) -> grant(authorizations, role, resource, ANY, permissions));
      // what a role held before and no longer needs (reform officers read dossiers' instances until 2026-12)
      authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(role.groupId()).list()
          .stream().filter(grant -> ANY.equals(grant.getResourceId()) && grants.keySet().stream()
              .noneMatch(resource -> resource.resourceType() == grant.getResourceType()))
          .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    });
    narrowStepGrants(authorizations);
    APPLICATIONS.forEach((role, applications) -> applications.forEach(application ->
        grant(authorizations, role, Resources.APPLICATION, application, List.of(Permissions.ACCESS))));
    // the engine's administrators are not exempt from its checks: they hold every permission, as Camunda's own
    // first-start setup grants them
    for (Resources resource : Resources.values()) {
      grant(authorizations, Role.ADMIN, resource, ANY, List.of(Permissions.ALL));
    }
  }

  /**
   * Steps created before the engine granted {@link #STEP} carry Camunda's default (update, which lets a person write
   * the step's variables and due date, and no right to read its variables): given what a step's people hold now.
   */
  private static void narrowStepGrants(AuthorizationService authorizations) {
    int narrowed = 0;
    for (int before = -1; before < narrowed; ) {
      before = narrowed;
      List<Authorization> wide = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
          .hasPermission(Permissions.UPDATE).listPage(0, 501).stream()
          .filter(grant -> !ANY.equals(grant.getResourceId())).toList();
      for (Authorization grant : wide) {
        ((AuthorizationEntity) grant).setPermissions(bits(STEP));
        try {
          authorizations.saveAuthorization(grant);
          narrowed++;
        } catch (ProcessEngineException concurrent) {
          // another node starting beside this one narrowed it first
        }
      }
    }
    if (narrowed > 0) {
      LoggerFactory.getLogger(EngineAuthorizations.class).info("Narrowed {} open steps' grants to {}", narrowed, STEP);
    }
  }

  private static int bits(List<Permission> permissions) {
    return permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
  }

  /**
   * Gives the role exactly these permissions (adding what is missing, taking back what is no longer its); a node
   * starting beside another may have just created the same grant.
   */
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
      } else if (((AuthorizationEntity) grant).getPermissions() == bits(permissions)) {
        return;
      }
      ((AuthorizationEntity) grant).setPermissions(bits(permissions));
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

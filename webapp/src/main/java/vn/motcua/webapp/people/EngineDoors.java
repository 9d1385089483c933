package vn.motcua.webapp.people;

import java.lang.reflect.Field;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractGetFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.processes.rules.OwnedVariables;
import vn.motcua.webapp.catalog.StepForms;
import vn.motcua.webapp.system.FieldErrors;
import vn.motcua.webapp.system.RuleViolation;

/**
 * What a person may change, and what an administrator reads, through the engine's own doors — Camunda Tasklist and
 * Cockpit, the engine REST API — checked inside the engine for every command they send, whatever the door (motcua's
 * own API and pages decide for themselves and pass their checked values on; the engine's jobs and delegates act for no
 * one):
 * <ul>
 *   <li>an officer completes a step with its form's fields and nothing else, and otherwise only claims and releases
 *   steps: no variable written by hand, no due date, owner, delegation, message or modification;</li>
 *   <li>the workers complete their external tasks with what they found;</li>
 *   <li>an administrator may repair a dossier, but neither the workers nor an administrator write what motcua
 *   computes ({@link OwnedVariables}: deadlines, stages, the applicant's data, the fee, the agencies), and nobody
 *   moves a step's due date or a timer by hand: those change only through the operations that own them.</li>
 * </ul>
 * Refused writes are 403 (the engine's authorization refusal), a field outside the step's form a 400 per field; an
 * administrator's accepted writes are logged, and what they read of dossiers' variables and history is recorded
 * ({@code engine_read}: who, when, which query of which dossier). Who else may read is Camunda's authorizations' part
 * ({@link EngineAuthorizations}).
 */
@Component
class EngineDoors extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineDoors.class);
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  /** Nesting of the commands on this thread: only the command a person sent is theirs, not what it runs. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

  /** What kind of change a command makes. */
  enum Kind { STEP, STEP_EVENT, WORK, VARIABLES, FLOW, DUE_DATE, TASK }

  /** A change a command asks for: its kind, the task (when it is a task's), and the variables it writes. */
  record Change(Kind kind, String taskId, Map<String, Object> variables) {
  }

  /** Reading these is reading what dossiers hold: their variables, now or in history, and the decisions' inputs. */
  private static final List<Class<?>> READS = List.of(GetExecutionVariablesCmd.class, GetExecutionVariableCmd.class,
      GetExecutionVariableTypedCmd.class, GetTaskVariablesCmd.class, GetTaskVariableCmd.class,
      GetTaskVariableCmdTyped.class, AbstractGetFormVariablesCmd.class, VariableInstanceQueryImpl.class,
      HistoricVariableInstanceQueryImpl.class, HistoricDetailQueryImpl.class, HistoricDecisionInstanceQueryImpl.class);

  private final ObjectProvider<StepForms> forms;
  private final ObjectProvider<MessageSource> messages;
  private final ObjectProvider<JdbcTemplate> database;
  private final Clock clock;

  EngineDoors(ObjectProvider<StepForms> forms, ObjectProvider<MessageSource> messages,
      ObjectProvider<JdbcTemplate> database, Clock clock) {
    this.forms = forms;
    this.messages = messages;
    this.database = database;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineAuthorizations.addPostInterceptor(configuration, () -> new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
          if (depth[0] == 1) {
            check(command);
          }
          return next.execute(command);
        } finally {
          depth[0]--;
        }
      }
    });
  }

  private void check(Command<?> command) {
    Authentication who = Context.getCommandContext().getAuthentication();
    if (who == null || EngineAuthorizations.servingOwnRules()) {
      return;
    }
    List<String> groups = who.getGroupIds() == null ? List.of() : who.getGroupIds();
    if (groups.contains(Role.ADMIN.groupId()) && READS.stream().anyMatch(type -> type.isInstance(command))) {
      database.getObject().update("insert into engine_read (read_at, username, query, target) values (?, ?, ?, ?)",
          java.sql.Timestamp.from(clock.instant()), who.getUserId(), command.getClass().getSimpleName(),
          target(command));
      return;
    }
    Change change = change(command);
    if (change == null) {
      return;
    }
    if (groups.contains(Role.ADMIN.groupId())) {
      administrator(who.getUserId(), command, change);
    } else if (groups.contains(Role.WORKER.groupId()) && change.kind() == Kind.WORK) {
      requireNotOwned(change);
    } else {
      person(who.getUserId(), change);
    }
  }

  private void person(String user, Change change) {
    if (change.kind() == Kind.STEP) {
      stepForm(change);
      return;
    }
    if (change.kind() == Kind.TASK && releasesOwnStep(user, change)) {
      return;
    }
    throw refused("engine.write.person", change.kind());
  }

  private void administrator(String user, Command<?> command, Change change) {
    if (change.kind() == Kind.DUE_DATE) {
      throw refused("engine.write.dueDate");
    }
    requireNotOwned(change);
    LOG.warn("Administrator {} changed through the engine's doors: {} {} {}", user, command.getClass().getSimpleName(),
        change.taskId() == null ? "" : "task " + change.taskId(), change.variables().keySet());
  }

  private void requireNotOwned(Change change) {
    List<String> owned = change.variables().keySet().stream().filter(OwnedVariables::owned).sorted().toList();
    if (!owned.isEmpty()) {
      throw refused("engine.write.owned", String.join(", ", owned));
    }
  }

  /** A step's completion carries its form's fields: editable ones, or a read-only one unchanged. */
  private void stepForm(Change change) {
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(change.taskId());
    if (task == null || change.variables().isEmpty()) {
      return; // the engine answers for a task that is not there
    }
    Optional<StepForms.Form> form = forms.getObject().forStep(task.getProcessDefinitionId(),
        task.getTaskDefinitionKey(), () -> Context.getProcessEngineConfiguration().getFormService()
            .getDeployedTaskForm(task.getId()));
    List<FieldErrors.FieldError> errors = new ArrayList<>();
    change.variables().forEach((name, value) -> {
      Optional<StepForms.Field> field = form.flatMap(f -> f.fields().stream().filter(x -> x.key().equals(name))
          .findFirst());
      boolean allowed = field.isPresent() && (!field.get().readOnly()
          || Objects.equals(value, task.getVariable(name)));
      if (!allowed) {
        errors.add(new FieldErrors.FieldError(name, "task.field.notInForm", name));
      }
    });
    if (!errors.isEmpty()) {
      throw RuleViolation.of(errors, messages.getObject());
    }
  }

  /** Tasklist's "release": the person holding the step gives it back to the group. */
  private static boolean releasesOwnStep(String user, Change change) {
    if (!(change.variables().get("assignee") == null && change.variables().containsKey("assignee"))) {
      return false;
    }
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(change.taskId());
    return task != null && user.equals(task.getAssignee());
  }

  private AuthorizationException refused(String key, Object... arguments) {
    MessageSource text = messages.getObject();
    return new AuthorizationException(text.getMessage(key, arguments, VIETNAMESE) + " / "
        + text.getMessage(key, arguments, Locale.ENGLISH));
  }

  /** The change a command asks for; none for a command that changes none of what these doors guard. */
  static Change change(Command<?> command) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      return new Change(Kind.STEP, text(command, "taskId"), variables(command));
    }
    if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      return new Change(Kind.STEP_EVENT, text(command, "taskId"), variables(command));
    }
    if (command instanceof HandleExternalTaskCmd) {
      return new Change(Kind.WORK, null, variables(command));
    }
    if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
      return new Change(Kind.VARIABLES, text(command, "entityId"), variables(command));
    }
    if (command instanceof SetTaskDueDateCmd || command instanceof SetJobDuedateCmd || command instanceof SaveTaskCmd) {
      return new Change(Kind.DUE_DATE, null, Map.of());
    }
    if (command instanceof AssignTaskCmd) {
      Map<String, Object> assignee = new LinkedHashMap<>();
      assignee.put("assignee", read(command, "userId"));
      return new Change(Kind.TASK, text(command, "taskId"), assignee);
    }
    if (command instanceof AbstractSetTaskPropertyCmd<?> || command instanceof DelegateTaskCmd
        || command instanceof SetTaskOwnerCmd) {
      return new Change(Kind.TASK, null, Map.of());
    }
    if (command instanceof AbstractCorrelateMessageCmd || command instanceof SignalCmd
        || command instanceof SignalEventReceivedCmd || command instanceof StartProcessInstanceCmd
        || command instanceof SubmitStartFormCmd || command instanceof ModifyProcessInstanceCmd) {
      return new Change(Kind.FLOW, null, variables(command));
    }
    return null;
  }

  /**
   * Every variable the command would write, by name: the maps and name lists it holds, and those of the builder it
   * carries (a message's, a signal's, a start's or a modification's). What cannot be read is refused: an engine whose
   * commands changed shape must not open the door.
   */
  static Map<String, Object> variables(Object command) {
    Map<String, Object> found = new LinkedHashMap<>();
    collect(command, found, 3);
    return found;
  }

  private static void collect(Object holder, Map<String, Object> found, int depth) {
    for (Field field : fields(holder.getClass())) {
      Object value = get(field, holder);
      if (value instanceof Map<?, ?> map) {
        map.forEach((name, v) -> found.put(String.valueOf(name), v));
      } else if (value instanceof Collection<?> names && field.getName().matches("variableNames|deletions")) {
        names.forEach(name -> found.put(String.valueOf(name), null));
      } else if (value instanceof Collection<?> items && depth > 0) {
        items.forEach(item -> {
          if (item != null && item.getClass().getName().startsWith("org.camunda.bpm.engine.impl.")) {
            collect(item, found, depth - 1);
          }
        });
      } else if (value != null && depth > 0 && value.getClass().getName().endsWith("BuilderImpl")) {
        collect(value, found, depth - 1);
      }
    }
  }

  private static List<Field> fields(Class<?> type) {
    return FIELDS.computeIfAbsent(type, t -> {
      List<Field> all = new ArrayList<>();
      for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (!java.lang.reflect.Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
            field.setAccessible(true);
            all.add(field);
          }
        }
      }
      return all;
    });
  }

  /** Which dossiers, tasks or executions a read asked for, as the command names them. */
  private static String target(Object command) {
    StringBuilder target = new StringBuilder();
    for (Field field : fields(command.getClass())) {
      Object value = get(field, command);
      if (value != null && field.getName().matches(".*(Id|Ids|IdIn|Name|NameLike|BusinessKey)")
          && (value instanceof String || value instanceof String[])) {
        target.append(target.isEmpty() ? "" : " ").append(field.getName()).append('=')
            .append(value instanceof String[] many ? String.join(",", many) : value);
      }
    }
    return target.length() > 500 ? target.substring(0, 500) : target.toString();
  }

  private static Object read(Object command, String name) {
    return get(fields(command.getClass()).stream().filter(f -> f.getName().equals(name)).findFirst()
        .orElseThrow(() -> new ProcessEngineException("motcua cannot find " + name + " in "
            + command.getClass().getName())), command);
  }

  private static Object get(Field field, Object holder) {
    try {
      return field.get(holder);
    } catch (IllegalAccessException | RuntimeException unreadable) {
      throw new ProcessEngineException("motcua cannot read " + field + " of the engine's command", unreadable);
    }
  }

  private static String text(Object command, String name) {
    Object value = read(command, name);
    return value == null ? null : value.toString();
  }
}

package vn.motcua.processes.legaltime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.task.Task;

/**
 * The dossier's legal clock as the models keep it, on the procedure's process instance: {@code receivedAt},
 * {@code processingDays}, {@code dossierDeadline} (and {@code originalDeadline} once extended), the current stage's
 * {@code stageDays}, {@code stageDeadline} and the moments its timers fire ({@code warnAt}, {@code apologyAt},
 * {@code overdueAt}). Building blocks change it through the delegates of this package; after every change the
 * dossier's timers are recalculated, so warnings, apologies and escalations follow the new deadlines.
 */
public final class LegalClock {

  /** Timer moments while the clock is stopped: the timers wait until it runs again. */
  static final Instant STOPPED = Instant.parse("2999-12-31T00:00:00Z");

  private final ExecutionEntity root;
  private final LegalCalendar calendar;

  private LegalClock(ExecutionEntity root, LegalCalendar calendar) {
    this.root = root;
    this.calendar = calendar;
  }

  /** The clock of the dossier the execution belongs to (the outermost process instance of the call tree). */
  public static LegalClock of(DelegateExecution execution) {
    ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    WorkingDayBusinessCalendar working = (WorkingDayBusinessCalendar) Context.getProcessEngineConfiguration()
        .getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME);
    return new LegalClock(instance, working.legalCalendar());
  }

  public Object get(String variable) {
    return root.getVariable(variable);
  }

  public void set(String variable, Object value) {
    root.setVariable(variable, value);
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public Instant instant(String variable) {
    return instant(get(variable));
  }

  public BigDecimal days(String variable) {
    Object value = get(variable);
    return value == null ? null : new BigDecimal(value.toString());
  }

  public LegalCalendar calendar() {
    return calendar;
  }

  /** The dossier's legal time as it stands, for the read model. */
  public record Snapshot(Instant receivedAt, Instant deadline, Instant originalDeadline, Instant stageDeadline,
                         Instant pausedAt, String stage, String stageAgency, boolean apologyIssued) {
  }

  public Snapshot snapshot() {
    return new Snapshot(instant("receivedAt"), instant("dossierDeadline"), instant("originalDeadline"),
        instant("stageDeadline"), instant("pausedAt"), (String) get("stage"), (String) get("stageAgency"),
        Boolean.TRUE.equals(get("apologyIssued")));
  }

  /**
   * What a delegate of this package changed, for whoever records it (the read model's listener at the end of the
   * same activity): kind (PAUSED, RESUMED, EXTENDED), the rule applied, the deadlines before and after, and why.
   * Kept in transient variables of the activity's execution: never stored, gone after the transaction.
   */
  public record Change(String kind, String rule, Instant previousDeadline, Instant newDeadline, String reason) {
  }

  private static final String CHANGE = "legalClockChange";

  static void announce(DelegateExecution execution, Change change) {
    execution.setVariableLocal(CHANGE + "Kind", Variables.stringValue(change.kind(), true));
    execution.setVariableLocal(CHANGE + "Rule", Variables.stringValue(change.rule(), true));
    execution.setVariableLocal(CHANGE + "Previous", Variables.dateValue(date(change.previousDeadline()), true));
    execution.setVariableLocal(CHANGE + "New", Variables.dateValue(date(change.newDeadline()), true));
    execution.setVariableLocal(CHANGE + "Reason", Variables.stringValue(change.reason(), true));
  }

  /** The change the activity of this execution announced, if any; taking it clears it. */
  public static Change takeChange(DelegateExecution execution) {
    Object kind = execution.getVariableLocal(CHANGE + "Kind");
    if (kind == null) {
      return null;
    }
    Change change = new Change((String) kind, (String) execution.getVariableLocal(CHANGE + "Rule"),
        instant(execution.getVariableLocal(CHANGE + "Previous")), instant(execution.getVariableLocal(CHANGE + "New")),
        (String) execution.getVariableLocal(CHANGE + "Reason"));
    for (String part : new String[] {"Kind", "Rule", "Previous", "New", "Reason"}) {
      execution.removeVariableLocal(CHANGE + part);
    }
    return change;
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Object date) {
    return date instanceof Date d ? d.toInstant() : null;
  }

  /** When the current count of the processing time began: receipt, or the last restart after a supplement. */
  public Instant countStartedAt() {
    Instant restarted = instant("clockRestartedAt");
    return restarted != null ? restarted : instant("receivedAt");
  }

  /** Whether the dossier has been received, so that its legal time runs. */
  public boolean running() {
    return instant("dossierDeadline") != null;
  }

  /** Supplement keys already used: one request per agency during handling, and one guidance at reception. */
  public Set<String> supplementRequests() {
    Object value = get("supplementRequests");
    Set<String> keys = new LinkedHashSet<>();
    if (value instanceof String text && !text.isBlank()) {
      keys.addAll(List.of(text.split(",")));
    }
    return keys;
  }

  public void recordSupplementRequest(String key) {
    Set<String> keys = supplementRequests();
    keys.add(key);
    set("supplementRequests", String.join(",", keys));
  }

  /** Stops the timers: during a pause no warning, apology or escalation may fire. */
  public void stopTimers() {
    Date stopped = Date.from(STOPPED);
    set("warnAt", stopped);
    set("apologyAt", stopped);
    set("overdueAt", stopped);
    recalculateTimers();
  }

  /** Sets the timer moments from the current deadlines and recalculates the dossier's timers. */
  public void scheduleTimers() {
    Instant stageDeadline = instant("stageDeadline");
    Instant deadline = instant("dossierDeadline");
    BigDecimal stageDays = days("stageDays");
    BigDecimal share = days("stageWarningShare");
    BigDecimal notice = days("apologyNoticeDays");
    Instant stageStart = instant("stageStartedAt");
    if (stageDeadline != null && stageStart != null && stageDays != null && share != null) {
      Instant warn = calendar.deadline(stageStart, stageDays.multiply(share));
      set("warnAt", Date.from(warn.isAfter(stageDeadline) ? stageDeadline : warn));
      set("overdueAt", Date.from(stageDeadline));
    }
    if (Boolean.TRUE.equals(get("apologyIssued"))) {
      set("apologyAt", Date.from(STOPPED));
    } else if (deadline != null && notice != null) {
      set("apologyAt", Date.from(calendar.before(deadline, notice)));
    }
    recalculateTimers();
  }

  /** Moves the dossier deadline and the current stage's deadline by the same amount of working time. */
  public void shift(Instant newDeadline) {
    long delta = calendar.workingMinutesBetween(instant("dossierDeadline"), newDeadline);
    Instant stage = instant("stageDeadline");
    Instant stageStart = instant("stageStartedAt");
    moveDeadlines(newDeadline,
        stage == null ? null : calendar.addWorkingMinutes(stage, delta),
        stageStart == null ? null : calendar.addWorkingMinutes(stageStart, delta));
  }

  /**
   * Sets new deadlines for the dossier and its current stage (null keeps a value). The open tasks that were due at
   * an old deadline are due at the new one: a deadline moved by the law moves the officers' due dates with it.
   */
  public void moveDeadlines(Instant dossierDeadline, Instant stageDeadline, Instant stageStartedAt) {
    Map<Instant, Instant> moved = new HashMap<>();
    Instant oldDeadline = instant("dossierDeadline");
    Instant oldStageDeadline = instant("stageDeadline");
    if (stageDeadline != null) {
      set("stageDeadline", Date.from(stageDeadline));
      if (oldStageDeadline != null) {
        moved.put(oldStageDeadline, stageDeadline);
      }
    }
    if (dossierDeadline != null) {
      set("dossierDeadline", Date.from(dossierDeadline));
      if (oldDeadline != null) {
        moved.put(oldDeadline, dossierDeadline);
      }
    }
    if (stageStartedAt != null) {
      set("stageStartedAt", Date.from(stageStartedAt));
    }
    TaskService tasks = Context.getProcessEngineConfiguration().getTaskService();
    String businessKey = root.getBusinessKey();
    if (businessKey == null || moved.isEmpty()) {
      return;
    }
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list()) {
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      if (due != null && moved.containsKey(due) && !moved.get(due).equals(due)) {
        task.setDueDate(Date.from(moved.get(due)));
        tasks.saveTask(task);
      }
    }
  }

  /**
   * The holiday calendar changed (a day off announced later, a swapped working day): the working time left to the
   * deadlines stays what it was under the calendar before, counted from now by the calendar in force. Days already
   * passed move nothing — they were worked, or not, as the office then knew. A paused dossier keeps its timers
   * stopped; its deadlines move so that the time it had left is the same when it runs again.
   *
   * @return the change of the dossier's deadline (its stage's may have moved too), or null when nothing moved
   */
  public Change recount(LegalCalendar before) {
    Instant now = now();
    Instant deadline = instant("dossierDeadline");
    if (deadline == null || !deadline.isAfter(now)) {
      return null;
    }
    Instant stage = instant("stageDeadline");
    Instant newDeadline = calendar.addWorkingMinutes(now, before.workingMinutesBetween(now, deadline));
    Instant newStage = stage == null || !stage.isAfter(now) ? stage
        : calendar.addWorkingMinutes(now, before.workingMinutesBetween(now, stage));
    if (newDeadline.equals(deadline) && java.util.Objects.equals(newStage, stage)) {
      return null;
    }
    moveDeadlines(newDeadline, newStage, null);
    if (instant("pausedAt") == null) {
      scheduleTimers();
    }
    return new Change("RECOUNTED", null, deadline, newDeadline, null);
  }

  /** Re-evaluates every timer of the dossier: deadline-based dates move, durations keep their creation base. */
  private void recalculateTimers() {
    RuntimeService runtime = Context.getProcessEngineConfiguration().getRuntimeService();
    ManagementService management = Context.getProcessEngineConfiguration().getManagementService();
    String businessKey = root.getBusinessKey();
    if (businessKey == null) {
      return;
    }
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .list()) {
      for (Job job : management.createJobQuery().timers().processInstanceId(instance.getId()).list()) {
        management.recalculateJobDuedate(job.getId(), true);
      }
    }
  }

  /** A rule of legal time refused an officer's decision; the engine answers it as a 400 with this message. */
  static LegalTimeRefusal refused(String code, List<Object> arguments, String vietnamese, String english) {
    return new LegalTimeRefusal(code, arguments, vietnamese, english);
  }
}

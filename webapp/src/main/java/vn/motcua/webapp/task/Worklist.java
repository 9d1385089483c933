package vn.motcua.webapp.task;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.catalog.StepDefinitions;
import vn.motcua.webapp.catalog.StepForms;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.document.DocumentView;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.dossier.DossierView;
import vn.motcua.webapp.dossier.TaskLookup;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.people.StaffDirectory;
import vn.motcua.webapp.system.ApiException;

/**
 * An officer's work: the steps assigned to them or open to their groups, soonest due first; claiming; and completing
 * a step with values checked against its form. A step held by someone else, or already done, is a conflict (409).
 */
@Service
public class Worklist {

  private static final int MAX_TASKS = 500;
  private static final Comparator<Task> SOONEST_DUE = Comparator.comparing(Task::getDueDate,
      Comparator.nullsLast(Comparator.naturalOrder()));

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final FormService forms;
  private final StepForms stepForms;
  private final StepFormValidator validator;
  private final DossierQueries dossiers;
  private final TaskLookup lookup;
  private final StepDefinitions steps;
  private final DocumentService documents;
  private final StaffDirectory directory;
  private final LegalCalendar calendar;
  private final Clock clock;

  Worklist(TaskService tasks, RuntimeService runtime, HistoryService history, FormService forms, StepForms stepForms,
      StepFormValidator validator, DossierQueries dossiers, TaskLookup lookup, StepDefinitions steps,
      DocumentService documents, StaffDirectory directory, LegalCalendar calendar, Clock clock) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.history = history;
    this.forms = forms;
    this.stepForms = stepForms;
    this.validator = validator;
    this.dossiers = dossiers;
    this.lookup = lookup;
    this.steps = steps;
    this.documents = documents;
    this.directory = directory;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * Tasks assigned to me, and unassigned tasks my groups may take. Not one transaction: a task a colleague completes
   * while the list is read is left out of it (a failed read would spoil a surrounding transaction).
   */
  public List<TaskView> mine(Staff staff) {
    if (!staff.officer() && !staff.supervising()) {
      // citizens follow their dossiers, not tasks
      throw ApiException.forbidden("error.task.notYours");
    }
    List<Task> found = tasks.createTaskQuery()
        .or().taskAssignee(staff.username()).taskCandidateGroupIn(staff.groupIds()).endOr()
        .orderByTaskCreateTime().asc()
        .listPage(0, MAX_TASKS).stream()
        .sorted(SOONEST_DUE)
        .toList();
    Map<String, String> receiptCodes = receiptCodes(found);
    Map<String, Dossier> byCode = dossiers.byReceiptCodes(new HashSet<>(receiptCodes.values()));
    return found.stream().flatMap(task -> listed(task, receiptCodes, byCode)).toList();
  }

  /** A task of the list, unless a colleague completed it while the list was read. */
  private java.util.stream.Stream<TaskView> listed(Task task, Map<String, String> receiptCodes,
      Map<String, Dossier> byCode) {
    String receiptCode = receiptCodes.get(task.getProcessInstanceId());
    try {
      if (receiptCode == null && gone(task)) {
        return java.util.stream.Stream.empty();
      }
      return java.util.stream.Stream.of(view(task, receiptCode == null ? null : byCode.get(receiptCode), null, null));
    } catch (RuntimeException failed) {
      // the engine says "gone under the read" in more than one way
      if (gone(task)) {
        return java.util.stream.Stream.empty();
      }
      throw failed;
    }
  }

  private boolean gone(Task task) {
    return tasks.createTaskQuery().taskId(task.getId()).count() == 0;
  }

  @Transactional(readOnly = true)
  public TaskView get(String taskId, Staff staff) {
    TaskLookup.OpenTask open = openTask(taskId);
    Task task = open.task();
    requireCandidate(task, staff);
    Dossier dossier = open.receiptCode() == null ? null : dossiers.find(open.receiptCode()).orElse(null);
    List<DocumentView> attached = dossier == null ? List.of() : documents.list(dossier.getReceiptCode(), staff)
        .stream().filter(d -> taskId.equals(d.taskId())).toList();
    return view(task, dossier, form(task).map(f -> new TaskView.Form(f.id(), f.fields(),
        values(task.getId(), f))).orElse(null), attached);
  }

  @Transactional
  public TaskView claim(String taskId, Staff staff) {
    Task task = open(taskId);
    requireCandidate(task, staff);
    if (task.getAssignee() != null && !task.getAssignee().equals(staff.username())) {
      throw ApiException.conflict("error.task.claimedByOther", task.getAssignee());
    }
    if (task.getAssignee() == null) {
      try {
        tasks.claim(taskId, staff.username());
      } catch (TaskAlreadyClaimedException race) {
        throw ApiException.conflict("error.task.claimedByOther", race.getTaskAssignee());
      }
    }
    return get(taskId, staff);
  }

  @Transactional
  public void unclaim(String taskId, Staff staff) {
    Task task = open(taskId);
    // who holds a step is told only to those it is for
    requireCandidate(task, staff);
    if (task.getAssignee() != null && !task.getAssignee().equals(staff.username())) {
      throw ApiException.conflict("error.task.claimedByOther", task.getAssignee());
    }
    tasks.setAssignee(taskId, null);
  }

  /** Hands the task to a colleague who belongs to one of its candidate groups. */
  @Transactional
  public TaskView delegate(String taskId, String colleague, Staff staff) {
    Task task = open(taskId);
    requireCandidate(task, staff);
    if (task.getAssignee() != null && !task.getAssignee().equals(staff.username())) {
      throw ApiException.conflict("error.task.claimedByOther", task.getAssignee());
    }
    boolean colleagueMayTakeIt = candidateGroups(taskId).stream()
        .anyMatch(group -> directory.members(group).contains(colleague));
    if (colleague == null || colleague.equals(staff.username()) || !colleagueMayTakeIt) {
      throw ApiException.badRequest("error.task.delegateTarget", colleague);
    }
    tasks.setAssignee(taskId, colleague);
    return get(taskId, staff);
  }

  /** Colleagues who may take the task (members of its candidate groups), for delegation. */
  @Transactional(readOnly = true)
  public List<String> colleagues(String taskId, Staff staff) {
    Task task = open(taskId);
    requireCandidate(task, staff);
    return candidateGroups(taskId).stream().flatMap(group -> directory.members(group).stream())
        .filter(user -> !user.equals(staff.username())).distinct().sorted().toList();
  }

  /**
   * The officer who has just recorded a dossier takes its first step that is theirs, with what the reception already
   * found filled in: a step's form shows the variables named like its fields.
   */
  @Transactional
  public java.util.Optional<String> takeFirstStep(String receiptCode, Map<String, Object> found, Staff staff) {
    return tasks.createTaskQuery().processInstanceBusinessKey(receiptCode).taskCandidateGroupIn(staff.groupIds())
        .orderByTaskCreateTime().asc().list().stream().findFirst().map(task -> {
          tasks.claim(task.getId(), staff.username());
          tasks.setVariables(task.getId(), found);
          return task.getId();
        });
  }

  /** Completes one step of a batch: only steps whose model allows batch approval. */
  @Transactional
  public DossierView completeInBatch(String taskId, Map<String, Object> submitted, Staff staff) {
    Task task = open(taskId);
    if (!steps.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).batchApproval()) {
      throw ApiException.unprocessable("error.task.notBatch", task.getName());
    }
    return complete(taskId, submitted, staff);
  }

  /** Completes the step with the form's values and returns the dossier as it stands afterwards. */
  @Transactional
  public DossierView complete(String taskId, Map<String, Object> submitted, Staff staff) {
    TaskLookup.OpenTask open = openTask(taskId);
    Task task = open.task();
    requireCandidate(task, staff);
    if (task.getAssignee() != null && !task.getAssignee().equals(staff.username())) {
      throw ApiException.conflict("error.task.claimedByOther", task.getAssignee());
    }
    StepForms.Form form = form(task).orElseThrow(() -> ApiException.unprocessable("error.task.noForm", task.getName()));
    // the dossier's variables are the context of the form's conditions, under what was submitted: read only those
    // the conditions name and the officer did not submit (mostly none: they name the step's own decision)
    Set<String> reads = form.conditionNames();
    Map<String, Object> accepted = validator.validate(form, submitted, reads == null ? tasks.getVariables(taskId)
        : submitted.keySet().containsAll(reads) ? Map.of() : tasks.getVariables(taskId, reads));
    String receiptCode = open.receiptCode();
    try {
      // claimed and completed in one engine command: the task is read and written once, not twice
      ((ServiceImpl) tasks).getCommandExecutor().execute(context -> {
        lock(context, (TaskEntity) task);
        if (task.getAssignee() == null) {
          new ClaimTaskCmd(taskId, staff.username()).execute(context);
        }
        return new CompleteTaskCmd(taskId, accepted).execute(context);
      });
    } catch (TaskAlreadyClaimedException race) {
      throw ApiException.conflict("error.task.claimedByOther", race.getTaskAssignee());
    }
    return dossiers.viewAfterAction(receiptCode);
  }

  /**
   * Takes the task's row as it was read: of two completing it at once, the second waits here for the first and is
   * then refused (409), rather than going on with what the first is removing.
   */
  private static void lock(CommandContext context, TaskEntity task) {
    try (PreparedStatement select = context.getDbSqlSession().getSqlSession().getConnection()
        .prepareStatement("select ID_ from ACT_RU_TASK where ID_ = ? and REV_ = ? for update")) {
      select.setString(1, task.getId());
      select.setInt(2, task.getRevision());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw ApiException.conflict("error.concurrentChange");
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot lock task " + task.getId(), e);
    }
  }

  private Task open(String taskId) {
    return openTask(taskId).task();
  }

  private TaskLookup.OpenTask openTask(String taskId) {
    java.util.Optional<TaskLookup.OpenTask> open = lookup.open(taskId);
    if (open.isPresent()) {
      return open.get();
    }
    if (history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0) {
      throw ApiException.conflict("error.task.alreadyCompleted");
    }
    throw ApiException.notFound("error.task.notFound", taskId);
  }

  private void requireCandidate(Task task, Staff staff) {
    if (staff.username().equals(task.getAssignee())) {
      return;
    }
    boolean candidate = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .anyMatch(link -> staff.username().equals(link.getUserId())
            || link.getGroupId() != null && staff.inGroup(link.getGroupId()));
    if (!candidate) {
      throw ApiException.forbidden("error.task.notYours");
    }
  }

  private java.util.Optional<StepForms.Form> form(Task task) {
    return stepForms.forStep(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), () -> {
      try {
        return forms.getDeployedTaskForm(task.getId());
      } catch (ProcessEngineException noForm) {
        return null;
      }
    });
  }

  private Map<String, Object> values(String taskId, StepForms.Form form) {
    Map<String, Object> values = new HashMap<>();
    Map<String, Object> variables = tasks.getVariables(taskId);
    form.fields().forEach(f -> {
      if (variables.get(f.key()) != null) {
        values.put(f.key(), variables.get(f.key()));
      }
    });
    return values;
  }

  private Map<String, String> receiptCodes(List<Task> found) {
    Set<String> ids = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return Map.of();
    }
    return runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
        .filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
  }

  private List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private TaskView view(Task task, Dossier dossier, TaskView.Form form, List<DocumentView> attachments) {
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    Instant now = clock.instant();
    BigDecimal remaining = due == null ? null : now.isAfter(due)
        ? calendar.workingDaysBetween(due, now).negate() : calendar.workingDaysBetween(now, due);
    StepDefinitions.Step step = steps.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(),
        dossier == null ? null : dossier.getReceiptCode(), dossier == null ? null : dossier.getProcedureName(),
        dossier == null ? null : dossier.getApplicant().fullName(), candidateGroups(task.getId()), task.getAssignee(),
        time(task.getCreateTime()), time(task.getDueDate()), remaining, due != null && now.isAfter(due),
        step.batchApproval(), step.requiredAttachment(), step.requiredAttachmentWhen(), form, attachments);
  }

  private OffsetDateTime time(Date date) {
    return date == null ? null : date.toInstant().atZone(calendar.zone()).toOffsetDateTime();
  }
}

package vn.motcua.webapp.task;

import java.math.BigDecimal;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.catalog.StepForms;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.dossier.DossierView;
import vn.motcua.webapp.people.Staff;
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
  private final LegalCalendar calendar;
  private final Clock clock;

  Worklist(TaskService tasks, RuntimeService runtime, HistoryService history, FormService forms, StepForms stepForms,
      StepFormValidator validator, DossierQueries dossiers, LegalCalendar calendar, Clock clock) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.history = history;
    this.forms = forms;
    this.stepForms = stepForms;
    this.validator = validator;
    this.dossiers = dossiers;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Tasks assigned to me, and unassigned tasks my groups may take. */
  @Transactional(readOnly = true)
  public List<TaskView> mine(Staff staff) {
    List<Task> found = tasks.createTaskQuery()
        .or().taskAssignee(staff.username()).taskCandidateGroupIn(staff.groupIds()).endOr()
        .orderByTaskCreateTime().asc()
        .listPage(0, MAX_TASKS).stream()
        .sorted(SOONEST_DUE)
        .toList();
    Map<String, String> receiptCodes = receiptCodes(found);
    Map<String, Dossier> byCode = dossiers.byReceiptCodes(new HashSet<>(receiptCodes.values()));
    return found.stream().map(t -> view(t, byCode.get(receiptCodes.get(t.getProcessInstanceId())), null)).toList();
  }

  @Transactional(readOnly = true)
  public TaskView get(String taskId, Staff staff) {
    Task task = open(taskId);
    requireCandidate(task, staff);
    Map<String, String> codes = receiptCodes(List.of(task));
    Dossier dossier = dossiers.byReceiptCodes(codes.values()).get(codes.get(task.getProcessInstanceId()));
    return view(task, dossier, form(task).map(f -> new TaskView.Form(f.id(), f.fields(),
        values(task.getId(), f))).orElse(null));
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
    if (task.getAssignee() != null && !task.getAssignee().equals(staff.username())) {
      throw ApiException.conflict("error.task.claimedByOther", task.getAssignee());
    }
    requireCandidate(task, staff);
    tasks.setAssignee(taskId, null);
  }

  /** Completes the step with the form's values and returns the dossier as it stands afterwards. */
  @Transactional
  public DossierView complete(String taskId, Map<String, Object> submitted, Staff staff) {
    Task task = open(taskId);
    requireCandidate(task, staff);
    if (task.getAssignee() != null && !task.getAssignee().equals(staff.username())) {
      throw ApiException.conflict("error.task.claimedByOther", task.getAssignee());
    }
    StepForms.Form form = form(task).orElseThrow(() -> ApiException.unprocessable("error.task.noForm", task.getName()));
    Map<String, Object> accepted = validator.validate(form, submitted, tasks.getVariables(taskId));
    String receiptCode = receiptCodes(List.of(task)).get(task.getProcessInstanceId());
    try {
      if (task.getAssignee() == null) {
        tasks.claim(taskId, staff.username());
      }
      tasks.complete(taskId, accepted);
    } catch (TaskAlreadyClaimedException race) {
      throw ApiException.conflict("error.task.claimedByOther", race.getTaskAssignee());
    }
    return dossiers.viewAfterAction(receiptCode);
  }

  private Task open(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task != null) {
      return task;
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

  private TaskView view(Task task, Dossier dossier, TaskView.Form form) {
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    Instant now = clock.instant();
    BigDecimal remaining = due == null ? null : now.isAfter(due)
        ? calendar.workingDaysBetween(due, now).negate() : calendar.workingDaysBetween(now, due);
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(),
        dossier == null ? null : dossier.getReceiptCode(), dossier == null ? null : dossier.getProcedureName(),
        dossier == null ? null : dossier.getApplicant().fullName(), groups, task.getAssignee(),
        time(task.getCreateTime()), time(task.getDueDate()), remaining, due != null && now.isAfter(due), form);
  }

  private OffsetDateTime time(Date date) {
    return date == null ? null : date.toInstant().atZone(calendar.zone()).toOffsetDateTime();
  }
}

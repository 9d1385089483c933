package vn.motcua.webapp.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.catalog.StepForms;
import vn.motcua.webapp.people.AgencyRole;

/**
 * Applies engine events to the dossier tables. Called by {@link ReadModelPlugin} inside the engine command, so a
 * failure here rolls back the engine change too: the read model can lag nothing and lose nothing.
 */
@Component
class DossierReadModel {

  private static final Logger LOG = LoggerFactory.getLogger(DossierReadModel.class);
  private static final String SYSTEM = "system";

  private final DossierRepository dossiers;
  private final DossierStageRepository stages;
  private final DossierJournal journal;
  private final StepForms forms;
  private final FormService formService;
  private final LegalCalendar calendar;
  private final Clock clock;
  private final ObjectMapper json;

  DossierReadModel(DossierRepository dossiers, DossierStageRepository stages, DossierJournal journal,
      StepForms forms, @Lazy FormService formService, LegalCalendar calendar, Clock clock, ObjectMapper json) {
    this.dossiers = dossiers;
    this.stages = stages;
    this.journal = journal;
    this.forms = forms;
    this.formService = formService;
    this.calendar = calendar;
    this.clock = clock;
    this.json = json;
  }

  void stepStarted(DelegateTask task, String stage, DossierStatus status) {
    dossier(task.getExecution()).ifPresent(dossier -> {
      String group = task.getCandidates().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).findFirst().orElse(null);
      String agency = AgencyRole.agencyOf(group).orElse(null);
      String handedOverBy = stages.findFirstByDossierIdAndStateOrderByCompletedAtDescIdDesc(dossier.getId(),
          DossierStage.State.COMPLETED).map(DossierStage::getCompletedBy).orElse(dossier.getSubmittedBy());
      stages.save(new DossierStage(dossier.getId(), task.getId(), task.getTaskDefinitionKey(), task.getName(), stage,
          agency, group, handedOverBy, clock.instant(), instant(task.getDueDate())));
      dossier.enterStep(stage, task.getName(), agency, status);
      syncLegalTime(dossier, task.getExecution());
    });
  }

  void stepAssigned(DelegateTask task) {
    stages.findByEngineRef(task.getId()).ifPresent(step -> {
      step.assign(task.getAssignee());
      String actor = actor();
      DossierAudit.Action action = task.getAssignee() == null ? DossierAudit.Action.TASK_UNCLAIMED
          : actor != null && !actor.equals(task.getAssignee()) ? DossierAudit.Action.TASK_DELEGATED
          : DossierAudit.Action.TASK_CLAIMED;
      audit(step.getDossierId(), action, task.getTaskDefinitionKey(), task.getAssignee());
    });
  }

  void stepCompleted(DelegateTask task) {
    stages.findByEngineRef(task.getId()).ifPresent(step -> {
      String actor = Optional.ofNullable(actor()).orElse(task.getAssignee());
      step.complete(actor == null ? SYSTEM : actor, clock.instant(), calendar.zone());
      audit(step.getDossierId(), DossierAudit.Action.TASK_COMPLETED, task.getTaskDefinitionKey(), decisions(task));
    });
  }

  void stepCancelled(DelegateTask task) {
    stages.findByEngineRef(task.getId())
        .filter(step -> step.getState() == DossierStage.State.OPEN)
        .ifPresent(step -> step.cancel(clock.instant()));
  }

  void applicantWaitStarted(DelegateExecution execution, DossierStatus status) {
    dossier(execution).ifPresent(dossier -> {
      String name = execution.getCurrentActivityName();
      String requestedBy = (String) execution.getVariable("requestingAgency");
      stages.save(new DossierStage(dossier.getId(), execution.getActivityInstanceId(),
          execution.getCurrentActivityId(), name, "SUPPLEMENT", null, DossierStage.APPLICANT,
          stages.findFirstByDossierIdAndStateOrderByCompletedAtDescIdDesc(dossier.getId(),
              DossierStage.State.COMPLETED).map(DossierStage::getCompletedBy).orElse(null),
          clock.instant(), null));
      dossier.awaitApplicant("SUPPLEMENT", name, status);
      audit(dossier.getId(), DossierAudit.Action.SUPPLEMENT_REQUESTED, execution.getCurrentActivityId(),
          "requestedBy=" + requestedBy + "; missing=" + execution.getVariable("missingDocuments"));
    });
  }

  void applicantWaitEnded(DelegateExecution execution) {
    stages.findByEngineRef(execution.getActivityInstanceId()).ifPresent(step -> {
      boolean supplemented = !execution.isCanceled();
      if (supplemented) {
        step.complete(DossierStage.APPLICANT, clock.instant(), calendar.zone());
        audit(step.getDossierId(), DossierAudit.Action.SUPPLEMENT_SUBMITTED, step.getActivityId(), null);
      } else {
        step.cancel(clock.instant());
      }
    });
  }

  void procedureEnded(DelegateExecution execution, DossierStatus outcome) {
    dossier(execution).ifPresent(dossier -> {
      syncLegalTime(dossier, execution);
      dossier.finish(outcome, clock.instant(), calendar.zone());
      audit(dossier.getId(), DossierAudit.Action.FINISHED, execution.getCurrentActivityId(), outcome.name());
    });
  }

  private Optional<Dossier> dossier(DelegateExecution execution) {
    String receiptCode = execution.getProcessBusinessKey();
    Optional<Dossier> dossier = receiptCode == null ? Optional.empty() : dossiers.findByReceiptCode(receiptCode);
    if (dossier.isEmpty()) {
      LOG.warn("Process instance {} ({}) has no dossier; it was not started through motcua",
          execution.getProcessInstanceId(), receiptCode);
    }
    return dossier;
  }

  private void syncLegalTime(Dossier dossier, VariableScope scope) {
    dossier.legalTime(instant((Date) scope.getVariable("receivedAt")),
        instant((Date) scope.getVariable("dossierDeadline")));
  }

  /** What the person decided at this step: the values of the fields of the step's form. */
  private String decisions(DelegateTask task) {
    Optional<StepForms.Form> form = forms.forStep(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
        () -> deployedForm(task.getId()));
    if (form.isEmpty()) {
      return null;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (StepForms.Field field : form.get().editable()) {
      Object value = task.getVariable(field.key());
      if (value != null) {
        values.put(field.key(), value);
      }
    }
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      return values.toString();
    }
  }

  private java.io.InputStream deployedForm(String taskId) {
    try {
      return formService.getDeployedTaskForm(taskId);
    } catch (org.camunda.bpm.engine.ProcessEngineException noDeployedForm) {
      return null;
    }
  }

  private void audit(Long dossierId, DossierAudit.Action action, String step, String detail) {
    String actor = actor();
    journal.record(dossierId, actor == null ? SYSTEM : actor, action, step, detail);
  }

  private static String actor() {
    CommandContext context = Context.getCommandContext();
    return context == null ? null : context.getAuthenticatedUserId();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}

package vn.motcua.webapp.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.processes.legaltime.LegalClock;
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
  private final ApplicationEventPublisher events;
  private final EntityManager entities;

  DossierReadModel(DossierRepository dossiers, DossierStageRepository stages, DossierJournal journal,
      StepForms forms, @Lazy FormService formService, LegalCalendar calendar, Clock clock, ObjectMapper json,
      ApplicationEventPublisher events, EntityManager entities) {
    this.dossiers = dossiers;
    this.stages = stages;
    this.journal = journal;
    this.forms = forms;
    this.formService = formService;
    this.calendar = calendar;
    this.clock = clock;
    this.json = json;
    this.events = events;
    this.entities = entities;
  }

  /** What a service task with {@code clockEvent} did to the legal clock. */
  enum ClockEvent { STAGE_STARTED, PAUSED, RESUMED, EXTENDED }

  void stepStarted(DelegateTask task, String stage, DossierStatus status) {
    dossier(task.getExecution()).ifPresent(dossier -> {
      String group = candidateGroup(task);
      String agency = AgencyRole.agencyOf(group).orElse(null);
      String handedOverBy = stages.findFirstByDossierIdAndStateOrderByCompletedAtDescIdDesc(dossier.getId(),
          DossierStage.State.COMPLETED).map(DossierStage::getCompletedBy).orElse(dossier.getSubmittedBy());
      stages.save(new DossierStage(dossier.getId(), task.getId(), task.getTaskDefinitionKey(), task.getName(), stage,
          agency, group, handedOverBy, clock.instant(), instant(task.getDueDate())));
      dossier.enterStep(stage, task.getName(), agency, status);
      syncLegalTime(dossier, task.getExecution());
      events.publishEvent(new DossierChanged(dossier));
    });
  }

  void stepAssigned(DelegateTask task) {
    Optional<DossierStage> step = stepOf(task.getId());
    step.ifPresent(s -> s.assign(task.getAssignee()));
    dossier(task.getExecution()).ifPresent(dossier -> {
      if (step.isPresent() && step.get().getState() == DossierStage.State.OPEN) {
        dossier.heldBy(task.getAssignee());
      }
      String actor = actor();
      DossierAudit.Action action = task.getAssignee() == null ? DossierAudit.Action.TASK_UNCLAIMED
          : actor != null && !actor.equals(task.getAssignee()) ? DossierAudit.Action.TASK_DELEGATED
          : DossierAudit.Action.TASK_CLAIMED;
      audit(dossier.getId(), action, task.getTaskDefinitionKey(), task.getAssignee());
    });
  }

  /** The step's due date moved with the legal clock (a pause, a restart or a new appointment). */
  void stepUpdated(DelegateTask task) {
    stepOf(task.getId())
        .filter(step -> step.getState() == DossierStage.State.OPEN)
        .ifPresent(step -> step.due(instant(task.getDueDate())));
  }

  void stepCompleted(DelegateTask task) {
    stepOf(task.getId()).ifPresent(step -> {
      String actor = Optional.ofNullable(actor()).orElse(task.getAssignee());
      step.complete(actor == null ? SYSTEM : actor, clock.instant(), calendar);
      audit(step.getDossierId(), DossierAudit.Action.TASK_COMPLETED, task.getTaskDefinitionKey(), decisions(task));
      if ("RECEIVE".equals(step.getStage()) && "REFUSE".equals(task.getVariable("completeness"))) {
        // the counter refuses to receive: the refusal in writing, with its reasons (form 03)
        events.publishEvent(new LetterDue(step.getDossierId(), LetterDue.Kind.RECEPTION_REFUSAL,
            step.getAgencyCode(), (String) task.getVariable("refusalReason"), null, null, step.getCompletedBy()));
      }
    });
  }

  /**
   * The answer reaches the counter (the return block starts): the document the applicant receives — the electronic
   * result, the refusal with its reasons, the notice that processing stops — is issued by the agency that decided,
   * and the model learns which document to sign and by whom.
   */
  void outcomeDocumentDue(DelegateExecution execution) {
    dossier(execution).ifPresent(dossier -> {
      Object kind = execution.getVariable("resultKind");
      LetterDue.Kind letter = "REFUSAL".equals(kind) ? LetterDue.Kind.REFUSAL
          : "STOP".equals(kind) ? LetterDue.Kind.STOP : LetterDue.Kind.RESULT;
      String reason = (String) execution.getVariable(switch (letter) {
        case REFUSAL -> "refusalReason";
        case STOP -> "stopReason";
        default -> "approvalNote";
      });
      String decidedBy = stages.findFirstByDossierIdAndStateOrderByCompletedAtDescIdDesc(dossier.getId(),
          DossierStage.State.COMPLETED).map(DossierStage::getCompletedBy).orElse(SYSTEM);
      String agency = LegalClock.of(execution).snapshot().stageAgency();
      events.publishEvent(new LetterDue(dossier.getId(), letter, agency != null ? agency : dossier.getReceivingAgency(),
          reason, null, null, decidedBy, execution));
    });
  }

  /** Who completed the dossier's reception step (the counter officer), or who submitted it. */
  private String receivedBy(Dossier dossier) {
    return stages.lastReception(dossier.getId()).map(DossierStage::getCompletedBy).orElse(dossier.getSubmittedBy());
  }

  /** An apology (level 0) or an escalation (level 1, 2) was raised beside the dossier's step. */
  void sideTaskStarted(DelegateTask task, int escalationLevel) {
    dossier(task.getExecution()).ifPresent(dossier -> {
      String group = candidateGroup(task);
      LegalClock.Snapshot time = LegalClock.of(task.getExecution()).snapshot();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("to", group);
      detail.put("stage", time.stage());
      detail.put("agency", time.stageAgency());
      if (escalationLevel > 0) {
        dossier.escalated(escalationLevel, group, clock.instant());
        detail.put("level", escalationLevel);
        detail.put("stageDeadline", local(time.stageDeadline()));
        audit(dossier.getId(), DossierAudit.Action.ESCALATED, task.getTaskDefinitionKey(), json(detail));
      } else {
        detail.put("deadline", local(time.deadline()));
        audit(dossier.getId(), DossierAudit.Action.APOLOGY_REQUESTED, task.getTaskDefinitionKey(), json(detail));
      }
    });
  }

  void sideTaskCompleted(DelegateTask task) {
    dossier(task.getExecution()).ifPresent(dossier -> {
      if (task.getVariable("delayCause") instanceof String cause) {
        dossier.delayCause(cause);
      }
      audit(dossier.getId(), DossierAudit.Action.TASK_COMPLETED, task.getTaskDefinitionKey(), decisions(task));
    });
  }

  /** A stage began, or the clock paused, resumed (restarted) or was rescheduled: who, when, why, which dates. */
  void clockChanged(DelegateExecution execution, ClockEvent event) {
    LegalClock.Change change = LegalClock.takeChange(execution);
    dossier(execution).ifPresent(dossier -> {
      LegalClock.Snapshot time = LegalClock.of(execution).snapshot();
      dossier.legalTime(time, calendar.zone());
      Map<String, Object> detail = new LinkedHashMap<>();
      if (event == ClockEvent.STAGE_STARTED) {
        dossier.stageStarted();
        if (dossier.takeReceiptVoucher()) {
          // the applicant's receipt with the appointment date (form 01), signed by the counter that received it
          events.publishEvent(new LetterDue(dossier.getId(), LetterDue.Kind.RECEIPT_VOUCHER,
              dossier.getReceivingAgency(), null, null, dossier.getDeadline(), receivedBy(dossier)));
        }
        detail.put("stage", time.stage());
        detail.put("agency", time.stageAgency());
        detail.put("stageDeadline", local(time.stageDeadline()));
        audit(dossier.getId(), DossierAudit.Action.STAGE_STARTED, execution.getCurrentActivityId(), json(detail));
        return;
      }
      if (change == null) {
        return; // nothing changed (e.g. a supplement asked at reception, before the clock runs)
      }
      if (event == ClockEvent.EXTENDED) {
        dossier.apologized(clock.instant());
        String actor = actor();
        events.publishEvent(new LetterDue(dossier.getId(), LetterDue.Kind.APOLOGY, time.stageAgency(),
            change.reason(), change.previousDeadline(), change.newDeadline(), actor == null ? SYSTEM : actor));
      }
      detail.put("rule", change.rule());
      detail.put("reason", change.reason());
      detail.put("previousDeadline", local(change.previousDeadline()));
      detail.put("newDeadline", local(change.newDeadline()));
      detail.values().removeIf(java.util.Objects::isNull);
      DossierAudit.Action action = switch (event) {
        case PAUSED -> DossierAudit.Action.CLOCK_PAUSED;
        case RESUMED -> DossierAudit.Action.CLOCK_RESUMED;
        default -> DossierAudit.Action.DEADLINE_EXTENDED;
      };
      audit(dossier.getId(), action, execution.getCurrentActivityId(), json(detail));
    });
  }

  /** The holiday calendar changed and the engine counted the dossier's deadlines again: it shows and records them. */
  void deadlinesRecounted(Dossier dossier, LegalClock.Change change, LegalClock.Snapshot time, String changedDays) {
    dossier.legalTime(time, calendar.zone());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("previousDeadline", local(change.previousDeadline()));
    detail.put("newDeadline", local(change.newDeadline()));
    detail.put("stageDeadline", local(time.stageDeadline()));
    detail.put("changedDays", changedDays);
    detail.values().removeIf(java.util.Objects::isNull);
    journal.record(dossier, SYSTEM, DossierAudit.Action.DEADLINE_RECOUNTED, null, json(detail));
  }

  /** A model's alert end event: the stage has used the share of its budget that warrants a warning. */
  void alertRaised(DelegateExecution execution, String alert) {
    dossier(execution).ifPresent(dossier -> {
      LegalClock.Snapshot time = LegalClock.of(execution).snapshot();
      dossier.warned(clock.instant());
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("alert", alert);
      detail.put("stage", time.stage());
      detail.put("agency", time.stageAgency());
      detail.put("stageDeadline", local(time.stageDeadline()));
      audit(dossier.getId(), DossierAudit.Action.STAGE_WARNING, execution.getCurrentActivityId(), json(detail));
    });
  }

  /** The notification block reached the applicant: which notice, by which channels. */
  void noticeSent(DelegateExecution execution) {
    dossier(execution).ifPresent(dossier -> {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("notice", execution.getVariable("notice"));
      detail.put("email", execution.getVariable("notifiedByEmail"));
      detail.put("sms", execution.getVariable("notifiedBySms"));
      audit(dossier.getId(), DossierAudit.Action.NOTICE_SENT, execution.getCurrentActivityId(), json(detail));
    });
  }

  /** No message could reach the applicant: the counter must tell them, and the trail says why. */
  void noticeUndelivered(DelegateTask task) {
    dossier(task.getExecution()).ifPresent(dossier -> {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("notice", task.getVariable("notice"));
      detail.put("error", task.getVariable("notificationError"));
      detail.put("to", candidateGroup(task));
      audit(dossier.getId(), DossierAudit.Action.NOTICE_UNDELIVERED, task.getTaskDefinitionKey(), json(detail));
    });
  }

  void stepCancelled(DelegateTask task) {
    stepOf(task.getId())
        .filter(step -> step.getState() == DossierStage.State.OPEN)
        .ifPresent(step -> step.cancel(clock.instant()));
  }

  /** The applicant holds the dossier: to supplement it, or to pay (the model's stage says what: a fee, taxes). */
  void applicantWaitStarted(DelegateExecution execution, DossierStatus status, String modelStage) {
    dossier(execution).ifPresent(dossier -> {
      String name = execution.getCurrentActivityName();
      boolean supplement = status == DossierStatus.AWAITING_SUPPLEMENT;
      String stage = modelStage != null ? modelStage : supplement ? "SUPPLEMENT" : "PAYMENT";
      stages.save(new DossierStage(dossier.getId(), execution.getActivityInstanceId(),
          execution.getCurrentActivityId(), name, stage, null, DossierStage.APPLICANT,
          stages.findFirstByDossierIdAndStateOrderByCompletedAtDescIdDesc(dossier.getId(),
              DossierStage.State.COMPLETED).map(DossierStage::getCompletedBy).orElse(null),
          clock.instant(), null));
      String missing = supplement && execution.getVariable("missingDocuments") instanceof String text ? text : null;
      dossier.awaitApplicant(stage, name, status, missing);
      syncLegalTime(dossier, execution);
      events.publishEvent(new DossierChanged(dossier));
      if (supplement) {
        Object agency = execution.getVariable("requestingAgency");
        audit(dossier.getId(), DossierAudit.Action.SUPPLEMENT_REQUESTED, execution.getCurrentActivityId(),
            "requestedBy=" + agency + "; missing=" + missing);
        // every missing item, at once and in writing (form 02)
        events.publishEvent(new LetterDue(dossier.getId(), LetterDue.Kind.SUPPLEMENT_GUIDANCE,
            agency instanceof String code ? code : dossier.getReceivingAgency(), missing, null, null,
            Optional.ofNullable(actor()).orElse(SYSTEM)));
      }
    });
  }

  void applicantWaitEnded(DelegateExecution execution) {
    stepOf(execution.getActivityInstanceId()).ifPresent(step -> {
      if (execution.isCanceled()) {
        step.cancel(clock.instant());
        return;
      }
      step.complete(DossierStage.APPLICANT, clock.instant(), calendar);
      if (Dossier.FEE_STAGE.equals(step.getStage())) {
        // paid: on its way to the counter (audited once the money is in, see feeSettled)
        Dossier dossier = dossiers.findById(step.getDossierId()).orElseThrow();
        dossier.feePaid();
        events.publishEvent(new DossierChanged(dossier));
        return;
      }
      boolean supplement = "SUPPLEMENT".equals(step.getStage());
      audit(step.getDossierId(), supplement ? DossierAudit.Action.SUPPLEMENT_SUBMITTED
          : DossierAudit.Action.OBLIGATIONS_PAID, step.getActivityId(),
          supplement ? null : (String) execution.getVariable("paymentReference"));
    });
  }

  /** The fee is settled: paid at the counter, or captured at the gateway. */
  void feeSettled(DelegateExecution execution) {
    dossier(execution).ifPresent(dossier -> {
      String method = (String) execution.getVariable("paymentMethod");
      String reference = (String) execution.getVariable("paymentReference");
      String transaction = (String) execution.getVariable("paymentTransactionId");
      dossier.feeSettled("ONLINE".equals(method));
      audit(dossier.getId(), DossierAudit.Action.FEE_PAID, execution.getCurrentActivityId(),
          method + " " + reference + (transaction == null ? "" : " " + transaction));
      events.publishEvent(new FeeSettled(dossier.getId(), method, reference, transaction));
    });
  }

  /** A call to another system failed for good (no retries left): the dossier waits for an operator. */
  void incidentRaised(String receiptCode, String activityId, String message) {
    dossiers.findByReceiptCode(receiptCode).ifPresent(dossier -> {
      dossier.incidentRaised(message, clock.instant());
      audit(dossier.getId(), DossierAudit.Action.INCIDENT_RAISED, activityId, message);
    });
  }

  void incidentResolved(String receiptCode, String activityId) {
    dossiers.findByReceiptCode(receiptCode).ifPresent(dossier -> {
      dossier.incidentResolved();
      audit(dossier.getId(), DossierAudit.Action.INCIDENT_RESOLVED, activityId, null);
    });
  }

  void procedureEnded(DelegateExecution execution, DossierStatus outcome) {
    dossier(execution).ifPresent(dossier -> {
      syncLegalTime(dossier, execution);
      dossier.finish(outcome, clock.instant(), calendar.zone(),
          stages.findFirstByDossierIdAndDelayMinutesGreaterThanOrderByDelayMinutesDescIdAsc(dossier.getId(), 0)
              .orElse(null));
      events.publishEvent(new DossierChanged(dossier));
      audit(dossier.getId(), DossierAudit.Action.FINISHED, execution.getCurrentActivityId(), outcome.name());
    });
  }

  /**
   * The step of an engine task or activity instance, by its natural id: the engine's listeners ask for it several
   * times in a transaction (claim, complete), and only the first asks the database.
   */
  private Optional<DossierStage> stepOf(String engineRef) {
    return NaturalIds.find(entities, DossierStage.class, "engineRef", engineRef);
  }

  private Optional<Dossier> dossier(DelegateExecution execution) {
    String receiptCode = execution.getProcessBusinessKey();
    // not through the repository: its proxy's interceptors cost more than the lookup, asked a dozen times per step
    Optional<Dossier> dossier = receiptCode == null ? Optional.empty()
        : NaturalIds.find(entities, Dossier.class, "receiptCode", receiptCode);
    if (dossier.isEmpty()) {
      LOG.warn("Process instance {} ({}) has no dossier; it was not started through motcua",
          execution.getProcessInstanceId(), receiptCode);
    }
    return dossier;
  }

  private void syncLegalTime(Dossier dossier, DelegateExecution execution) {
    dossier.legalTime(LegalClock.of(execution).snapshot(), calendar.zone());
  }

  private static String candidateGroup(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
  }

  /** A moment as officers read it: local date and time of the legal calendar's zone. */
  private String local(Instant moment) {
    return moment == null ? null : java.time.LocalDateTime.ofInstant(moment, calendar.zone())
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  private String json(Map<String, Object> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      return values.toString();
    }
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
    return json(values);
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

package vn.motcua.webapp.dossier;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a dossier's audit trail: who did what, when, at which step. Never updated or deleted. */
@Entity
@Table(name = "dossier_audit")
@org.hibernate.annotations.Immutable
public class DossierAudit {

  /** What happened. */
  public enum Action {
    SUBMITTED, TASK_CLAIMED, TASK_UNCLAIMED, TASK_DELEGATED, TASK_COMPLETED, SUPPLEMENT_REQUESTED,
    SUPPLEMENT_SUBMITTED, DOCUMENT_ATTACHED, COMMENTED, FINISHED,
    /** Legal time: a stage began, the clock paused, resumed or restarted, the deadline was rescheduled. */
    STAGE_STARTED, CLOCK_PAUSED, CLOCK_RESUMED, DEADLINE_EXTENDED,
    /** Legal time: the holiday calendar changed (a day off announced later), the deadlines were counted again. */
    DEADLINE_RECOUNTED,
    /** Supervision: early warning, apology requested (form 04), escalation to a leader or supervisor. */
    STAGE_WARNING, APOLOGY_REQUESTED, ESCALATED,
    /** The applicant paid the financial obligations (taxes); paid the procedure's fee, online or at the counter. */
    OBLIGATIONS_PAID, FEE_PAID,
    /** A notice reached the applicant by e-mail or SMS, or could not, and the counter was asked to tell them. */
    NOTICE_SENT, NOTICE_UNDELIVERED,
    /** A document motcua issued was signed digitally (its signed copy filed beside it). */
    DOCUMENT_SIGNED,
    /** A call to another system failed for good and waits for an operator; the operator's retry resolved it. */
    INCIDENT_RAISED, INCIDENT_RESOLVED,
    /** The applicant rated the service. */
    RATED,
    /** A reform officer moved the running dossier to a new version of its procedure's model. */
    MIGRATED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long dossierId;
  @jakarta.persistence.Column(name = "occurred_at")
  private Instant at;
  private String actor;
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Action action;
  private String step;
  private String detail;

  protected DossierAudit() {
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public Action getAction() {
    return action;
  }

  public String getStep() {
    return step;
  }

  public String getDetail() {
    return detail;
  }
}

package vn.motcua.webapp.dossier;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.motcua.processes.legaltime.LegalCalendar;

/**
 * One line of the tracking sheet (form 05): a step held by an agency (or by the applicant while supplementing),
 * who handed it over, who took it, when it was due and whether it was done early, on time or late.
 */
@Entity
@Table(name = "dossier_stage")
public class DossierStage {

  /** Whether the step is still held, was done, or was cut short by the process. */
  public enum State { OPEN, COMPLETED, CANCELLED }

  /** Who holds a step that waits for the applicant rather than an agency. */
  public static final String APPLICANT = "APPLICANT";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long dossierId;
  /** The engine's task or activity instance: never changes, so found within a transaction without a query. */
  @org.hibernate.annotations.NaturalId
  private String engineRef;
  private String activityId;
  private String stepName;
  private String stage;
  private String agencyCode;
  private String candidateGroup;
  private String handedOverBy;
  private String assignee;
  private Instant startedAt;
  private Instant dueAt;
  private Instant completedAt;
  private String completedBy;
  @Enumerated(EnumType.STRING)
  private Timeliness timeliness;
  private Integer delayMinutes;
  @Enumerated(EnumType.STRING)
  private State state;

  protected DossierStage() {
  }

  DossierStage(Long dossierId, String engineRef, String activityId, String stepName, String stage, String agencyCode,
      String candidateGroup, String handedOverBy, Instant startedAt, Instant dueAt) {
    this.dossierId = dossierId;
    this.engineRef = engineRef;
    this.activityId = activityId;
    this.stepName = stepName;
    this.stage = stage;
    this.agencyCode = agencyCode;
    this.candidateGroup = candidateGroup;
    this.handedOverBy = handedOverBy;
    this.startedAt = startedAt;
    this.dueAt = dueAt;
    this.state = State.OPEN;
  }

  void assign(String assignee) {
    this.assignee = assignee;
  }

  void due(Instant dueAt) {
    this.dueAt = dueAt;
  }

  void complete(String by, Instant at, LegalCalendar calendar) {
    this.completedBy = by;
    this.completedAt = at;
    this.timeliness = Timeliness.of(at, dueAt, calendar.zone());
    this.delayMinutes = dueAt == null ? null : (int) calendar.workingMinutesBetween(dueAt, at);
    this.state = State.COMPLETED;
  }

  void cancel(Instant at) {
    this.completedAt = at;
    this.state = State.CANCELLED;
  }

  public Long getId() {
    return id;
  }

  public Long getDossierId() {
    return dossierId;
  }

  public String getEngineRef() {
    return engineRef;
  }

  public String getActivityId() {
    return activityId;
  }

  public String getStepName() {
    return stepName;
  }

  public String getStage() {
    return stage;
  }

  public String getAgencyCode() {
    return agencyCode;
  }

  public String getCandidateGroup() {
    return candidateGroup;
  }

  public String getHandedOverBy() {
    return handedOverBy;
  }

  public String getAssignee() {
    return assignee;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public String getCompletedBy() {
    return completedBy;
  }

  public Timeliness getTimeliness() {
    return timeliness;
  }

  /** Working minutes past the due date when the step was done (0 when in time). */
  public Integer getDelayMinutes() {
    return delayMinutes;
  }

  public State getState() {
    return state;
  }
}

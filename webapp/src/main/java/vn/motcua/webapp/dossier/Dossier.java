package vn.motcua.webapp.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import vn.motcua.processes.legaltime.LegalClock;

/**
 * One application for one procedure, under one receipt code from submission to result. Its status, step,
 * receipt time and deadline follow the engine; the dossier guards that a finished dossier stays finished.
 */
@Entity
@Table(name = "dossier")
public class Dossier {

  /** The stage of the wait for the procedure's fee (the fee-payment model names it). */
  public static final String FEE_STAGE = "FEE";


  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  /** Never changes: found by it within a transaction without asking the database again (see DossierLookupImpl). */
  @org.hibernate.annotations.NaturalId
  private String receiptCode;
  private String procedureCode;
  private String procedureName;
  private String processDefinitionId;
  private String processInstanceId;
  @Enumerated(EnumType.STRING)
  private Channel channel;
  @Enumerated(EnumType.STRING)
  private DossierStatus status;
  @Embedded
  private Applicant applicant;
  private String provinceCode;
  private String districtCode;
  private String communeCode;
  private String adminStructure;
  private String ruleSetVersion;
  private String receivingAgency;
  private String handlingAgency;
  private String sector;
  private String unitCode;
  private String unitLevel;
  private String unitProvince;
  private String unitDistrict;
  private String currentAgency;
  private String currentAssignee;
  private String currentStage;
  private String currentStep;
  private long feeAmount;
  private String feeBasis;
  private String submittedBy;
  private Instant submittedAt;
  private Instant receivedAt;
  private Instant deadline;
  private Instant stageDeadline;
  private Instant originalDeadline;
  private Instant pausedAt;
  private Instant warnedAt;
  private Instant apologizedAt;
  private int escalationLevel;
  private Instant escalatedAt;
  private String escalatedTo;
  private String lateStage;
  private String lateAgency;
  private Integer lateMinutes;
  private String delayCause;
  private Boolean paidOnline;
  private boolean digitized;
  private boolean electronicResult;
  private boolean portalSynced;
  private Integer rating;
  private String ratingReasons;
  private String ratingComment;
  private Instant ratedAt;
  private boolean receiptVoucherIssued;
  /** What the applicant was last asked to supplement, as the agency wrote it. */
  private String missingDocuments;
  private Integer receivedMonth;
  private Integer finishedMonth;
  private Instant finishedAt;
  @Enumerated(EnumType.STRING)
  private Timeliness timeliness;
  /** How many events the national portal has been sent of this dossier (the outbox numbers them from here). */
  private int syncSeq;
  /** Open engine incidents of the dossier: a call to another system that failed for good, waiting for an operator. */
  private int incidents;
  private Instant incidentAt;
  private String incidentMessage;
  @Version
  @Column(name = "version")
  private long version;

  protected Dossier() {
  }

  /** Where the applicant is and which rules and agency apply, fixed at submission. */
  public record Placement(String provinceCode, String districtCode, String communeCode, String adminStructure,
                          String ruleSetVersion, String receivingAgency) {
  }

  /**
   * Where the dossier counts: the competent agency the routing names for it (whichever centre received it) and that
   * agency's unit, and the procedure's sector.
   */
  public record Counting(String sector, String handlingAgency, String unitCode, String unitLevel, String unitProvince,
                         String unitDistrict) {
  }

  Dossier(String receiptCode, String procedureCode, String procedureName, String processDefinitionId,
      Channel channel, Applicant applicant, Placement placement, Counting counting, long feeAmount,
      String feeBasis, String submittedBy, Instant submittedAt) {
    this.receiptCode = receiptCode;
    this.procedureCode = procedureCode;
    this.procedureName = procedureName;
    this.processDefinitionId = processDefinitionId;
    this.channel = channel;
    this.applicant = applicant;
    this.provinceCode = placement.provinceCode();
    this.districtCode = placement.districtCode();
    this.communeCode = placement.communeCode();
    this.adminStructure = placement.adminStructure();
    this.ruleSetVersion = placement.ruleSetVersion();
    this.receivingAgency = placement.receivingAgency();
    this.currentAgency = placement.receivingAgency();
    this.sector = counting.sector();
    this.handlingAgency = counting.handlingAgency();
    this.unitCode = counting.unitCode();
    this.unitLevel = counting.unitLevel();
    this.unitProvince = counting.unitProvince();
    this.unitDistrict = counting.unitDistrict();
    this.feeAmount = feeAmount;
    this.feeBasis = feeBasis;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
    this.status = DossierStatus.SUBMITTED;
  }

  /** A call to another system failed for good: an operator must act (retry it in Cockpit). */
  void incidentRaised(String message, Instant at) {
    incidents++;
    incidentAt = at;
    incidentMessage = message == null ? null : message.length() > 600 ? message.substring(0, 600) : message;
  }

  /** An incident was resolved (retried successfully) or went away with its activity. */
  void incidentResolved() {
    incidents = Math.max(0, incidents - 1);
    if (incidents == 0) {
      incidentAt = null;
      incidentMessage = null;
    }
  }

  /** The number of the dossier's next event for the national portal. */
  public int nextSyncSeq() {
    return ++syncSeq;
  }

  void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** A person's step began: the dossier is now with that agency. */
  void enterStep(String stage, String step, String agency, DossierStatus stepStatus) {
    ensureOpen();
    this.currentStage = stage;
    this.currentStep = step;
    this.currentAgency = agency;
    this.currentAssignee = null;
    this.status = stepStatus;
  }

  /** The officer who took the current step (null when it went back to the agency's queue). */
  void heldBy(String assignee) {
    this.currentAssignee = assignee;
  }

  /** The applicant has to act (e.g. supplement); no agency holds the dossier meanwhile. */
  /** Waits for the applicant to pay the procedure's fee. */
  public boolean awaitingFee() {
    return status == DossierStatus.AWAITING_PAYMENT && FEE_STAGE.equals(currentStage);
  }

  /** The fee is in: online (it counts for the index's online payments, Decision 766 group 5) or at the counter. */
  void feeSettled(boolean online) {
    this.paidOnline = online;
  }

  /** The fee is paid: the dossier goes to the counter. */
  void feePaid() {
    ensureOpen();
    this.status = DossierStatus.SUBMITTED;
    this.currentStage = null;
    this.currentStep = null;
  }

  void awaitApplicant(String stage, String step, DossierStatus waitStatus, String missing) {
    ensureOpen();
    if (waitStatus == DossierStatus.AWAITING_SUPPLEMENT) {
      this.missingDocuments = missing == null || missing.length() <= 2000 ? missing : missing.substring(0, 2000);
    }
    this.currentStage = stage;
    this.currentStep = step;
    this.currentAgency = null;
    this.currentAssignee = null;
    this.status = waitStatus;
  }

  /**
   * The legal clock as the engine holds it: receipt, deadline (and the original one once rescheduled), the current
   * stage's deadline and, while the applicant has the dossier, since when the clock is paused.
   */
  void legalTime(LegalClock.Snapshot clock, ZoneId zone) {
    if (clock.receivedAt() != null && this.receivedAt == null) {
      this.receivedAt = clock.receivedAt();
      this.receivedMonth = month(receivedAt, zone);
    }
    if (clock.deadline() != null) {
      this.deadline = clock.deadline();
    }
    this.originalDeadline = clock.originalDeadline();
    this.stageDeadline = clock.stageDeadline();
    this.pausedAt = clock.pausedAt();
  }

  /** A new stage began: what was raised about the previous one is over. */
  void stageStarted() {
    this.warnedAt = null;
    this.escalationLevel = 0;
    this.escalatedAt = null;
    this.escalatedTo = null;
  }

  /** The stage has used the share of its budget that warrants a warning. */
  void warned(Instant at) {
    this.warnedAt = at;
  }

  /** The handling unit apologised and gave a new appointment (form 04). */
  void apologized(Instant at) {
    this.apologizedAt = at;
  }

  /** The overdue stage was escalated to the given group (1: the unit's leader, 2: the supervisor one level up). */
  void escalated(int level, String group, Instant at) {
    if (level > escalationLevel) {
      this.escalationLevel = level;
      this.escalatedTo = group;
      this.escalatedAt = at;
    }
  }

  /** Why the leader says the stage is late, for delay attribution. */
  void delayCause(String cause) {
    this.delayCause = cause;
  }

  /**
   * A file was attached: a scanned or uploaded component makes the dossier digitized; a result or certificate
   * means the result was issued electronically (both Decision 766 metrics).
   */
  public void documentAttached(String kind) {
    if ("SCAN".equals(kind)) {
      this.digitized = true;
    } else if ("RESULT".equals(kind) || "CERTIFICATE".equals(kind)) {
      this.electronicResult = true;
    }
  }

  /** A local calendar month as yyyymm, the unit of the board's trends. */
  static int month(Instant at, ZoneId zone) {
    java.time.LocalDate day = at.atZone(zone).toLocalDate();
    return day.getYear() * 100 + day.getMonthValue();
  }

  /**
   * The dossier is finished. Results and refusals count as early, on time or late against the deadline; a dossier
   * that was rescheduled with an apology counts as late (Decision 766). A late one is attributed to the step that
   * overran its due date the most, and to the agency that held it.
   */
  void finish(DossierStatus outcome, Instant at, ZoneId zone, DossierStage mostLate) {
    if (!outcome.isFinal()) {
      throw new IllegalArgumentException(outcome + " is not a final outcome");
    }
    ensureOpen();
    this.status = outcome;
    this.finishedAt = at;
    this.finishedMonth = month(at, zone);
    this.currentAgency = null;
    this.currentAssignee = null;
    this.currentStage = null;
    this.currentStep = null;
    this.pausedAt = null;
    boolean counted = outcome == DossierStatus.RESULT_RETURNED || outcome == DossierStatus.REFUSED;
    this.timeliness = !counted ? null
        : apologizedAt != null ? Timeliness.LATE : Timeliness.of(at, deadline, zone);
    if (timeliness == Timeliness.LATE && mostLate != null) {
      this.lateStage = mostLate.getStage();
      this.lateAgency = mostLate.getAgencyCode();
      this.lateMinutes = mostLate.getDelayMinutes();
    }
  }

  /**
   * The applicant rates the service, once, after the dossier is finished (a result, a refusal or a stop); the
   * rating counts towards the satisfaction group of the Decision 766 index.
   */
  void rate(int score, java.util.List<String> reasons, String comment, Instant at) {
    if (score < 1 || score > 5) {
      throw new IllegalArgumentException("a rating is 1 to 5, not " + score);
    }
    if (!status.isFinal() || status == DossierStatus.WITHDRAWN) {
      throw new IllegalStateException("dossier " + receiptCode + " is not finished");
    }
    if (rating != null) {
      throw new IllegalStateException("dossier " + receiptCode + " was rated already");
    }
    this.rating = score;
    this.ratingReasons = reasons.isEmpty() ? null : String.join(",", reasons);
    this.ratingComment = comment == null || comment.isBlank() ? null : comment.strip();
    this.ratedAt = at;
  }

  /**
   * Whether the receipt-and-appointment voucher (form 01) is due: the dossier was received and its appointment date
   * is known (in inter-level models only once the handling level has set the processing time), and none was issued.
   * Marks it issued.
   */
  boolean takeReceiptVoucher() {
    if (receiptVoucherIssued || receivedAt == null || deadline == null) {
      return false;
    }
    receiptVoucherIssued = true;
    return true;
  }

  /** Whether the applicant may rate it now. */
  public boolean ratable() {
    return status.isFinal() && status != DossierStatus.WITHDRAWN && rating == null;
  }

  private void ensureOpen() {
    if (status.isFinal()) {
      throw new IllegalStateException("dossier " + receiptCode + " is already finished (" + status + ")");
    }
  }

  public Long getId() {
    return id;
  }

  public String getReceiptCode() {
    return receiptCode;
  }

  public String getProcedureCode() {
    return procedureCode;
  }

  public String getProcedureName() {
    return procedureName;
  }

  /** The dossier runs on another version of its procedure's model from now on (a reform rolled out to it). */
  void movedTo(String processDefinitionId) {
    this.processDefinitionId = processDefinitionId;
  }

  public String getProcessDefinitionId() {
    return processDefinitionId;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Channel getChannel() {
    return channel;
  }

  public DossierStatus getStatus() {
    return status;
  }

  public Applicant getApplicant() {
    return applicant;
  }

  public String getProvinceCode() {
    return provinceCode;
  }

  public String getDistrictCode() {
    return districtCode;
  }

  public String getCommuneCode() {
    return communeCode;
  }

  public String getAdminStructure() {
    return adminStructure;
  }

  public String getRuleSetVersion() {
    return ruleSetVersion;
  }

  public String getReceivingAgency() {
    return receivingAgency;
  }

  /** The competent agency, fixed at submission; none for dossiers submitted before it was recorded. */
  public String getHandlingAgency() {
    return handlingAgency;
  }

  public String getCurrentAgency() {
    return currentAgency;
  }

  public String getCurrentStage() {
    return currentStage;
  }

  public String getCurrentStep() {
    return currentStep;
  }

  public long getFeeAmount() {
    return feeAmount;
  }

  public String getFeeBasis() {
    return feeBasis;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getDeadline() {
    return deadline;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Timeliness getTimeliness() {
    return timeliness;
  }

  public String getSector() {
    return sector;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getUnitLevel() {
    return unitLevel;
  }

  public String getUnitProvince() {
    return unitProvince;
  }

  public String getUnitDistrict() {
    return unitDistrict;
  }

  public String getCurrentAssignee() {
    return currentAssignee;
  }

  public Instant getStageDeadline() {
    return stageDeadline;
  }

  public Instant getOriginalDeadline() {
    return originalDeadline;
  }

  public Instant getPausedAt() {
    return pausedAt;
  }

  public Instant getWarnedAt() {
    return warnedAt;
  }

  public Instant getApologizedAt() {
    return apologizedAt;
  }

  public int getEscalationLevel() {
    return escalationLevel;
  }

  public Instant getEscalatedAt() {
    return escalatedAt;
  }

  public String getEscalatedTo() {
    return escalatedTo;
  }

  public String getLateStage() {
    return lateStage;
  }

  public String getLateAgency() {
    return lateAgency;
  }

  /** Working minutes the step the dossier is attributed to ran past its due date. */
  public Integer getLateMinutes() {
    return lateMinutes;
  }

  public String getDelayCause() {
    return delayCause;
  }

  public Boolean getPaidOnline() {
    return paidOnline;
  }

  public boolean isDigitized() {
    return digitized;
  }

  public Integer getRating() {
    return rating;
  }

  public java.util.List<String> getRatingReasons() {
    return ratingReasons == null ? java.util.List.of() : java.util.List.of(ratingReasons.split(","));
  }

  public String getRatingComment() {
    return ratingComment;
  }

  public Instant getRatedAt() {
    return ratedAt;
  }

  public String getMissingDocuments() {
    return missingDocuments;
  }

  public boolean isElectronicResult() {
    return electronicResult;
  }

  public boolean isPortalSynced() {
    return portalSynced;
  }

  public Integer getReceivedMonth() {
    return receivedMonth;
  }

  public Integer getFinishedMonth() {
    return finishedMonth;
  }
}

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

/**
 * One application for one procedure, under one receipt code from submission to result. Its status, step,
 * receipt time and deadline follow the engine; the dossier guards that a finished dossier stays finished.
 */
@Entity
@Table(name = "dossier")
public class Dossier {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
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
  private String currentAgency;
  private String currentStage;
  private String currentStep;
  private long feeAmount;
  private String feeBasis;
  private String submittedBy;
  private Instant submittedAt;
  private Instant receivedAt;
  private Instant deadline;
  private Instant finishedAt;
  @Enumerated(EnumType.STRING)
  private Timeliness timeliness;
  @Version
  @Column(name = "version")
  private long version;

  protected Dossier() {
  }

  /** Where the applicant is and which rules and agency apply, fixed at submission. */
  public record Placement(String provinceCode, String districtCode, String communeCode, String adminStructure,
                          String ruleSetVersion, String receivingAgency) {
  }

  Dossier(String receiptCode, String procedureCode, String procedureName, String processDefinitionId,
      Channel channel, Applicant applicant, Placement placement, long feeAmount, String feeBasis,
      String submittedBy, Instant submittedAt) {
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
    this.feeAmount = feeAmount;
    this.feeBasis = feeBasis;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
    this.status = DossierStatus.SUBMITTED;
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
    this.status = stepStatus;
  }

  /** The applicant has to act (e.g. supplement); no agency holds the dossier meanwhile. */
  void awaitApplicant(String stage, String step, DossierStatus waitStatus) {
    ensureOpen();
    this.currentStage = stage;
    this.currentStep = step;
    this.currentAgency = null;
    this.status = waitStatus;
  }

  /** Receipt time and legal deadline as the engine holds them. */
  void legalTime(Instant receivedAt, Instant deadline) {
    if (receivedAt != null) {
      this.receivedAt = receivedAt;
    }
    if (deadline != null) {
      this.deadline = deadline;
    }
  }

  void finish(DossierStatus outcome, Instant at, ZoneId zone) {
    if (!outcome.isFinal()) {
      throw new IllegalArgumentException(outcome + " is not a final outcome");
    }
    ensureOpen();
    this.status = outcome;
    this.finishedAt = at;
    this.currentAgency = null;
    this.currentStage = null;
    this.currentStep = null;
    this.timeliness = outcome == DossierStatus.RESULT_RETURNED || outcome == DossierStatus.REFUSED
        ? Timeliness.of(at, deadline, zone) : null;
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
}

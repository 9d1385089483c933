package vn.motcua.webapp.dossier;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A dossier as the API shows it: where it was received and which competent agency handles it (any centre of the
 * province receives since 1 July 2025), status, legal time, the tracking sheet and the required documents; while it waits
 * for a supplement, what is missing; once finished, the applicant's rating or whether they may still rate.
 */
public record DossierView(String receiptCode, String procedureCode, String procedureName, Channel channel,
                          DossierStatus status, String statusLabel, String applicantName, Place place,
                          AgencyRef receivingAgency, AgencyRef handlingAgency, AgencyRef currentAgency,
                          String currentStage, String currentStep,
                          OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime deadline,
                          OffsetDateTime finishedAt, Timeliness timeliness, BigDecimal remainingWorkingDays,
                          Supervision supervision, Fee fee, String ruleSetVersion, List<Requirement> requirements,
                          List<Stage> stages, String missingDocuments, Rating rating, boolean ratable) {

  /** Waits for the applicant to pay the procedure's fee. */
  public boolean awaitingFee() {
    return status == DossierStatus.AWAITING_PAYMENT && Dossier.FEE_STAGE.equals(currentStage);
  }

  /** The applicant's rating of the service. */
  public record Rating(int score, List<String> reasons, String comment, OffsetDateTime ratedAt) {
  }

  /** An agency by code and name. */
  public record AgencyRef(String code, String name) {
  }

  /** Where the applicant is, in the structure in force at submission. */
  public record Place(String provinceCode, String districtCode, String communeCode, String adminStructure) {
  }

  /**
   * What legal time and supervision say of it: the current stage's deadline, the original deadline once a new
   * appointment was given (with the apology), since when the clock is paused, the stage's warning and escalation,
   * and, for a late dossier, the stage and agency it is attributed to and the cause its leader gave.
   */
  public record Supervision(OffsetDateTime stageDeadline, OffsetDateTime originalDeadline, OffsetDateTime pausedAt,
                            OffsetDateTime warnedAt, OffsetDateTime apologizedAt, int escalationLevel,
                            String escalatedTo, OffsetDateTime escalatedAt, String lateStage, AgencyRef lateAgency,
                            String delayCause) {
  }

  /** The fee from the fee decision. */
  public record Fee(long amount, String basis) {
  }

  /** A required document. */
  public record Requirement(String code, String name, String nameEn, String form) {
  }

  /** A line of the tracking sheet. */
  public record Stage(String stage, String step, AgencyRef agency, String candidateGroup, String handedOverBy,
                      String assignee, OffsetDateTime startedAt, OffsetDateTime dueAt, OffsetDateTime completedAt,
                      String completedBy, Timeliness timeliness, DossierStage.State state) {
  }
}

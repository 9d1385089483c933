package vn.motcua.processes.rules;

import java.util.Set;

/**
 * The dossier's variables that only motcua's own operations write: its facts at start (who applied, for what, where,
 * the fee — docs/models.md), what legal time computes (receipt, deadlines, stages, timers, pauses, supplements,
 * apologies) and where routing sends it (each stage's agency and level). Nobody writes them by hand through the
 * engine's doors (Camunda Tasklist, Cockpit, the engine REST API): they change only through the operations that own
 * them — reception, supplement, apology with a new appointment, payment — each on the dossier's trail.
 */
public final class OwnedVariables {

  /** The facts every procedure has from its start. */
  public static final Set<String> START = Set.of("receiptCode", "procedureCode", "channel", "ruleSetVersion",
      "adminStructure", "provinceCode", "districtCode", "communeCode", "receivingAgency", "procedureName",
      "applicantName", "applicantIdNumber", "applicantPhone", "applicantEmail", "applicantCategory",
      "requiredDocumentsText", "feeAmount", "copies", "pages", "applicantLanguage", "returnMethod", "postalAddress",
      "receivedAt", "rulesAsOf", "receivedDay");

  /** What legal time, routing, escalation and payment compute and keep. */
  private static final Set<String> COMPUTED = Set.of("processingDays", "stageDays", "timeRules", "route", "stage",
      "stageStartedAt", "pausedAt", "clockRestartedAt", "supplementRequests", "requestingStage",
      "supplementPeriod", "supplementWindowDays", "stageWarningShare", "clockOnSupplement", "apologyNoticeDays",
      "apologyIssued", "firstEscalation", "secondEscalation", "escalationLevel", "feeSettled", "paymentMethod",
      "paymentReference", "paymentId");

  /** Names that are computed whatever they stand for: a stage's agency and level, a deadline, a moment. */
  private static final String[] COMPUTED_ENDINGS = {"Agency", "Level", "Deadline", "At"};
  /** Whatever the legal clock records of a change ({@code legalClockChangeKind}, ...). */
  private static final String CLOCK_CHANGE = "legalClockChange";

  private OwnedVariables() {
  }

  public static boolean owned(String name) {
    if (START.contains(name) || COMPUTED.contains(name) || name.startsWith(CLOCK_CHANGE)) {
      return true;
    }
    for (String ending : COMPUTED_ENDINGS) {
      if (name.endsWith(ending) && name.length() > ending.length()) {
        return true;
      }
    }
    return false;
  }
}

package vn.motcua.webapp.dossier;

/** Where a dossier stands; the last four are final. Models name them in {@code dossierStatus}/{@code outcome}. */
public enum DossierStatus {
  SUBMITTED, IN_PROGRESS, AWAITING_SUPPLEMENT, AWAITING_PAYMENT, AWAITING_RETURN,
  RESULT_RETURNED, REFUSED, WITHDRAWN, STOPPED;

  public boolean isFinal() {
    return this == RESULT_RETURNED || this == REFUSED || this == WITHDRAWN || this == STOPPED;
  }

  /** The applicant has the dossier: the legal clock does not run for the agencies. */
  public boolean awaitsApplicant() {
    return this == AWAITING_SUPPLEMENT || this == AWAITING_PAYMENT;
  }
}

package vn.motcua.webapp.dossier;

/** Where a dossier stands; the last three are final. Models name them in {@code dossierStatus}/{@code outcome}. */
public enum DossierStatus {
  SUBMITTED, IN_PROGRESS, AWAITING_SUPPLEMENT, AWAITING_RETURN, RESULT_RETURNED, REFUSED, WITHDRAWN;

  public boolean isFinal() {
    return this == RESULT_RETURNED || this == REFUSED || this == WITHDRAWN;
  }
}

package vn.motcua.webapp.dossier;

/**
 * The dossier's status, step or holder changed (a step began, it waits for the applicant, it finished). Published in
 * the transaction of the change, for those who must tell someone else (the national portal's outbox).
 */
public record DossierChanged(Dossier dossier) {
}

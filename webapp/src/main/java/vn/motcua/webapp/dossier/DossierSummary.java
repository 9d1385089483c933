package vn.motcua.webapp.dossier;

import java.time.OffsetDateTime;

/** A dossier in a list. */
public record DossierSummary(String receiptCode, String procedureCode, String procedureName, DossierStatus status,
                             String statusLabel, String applicantName, String currentAgency, String currentStep,
                             OffsetDateTime submittedAt, OffsetDateTime deadline, Timeliness timeliness) {
}

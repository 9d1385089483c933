package vn.motcua.webapp.board;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One dossier in a live list: where it is, who holds it and how much working time is left (negative: how late), and
 * why a call to another system holds it up, if one does.
 */
public record BoardRow(String receiptCode, String procedureCode, String procedureName, String applicantName,
                       String unitCode, String status, String statusLabel, String stage, String step,
                       String agencyCode, String agencyName, String officer, OffsetDateTime receivedAt,
                       OffsetDateTime deadline, OffsetDateTime stageDeadline, OffsetDateTime pausedAt,
                       BigDecimal remainingWorkingDays, int escalationLevel, String escalatedTo,
                       String incident) {
}

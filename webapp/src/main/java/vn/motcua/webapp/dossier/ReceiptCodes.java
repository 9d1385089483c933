package vn.motcua.webapp.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipt codes: receiving agency code, receipt date (yyMMdd) and a per-agency daily sequence, e.g.
 * {@code X06148-261116-0007}. Each number is taken in its own short transaction on a locked counter row, so
 * concurrent submissions never share a number; a submission that later fails leaves a gap, never a duplicate.
 */
@Component
class ReceiptCodes {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
  private static final int ATTEMPTS = 5;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  ReceiptCodes(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  String next(String agencyCode, LocalDate day) {
    for (int attempt = 1; ; attempt++) {
      try {
        Integer value = ownTransaction.execute(status -> take(agencyCode, day));
        return agencyCode + "-" + DAY.format(day) + "-" + String.format("%04d", value);
      } catch (DuplicateKeyException firstOfTheDayRace) {
        // another submission created today's counter at the same moment: take the next number from it
        if (attempt == ATTEMPTS) {
          throw firstOfTheDayRace;
        }
      }
    }
  }

  private Integer take(String agencyCode, LocalDate day) {
    int updated = jdbc.update("update receipt_sequence set last_value = last_value + 1"
        + " where agency_code = ? and receipt_day = ?", agencyCode, day);
    if (updated == 0) {
      jdbc.update("insert into receipt_sequence (agency_code, receipt_day, last_value) values (?, ?, 1)",
          agencyCode, day);
      return 1;
    }
    return jdbc.queryForObject("select last_value from receipt_sequence where agency_code = ? and receipt_day = ?",
        Integer.class, agencyCode, day);
  }
}

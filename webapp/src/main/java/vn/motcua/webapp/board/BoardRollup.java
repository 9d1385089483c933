package vn.motcua.webapp.board;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.processes.legaltime.LegalCalendar;

/**
 * The board's monthly figures. A month that is over does not change any more (dossiers are received and finished
 * now, never in the past), so its figures per receiving agency and procedure are computed once from the dossier
 * table into {@code board_month} and {@code board_month_delay}; the running month is always read live. A change
 * to a dossier of a closed month (a late rating, an import) makes that month be computed again.
 */
@Component
public class BoardRollup {

  private static final Logger LOG = LoggerFactory.getLogger(BoardRollup.class);
  static final String COUNTED = "status in ('RESULT_RETURNED', 'REFUSED') and received_at is not null";
  private static final String GROUP = "receiving_agency, handling_agency, procedure_code, sector, unit_code,"
      + " unit_level, unit_province, unit_district";

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate separately;
  private final Clock clock;
  private final LegalCalendar calendar;

  BoardRollup(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
      LegalCalendar calendar) {
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.calendar = calendar;
  }

  /** The running month (yyyymm) in the legal calendar's zone. */
  public int currentMonth() {
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    return today.getYear() * 100 + today.getMonthValue();
  }

  /** Computes every month before the running one that has dossiers and is not computed yet. */
  public void closeMonthsBefore(int current) {
    Integer first = jdbc.getJdbcTemplate().queryForObject(
        "select min(received_month) from dossier where received_month is not null", Integer.class);
    if (first == null || first >= current) {
      return;
    }
    Set<Integer> closed = new HashSet<>(jdbc.getJdbcTemplate().queryForList(
        "select period_month from board_month_closed", Integer.class));
    for (YearMonth m = YearMonth.of(first / 100, first % 100); month(m) < current; m = m.plusMonths(1)) {
      int month = month(m);
      if (!closed.contains(month)) {
        close(month);
      }
    }
  }

  /** Makes the given months be computed again (after their dossiers changed). */
  public void forget(Set<Integer> months) {
    if (months.isEmpty()) {
      return;
    }
    MapSqlParameterSource params = new MapSqlParameterSource("months", months);
    jdbc.update("delete from board_month_closed where period_month in (:months)", params);
    jdbc.update("delete from board_month where period_month in (:months)", params);
    jdbc.update("delete from board_month_delay where period_month in (:months)", params);
  }

  private void close(int month) {
    long started = System.nanoTime();
    try {
      separately.executeWithoutResult(status -> {
        MapSqlParameterSource m = new MapSqlParameterSource("m", month)
            .addValue("at", Timestamp.from(clock.instant()));
        // whoever marks the month first computes it; a concurrent attempt fails here and changes nothing
        jdbc.update("insert into board_month_closed (period_month, computed_at) values (:m, :at)", m);
        jdbc.update("insert into board_month (period_month, " + GROUP + ", received, online, fee_dossiers, paid_online,"
            + " digitized, portal_synced, finished, early, on_time, late, withdrawn, stopped, closed,"
            + " electronic_results, rated, satisfied)"
            + " select :m, " + GROUP + ","
            + received("received_month = :m") + "," + finished("finished_month = :m")
            + " from dossier where received_month = :m or finished_month = :m group by " + GROUP, m);
        jdbc.update("insert into board_month_delay (period_month, " + GROUP + ", late_stage, late_agency, delay_cause,"
            + " dossiers, late_minutes)"
            + " select :m, " + GROUP + ", late_stage, late_agency, delay_cause, count(*),"
            + " sum(coalesce(late_minutes, 0)) from dossier where finished_month = :m and timeliness = 'LATE'"
            + " group by " + GROUP + ", late_stage, late_agency, delay_cause", m);
      });
      LOG.info("Board figures of month {} computed in {} ms", month, (System.nanoTime() - started) / 1_000_000);
    } catch (DataIntegrityViolationException computedElsewhere) {
      LOG.debug("Board figures of month {} were computed by another request", month);
    }
  }

  /** The received-side figures of the dossiers matching the condition, as SQL sums (6 columns). */
  static String received(String when) {
    return String.join(",", List.of(
        "sum(case when " + when + " then 1 else 0 end)",
        "sum(case when " + when + " and channel = 'ONLINE' then 1 else 0 end)",
        "sum(case when " + when + " and fee_amount > 0 then 1 else 0 end)",
        "sum(case when " + when + " and paid_online then 1 else 0 end)",
        "sum(case when " + when + " and digitized then 1 else 0 end)",
        "sum(case when " + when + " and portal_synced then 1 else 0 end)"));
  }

  /** The finished-side figures of the dossiers matching the condition, as SQL sums (10 columns). */
  static String finished(String when) {
    String counted = when + " and " + COUNTED;
    return String.join(",", List.of(
        "sum(case when " + counted + " then 1 else 0 end)",
        "sum(case when " + counted + " and timeliness = 'EARLY' then 1 else 0 end)",
        "sum(case when " + counted + " and timeliness = 'ON_TIME' then 1 else 0 end)",
        "sum(case when " + counted + " and timeliness = 'LATE' then 1 else 0 end)",
        "sum(case when " + when + " and status = 'WITHDRAWN' then 1 else 0 end)",
        "sum(case when " + when + " and status = 'STOPPED' then 1 else 0 end)",
        "sum(case when " + when + " and received_at is not null then 1 else 0 end)",
        "sum(case when " + counted + " and electronic_result then 1 else 0 end)",
        "sum(case when " + counted + " and rating is not null then 1 else 0 end)",
        "sum(case when " + counted + " and rating >= 4 then 1 else 0 end)"));
  }

  static int month(YearMonth month) {
    return month.getYear() * 100 + month.getMonthValue();
  }
}

package vn.motcua.webapp.board;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.place.Places;

/**
 * The board's queries, in SQL over the dossier read model only (never the engine's history): each filters on the
 * scope's unit column first, so the indexes of migration V4 serve it (see docs/benchmarks.md).
 */
@Component
public class BoardQueries {

  private static final String COUNTED = "status in ('RESULT_RETURNED', 'REFUSED')";
  private static final String ROW_COLUMNS = "receipt_code, procedure_code, procedure_name, applicant_name, unit_code,"
      + " status, current_stage, current_step, current_agency, current_assignee, received_at, deadline,"
      + " stage_deadline, paused_at, escalation_level, escalated_to";

  private final NamedParameterJdbcTemplate jdbc;
  /** For exports: rows come from the database in batches (a cursor inside a transaction on PostgreSQL). */
  private final NamedParameterJdbcTemplate streaming;
  private final LegalCalendar calendar;
  private final java.time.Clock clock;
  private final Places places;
  private final MessageSource messages;

  BoardQueries(NamedParameterJdbcTemplate jdbc, javax.sql.DataSource dataSource, LegalCalendar calendar,
      java.time.Clock clock, Places places, MessageSource messages) {
    this.jdbc = jdbc;
    org.springframework.jdbc.core.JdbcTemplate batches = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    batches.setFetchSize(1000);
    this.streaming = new NamedParameterJdbcTemplate(batches);
    this.calendar = calendar;
    this.clock = clock;
    this.places = places;
    this.messages = messages;
  }

  /** A page of a live list and how many rows it has in all. */
  public record Page(List<BoardRow> rows, long total, int page, int size) {
    @JsonProperty
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  // ------------------------------------------------------------------------------------------------ live lists

  public long count(BoardList list, BoardScope scope, BoardFilter filter) {
    Where where = live(list, scope, filter);
    return jdbc.queryForObject("select count(*) from dossier" + where.sql, where.params, Long.class);
  }

  public Page list(BoardList list, BoardScope scope, BoardFilter filter, int page, int size) {
    Where where = live(list, scope, filter);
    long total = jdbc.queryForObject("select count(*) from dossier" + where.sql, where.params, Long.class);
    where.params.addValue("limit", size).addValue("offset", (long) page * size);
    List<BoardRow> rows = new ArrayList<>();
    Instant now = clock.instant();
    jdbc.query("select " + ROW_COLUMNS + " from dossier" + where.sql + order(list) + " limit :limit offset :offset",
        where.params, (RowCallbackHandler) rs -> rows.add(row(rs, now)));
    return new Page(rows, total, page, size);
  }

  /** Every row of a live list, in order, for an export (streamed, not held in memory). */
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  public void forEach(BoardList list, BoardScope scope, BoardFilter filter, Consumer<BoardRow> consumer) {
    Where where = live(list, scope, filter);
    Instant now = clock.instant();
    streaming.query("select " + ROW_COLUMNS + " from dossier" + where.sql + order(list), where.params,
        (RowCallbackHandler) rs -> consumer.accept(row(rs, now)));
  }

  private Where live(BoardList list, BoardScope scope, BoardFilter filter) {
    Instant now = clock.instant();
    Where where = new Where().and("finished_at is null").scope(scope).filter(filter, "current_agency")
        .and(filter.officer() == null ? null : "current_assignee = :officer", "officer", filter.officer());
    return switch (list) {
      case OVERDUE -> where.and("deadline < :now and paused_at is null", "now", ts(now));
      case DUE_SOON -> where.and("deadline >= :now and deadline <= :cutoff and paused_at is null", "now", ts(now))
          .param("cutoff", ts(calendar.deadline(now, java.math.BigDecimal.valueOf(filter.dueDays()))));
      case PAUSED -> where.and("status in ('AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT')");
      case ESCALATED -> where.and("escalation_level > 0");
    };
  }

  private static String order(BoardList list) {
    return switch (list) {
      case OVERDUE, DUE_SOON -> " order by deadline, id";
      case PAUSED -> " order by paused_at nulls last, id";
      case ESCALATED -> " order by escalation_level desc, escalated_at, id";
    };
  }

  private BoardRow row(ResultSet rs, Instant now) throws SQLException {
    Instant deadline = instant(rs, "deadline");
    Instant pausedAt = instant(rs, "paused_at");
    String agency = rs.getString("current_agency");
    String status = rs.getString("status");
    return new BoardRow(rs.getString("receipt_code"), rs.getString("procedure_code"),
        rs.getString("procedure_name"), rs.getString("applicant_name"), rs.getString("unit_code"), status,
        messages.getMessage("status." + status, null, status, LocaleContextHolder.getLocale()),
        rs.getString("current_stage"), rs.getString("current_step"), agency,
        agency == null ? null : places.agency(agency).map(a -> a.getName()).orElse(agency),
        rs.getString("current_assignee"), local(instant(rs, "received_at")), local(deadline),
        local(instant(rs, "stage_deadline")), local(pausedAt),
        deadline == null ? null : calendar.remainingWorkingDays(deadline, pausedAt != null ? pausedAt : now),
        rs.getInt("escalation_level"), rs.getString("escalated_to"));
  }

  // ------------------------------------------------------------------------------------------------ KPIs

  /** The figures of the scope (or of each unit right below it, when {@code byUnit}) for the period. */
  public Map<String, Kpis> kpis(BoardScope scope, BoardFilter filter, Period period, boolean byUnit) {
    String key = byUnit ? scope.childColumn() : "'" + (scope.everywhere() ? "*" : scope.code()) + "'";
    String group = byUnit ? " group by " + key : "";
    Instant from = period.from(calendar.zone());
    Instant to = period.to(calendar.zone());
    Map<String, Kpis> figures = new LinkedHashMap<>();

    Where received = new Where().and("received_at >= :from and received_at < :to", "from", ts(from))
        .param("to", ts(to)).scope(scope).filter(filter, "receiving_agency");
    jdbc.query("select " + key + " as k, count(*) as received,"
        + " sum(case when channel = 'ONLINE' then 1 else 0 end) as online,"
        + " sum(case when fee_amount > 0 then 1 else 0 end) as fee_dossiers,"
        + " sum(case when paid_online then 1 else 0 end) as paid_online,"
        + " sum(case when digitized then 1 else 0 end) as digitized,"
        + " sum(case when portal_synced then 1 else 0 end) as portal_synced,"
        + " count(distinct case when channel = 'ONLINE' then procedure_code end) as online_procedures,"
        + " count(distinct case when fee_amount > 0 then procedure_code end) as fee_procedures,"
        + " count(distinct case when paid_online then procedure_code end) as paid_procedures"
        + " from dossier" + received.sql + group, received.params, (RowCallbackHandler) rs ->
        figures.merge(rs.getString("k"), Kpis.NONE.withReceived(rs.getLong("received"), rs.getLong("online"),
            rs.getLong("fee_dossiers"), rs.getLong("paid_online"), rs.getLong("digitized"),
            rs.getLong("portal_synced"), rs.getLong("online_procedures"), rs.getLong("fee_procedures"),
            rs.getLong("paid_procedures")), (a, b) -> a.withReceived(b.received(), b.online(), b.feeDossiers(),
            b.paidOnline(), b.digitized(), b.portalSynced(), b.onlineProcedures(), b.feeProcedures(),
            b.paidProcedures())));

    Where finished = new Where().and("finished_at >= :from and finished_at < :to", "from", ts(from))
        .param("to", ts(to)).scope(scope).filter(filter, "receiving_agency");
    jdbc.query("select " + key + " as k,"
        + " sum(case when " + COUNTED + " then 1 else 0 end) as finished,"
        + " sum(case when timeliness = 'EARLY' then 1 else 0 end) as early,"
        + " sum(case when timeliness = 'ON_TIME' then 1 else 0 end) as on_time,"
        + " sum(case when timeliness = 'LATE' then 1 else 0 end) as late,"
        + " sum(case when status = 'WITHDRAWN' then 1 else 0 end) as withdrawn,"
        + " sum(case when status = 'STOPPED' then 1 else 0 end) as stopped,"
        + " sum(case when electronic_result and " + COUNTED + " then 1 else 0 end) as electronic_results,"
        + " sum(case when rating is not null then 1 else 0 end) as rated,"
        + " sum(case when rating >= 4 then 1 else 0 end) as satisfied"
        + " from dossier" + finished.sql + group, finished.params, (RowCallbackHandler) rs -> {
          Kpis found = figures.getOrDefault(rs.getString("k"), Kpis.NONE);
          figures.put(rs.getString("k"), found.withFinished(rs.getLong("finished"), rs.getLong("early"),
              rs.getLong("on_time"), rs.getLong("late"), rs.getLong("withdrawn"), rs.getLong("stopped"),
              rs.getLong("electronic_results"), rs.getLong("rated"), rs.getLong("satisfied")));
        });

    // in progress and overdue at the end of the period, or now for a period still running
    Instant now = clock.instant();
    Instant at = to.isBefore(now) ? to : now;
    Where open = at.equals(now)
        ? new Where().and("finished_at is null and received_at < :at")
        : new Where().and("received_at < :at and (finished_at is null or finished_at >= :at)", "at", ts(at));
    open.param("at", ts(at)).scope(scope).filter(filter, "receiving_agency");
    String late = at.equals(now) ? "deadline < :at and paused_at is null" : "deadline < :at";
    jdbc.query("select " + key + " as k, count(*) as in_progress,"
        + " sum(case when " + late + " then 1 else 0 end) as overdue"
        + " from dossier" + open.sql + group, open.params, (RowCallbackHandler) rs -> {
          Kpis found = figures.getOrDefault(rs.getString("k"), Kpis.NONE);
          figures.put(rs.getString("k"), found.withOpen(rs.getLong("in_progress"), rs.getLong("overdue")));
        });
    if (!byUnit && figures.isEmpty()) {
      figures.put(scope.everywhere() ? "*" : scope.code(), Kpis.NONE);
    }
    return figures;
  }

  /** One month of the trend: received, finished (results and refusals) and finished on time or early. */
  public record MonthPoint(YearMonth month, long received, long finished, long onTime) {
    @JsonProperty
    public Double onTimeShare() {
      return Kpis.share(onTime, finished);
    }
  }

  public List<MonthPoint> trend(BoardScope scope, BoardFilter filter, Period period) {
    List<YearMonth> months = period.trendMonths();
    Map<Integer, long[]> byMonth = new LinkedHashMap<>();
    months.forEach(m -> byMonth.put(m.getYear() * 100 + m.getMonthValue(), new long[3]));
    Instant from = months.get(0).atDay(1).atStartOfDay(calendar.zone()).toInstant();
    Instant to = period.to(calendar.zone());
    Where received = new Where().and("received_at >= :from and received_at < :to", "from", ts(from))
        .param("to", ts(to)).scope(scope).filter(filter, "receiving_agency");
    jdbc.query("select received_month as m, count(*) as n from dossier" + received.sql + " group by received_month",
        received.params, (RowCallbackHandler) rs -> add(byMonth, rs.getInt("m"), 0, rs.getLong("n")));
    Where finished = new Where().and("finished_at >= :from and finished_at < :to", "from", ts(from))
        .param("to", ts(to)).and(COUNTED).scope(scope).filter(filter, "receiving_agency");
    jdbc.query("select finished_month as m, count(*) as n,"
        + " sum(case when timeliness in ('EARLY', 'ON_TIME') then 1 else 0 end) as in_time"
        + " from dossier" + finished.sql + " group by finished_month", finished.params, (RowCallbackHandler) rs -> {
          add(byMonth, rs.getInt("m"), 1, rs.getLong("n"));
          add(byMonth, rs.getInt("m"), 2, rs.getLong("in_time"));
        });
    List<MonthPoint> points = new ArrayList<>();
    byMonth.forEach((m, n) -> points.add(new MonthPoint(YearMonth.of(m / 100, m % 100), n[0], n[1], n[2])));
    return points;
  }

  private static void add(Map<Integer, long[]> byMonth, int month, int index, long value) {
    long[] figures = byMonth.get(month);
    if (figures != null) {
      figures[index] += value;
    }
  }

  /** Which stage and agency made late dossiers late, how many, by how much, and why their leaders said. */
  public record Delay(String stage, String agencyCode, String agencyName, long dossiers, double averageDaysLate,
                      Map<String, Long> causes) {
  }

  public List<Delay> delays(BoardScope scope, BoardFilter filter, Period period) {
    Where where = new Where().and("finished_at >= :from and finished_at < :to", "from",
            ts(period.from(calendar.zone()))).param("to", ts(period.to(calendar.zone())))
        .and("timeliness = 'LATE'").scope(scope).filter(filter, "receiving_agency");
    record Sum(String stage, String agency, long[] dossiersAndMinutes, Map<String, Long> causes) {
    }
    Map<String, Sum> sums = new LinkedHashMap<>();
    jdbc.query("select late_stage, late_agency, delay_cause, count(*) as n, sum(coalesce(late_minutes, 0)) as minutes"
        + " from dossier" + where.sql + " group by late_stage, late_agency, delay_cause", where.params,
        (RowCallbackHandler) rs -> {
          String stage = rs.getString("late_stage");
          String agency = rs.getString("late_agency");
          Sum sum = sums.computeIfAbsent(stage + "|" + agency,
              k -> new Sum(stage, agency, new long[2], new LinkedHashMap<>()));
          sum.dossiersAndMinutes()[0] += rs.getLong("n");
          sum.dossiersAndMinutes()[1] += rs.getLong("minutes");
          String cause = rs.getString("delay_cause");
          sum.causes().merge(cause == null ? "UNSTATED" : cause, rs.getLong("n"), Long::sum);
        });
    return sums.values().stream()
        .map(s -> new Delay(s.stage(), s.agency(),
            s.agency() == null ? null : places.agency(s.agency()).map(a -> a.getName()).orElse(s.agency()),
            s.dossiersAndMinutes()[0], Math.round(100.0 * s.dossiersAndMinutes()[1]
                / calendar.minutesPerDay() / s.dossiersAndMinutes()[0]) / 100.0, s.causes()))
        .sorted(java.util.Comparator.comparingLong(Delay::dossiers).reversed())
        .toList();
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private OffsetDateTime local(Instant instant) {
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
  }

  /** A where clause under construction, with its parameters. */
  private static final class Where {
    private String sql = " where 1 = 1";
    private final MapSqlParameterSource params = new MapSqlParameterSource();

    Where and(String condition) {
      if (condition != null) {
        sql += " and " + condition;
      }
      return this;
    }

    Where and(String condition, String name, Object value) {
      if (condition != null) {
        and(condition);
        params.addValue(name, value);
      }
      return this;
    }

    Where param(String name, Object value) {
      params.addValue(name, value);
      return this;
    }

    Where scope(BoardScope scope) {
      return scope.everywhere() ? this : and(scope.column() + " = :scope", "scope", scope.code());
    }

    /** The filters common to lists and KPIs; {@code agencyColumn}: who holds it now, or who received it. */
    Where filter(BoardFilter filter, String agencyColumn) {
      return and(filter.level() == null ? null : "unit_level = :level", "level", filter.level())
          .and(filter.agency() == null ? null : agencyColumn + " = :agency", "agency", filter.agency())
          .and(filter.sector() == null ? null : "sector = :sector", "sector", filter.sector())
          .and(filter.procedure() == null ? null : "procedure_code = :procedure", "procedure", filter.procedure());
    }
  }
}

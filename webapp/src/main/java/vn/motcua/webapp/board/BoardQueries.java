package vn.motcua.webapp.board;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private static final String ROW_COLUMNS = "receipt_code, procedure_code, procedure_name, applicant_name, unit_code,"
      + " status, current_stage, current_step, current_agency, current_assignee, received_at, deadline,"
      + " stage_deadline, paused_at, escalation_level, escalated_to, incident_message";

  private final NamedParameterJdbcTemplate jdbc;
  private final BoardRollup rollup;
  /** For exports: rows come from the database in batches (a cursor inside a transaction on PostgreSQL). */
  private final NamedParameterJdbcTemplate streaming;
  private final LegalCalendar calendar;
  private final java.time.Clock clock;
  private final Places places;
  private final MessageSource messages;

  BoardQueries(NamedParameterJdbcTemplate jdbc, BoardRollup rollup, javax.sql.DataSource dataSource,
      LegalCalendar calendar, java.time.Clock clock, Places places, MessageSource messages) {
    this.jdbc = jdbc;
    this.rollup = rollup;
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
    Where where = new Where().and(list == BoardList.INCIDENTS ? null : "finished_at is null").scope(scope)
        .filter(filter, "current_agency")
        .and(filter.officer() == null ? null : "current_assignee = :officer", "officer", filter.officer());
    return switch (list) {
      case OVERDUE -> where.and("deadline < :now and paused_at is null", "now", ts(now));
      case DUE_SOON -> where.and("deadline >= :now and deadline <= :cutoff and paused_at is null", "now", ts(now))
          .param("cutoff", ts(calendar.deadline(now, java.math.BigDecimal.valueOf(filter.dueDays()))));
      case PAUSED -> where.and("status in ('AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT')");
      case ESCALATED -> where.and("escalation_level > 0");
      case INCIDENTS -> where.and("incidents > 0");
    };
  }

  private static String order(BoardList list) {
    return switch (list) {
      case OVERDUE, DUE_SOON -> " order by deadline, id";
      case PAUSED -> " order by paused_at nulls last, id";
      case ESCALATED -> " order by escalation_level desc, escalated_at, id";
      case INCIDENTS -> " order by incident_at, id";
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
        rs.getInt("escalation_level"), rs.getString("escalated_to"), rs.getString("incident_message"));
  }

  // ------------------------------------------------------------------------------------------------ KPIs

  /** Figures summed per key: the 16 columns of {@link BoardRollup} and the procedures seen online, with a fee, paid. */
  private static final class Sums {
    private final long[] values = new long[16];
    private final Set<String> online = new HashSet<>();
    private final Set<String> fee = new HashSet<>();
    private final Set<String> paid = new HashSet<>();

    void add(String procedure, long[] row) {
      for (int i = 0; i < values.length; i++) {
        values[i] += row[i];
      }
      if (row[1] > 0) {
        online.add(procedure);
      }
      if (row[2] > 0) {
        fee.add(procedure);
      }
      if (row[3] > 0) {
        paid.add(procedure);
      }
    }

    Kpis kpis() {
      long[] v = values;
      return new Kpis(v[0], v[1], v[2], v[3], v[4], v[5], online.size(), fee.size(), paid.size(), v[6], v[7], v[8],
          v[9], v[10], v[11], v[13], v[14], v[15], 0, 0L);
    }
  }

  private static final String SUMMED = "sum(received), sum(online), sum(fee_dossiers), sum(paid_online),"
      + " sum(digitized), sum(portal_synced), sum(finished), sum(early), sum(on_time), sum(late), sum(withdrawn),"
      + " sum(stopped), sum(closed), sum(electronic_results), sum(rated), sum(satisfied)";

  /** The figures of a period: the whole scope, each unit right below it, and the months of its trend. */
  public record Figures(Kpis total, Map<String, Kpis> byUnit, List<MonthPoint> trend) {
  }

  /**
   * Computes the figures in one pass over the months of the trend (which contain the period's): the months that are
   * over from the monthly figures, the running month live from the dossiers (received and finished separately, so
   * each reads one index), and in progress at the end of the period (or now, with overdue).
   */
  public Figures figures(BoardScope scope, BoardFilter filter, Period period) {
    String child = scope.childColumn();
    List<YearMonth> months = period.trendMonths();
    int first = BoardRollup.month(months.get(0));
    int last = BoardRollup.month(months.get(months.size() - 1));
    int current = rollup.currentMonth();
    rollup.closeMonthsBefore(current);

    Sums total = new Sums();
    Map<String, Sums> byUnit = new LinkedHashMap<>();
    Map<Integer, Sums> byMonth = new LinkedHashMap<>();
    months.forEach(m -> byMonth.put(BoardRollup.month(m), new Sums()));
    java.util.function.BiConsumer<Integer, ResultSet> add = (month, rs) -> {
      try {
        long[] row = new long[16];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getLong(4 + i);
        }
        String unit = rs.getString("k");
        String procedure = rs.getString("p");
        if (month >= period.firstMonth() && month <= period.lastMonth()) {
          total.add(procedure, row);
          if (unit != null) {
            byUnit.computeIfAbsent(unit, u -> new Sums()).add(procedure, row);
          }
        }
        byMonth.get(month).add(procedure, row);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };

    int lastClosed = Math.min(last, previous(current));
    if (first <= lastClosed) {
      Where monthly = new Where().and("period_month between :first and :last", "first", first).param("last", lastClosed)
          .scope(scope).filter(filter, "receiving_agency");
      jdbc.query("select " + child + " as k, procedure_code as p, period_month as m, " + SUMMED + " from board_month"
              + monthly.sql + " group by " + child + ", procedure_code, period_month", monthly.params,
          (RowCallbackHandler) rs -> add.accept(rs.getInt("m"), rs));
    }
    if (first <= current && current <= last) {
      Instant from = YearMonth.of(current / 100, current % 100).atDay(1).atStartOfDay(calendar.zone()).toInstant();
      String zeros6 = String.join(", ", java.util.Collections.nCopies(6, "0"));
      String zeros10 = String.join(", ", java.util.Collections.nCopies(10, "0"));
      for (String side : List.of("received", "finished")) {
        String when = side + "_at >= :from and " + side + "_at <= :to";
        Where live = new Where().and(when, "from", ts(from)).param("to", ts(clock.instant())).scope(scope)
            .filter(filter, "receiving_agency");
        String sums = side.equals("received") ? BoardRollup.received("1 = 1") + ", " + zeros10
            : zeros6 + ", " + BoardRollup.finished("1 = 1");
        jdbc.query("select " + child + " as k, procedure_code as p, " + current + " as m, " + sums + " from dossier"
                + live.sql + " group by " + child + ", procedure_code", live.params,
            (RowCallbackHandler) rs -> add.accept(current, rs));
      }
    }

    Map<String, Kpis> units = new LinkedHashMap<>();
    byUnit.forEach((unit, sums) -> units.put(unit, sums.kpis()));
    Kpis all = total.kpis();
    Instant now = clock.instant();
    if (period.to(calendar.zone()).isAfter(now)) {
      // a running period: in progress and overdue now, from the unfinished dossiers
      Where open = new Where().and("finished_at is null and received_at <= :now", "now", ts(now))
          .scope(scope).filter(filter, "receiving_agency");
      long[] sum = new long[2];
      jdbc.query("select " + child + " as k, count(*) as in_progress,"
          + " sum(case when deadline < :now and paused_at is null then 1 else 0 end) as overdue"
          + " from dossier" + open.sql + " group by " + child, open.params, (RowCallbackHandler) rs -> {
            sum[0] += rs.getLong("in_progress");
            sum[1] += rs.getLong("overdue");
            if (rs.getString("k") != null) {
              units.merge(rs.getString("k"), Kpis.NONE.withOpen(rs.getLong("in_progress"), rs.getLong("overdue")),
                  (a, b) -> a.withOpen(b.inProgress(), b.overdue()));
            }
          });
      all = all.withOpen(sum[0], sum[1]);
    } else {
      // a period that is over: in progress at its end = received minus closed up to then
      Where past = new Where().and("period_month <= :last", "last", period.lastMonth()).scope(scope)
          .filter(filter, "receiving_agency");
      long[] sum = new long[1];
      jdbc.query("select " + child + " as k, sum(received) - sum(closed) as in_progress from board_month" + past.sql
          + " group by " + child, past.params, (RowCallbackHandler) rs -> {
            sum[0] += rs.getLong("in_progress");
            if (rs.getString("k") != null) {
              units.merge(rs.getString("k"), Kpis.NONE.withOpen(rs.getLong("in_progress"), null),
                  (a, b) -> a.withOpen(b.inProgress(), null));
            }
          });
      all = all.withOpen(sum[0], null);
    }
    List<MonthPoint> trend = new ArrayList<>();
    byMonth.forEach((month, sums) -> {
      Kpis k = sums.kpis();
      trend.add(new MonthPoint(YearMonth.of(month / 100, month % 100), k.received(), k.finished(),
          k.early() + k.onTime()));
    });
    return new Figures(all, units, trend);
  }

  private static int previous(int month) {
    return BoardRollup.month(YearMonth.of(month / 100, month % 100).minusMonths(1));
  }

  /** One month of the trend: received, finished (results and refusals) and finished on time or early. */
  public record MonthPoint(YearMonth month, long received, long finished, long onTime) {
    @JsonProperty
    public Double onTimeShare() {
      return Kpis.share(onTime, finished);
    }
  }

  /** Which stage and agency made late dossiers late, how many, by how much, and why their leaders said. */
  public record Delay(String stage, String agencyCode, String agencyName, long dossiers, double averageDaysLate,
                      Map<String, Long> causes) {
  }

  public List<Delay> delays(BoardScope scope, BoardFilter filter, Period period) {
    record Sum(String stage, String agency, long[] dossiersAndMinutes, Map<String, Long> causes) {
    }
    Map<String, Sum> sums = new LinkedHashMap<>();
    RowCallbackHandler add = rs -> {
      String stage = rs.getString("late_stage");
      String agency = rs.getString("late_agency");
      Sum sum = sums.computeIfAbsent(stage + "|" + agency,
          k -> new Sum(stage, agency, new long[2], new LinkedHashMap<>()));
      sum.dossiersAndMinutes()[0] += rs.getLong("n");
      sum.dossiersAndMinutes()[1] += rs.getLong("minutes");
      String cause = rs.getString("delay_cause");
      sum.causes().merge(cause == null ? "UNSTATED" : cause, rs.getLong("n"), Long::sum);
    };
    byMonths(period, monthly -> {
      Where over = monthly.scope(scope).filter(filter, "receiving_agency");
      jdbc.query("select late_stage, late_agency, delay_cause, sum(dossiers) as n, sum(late_minutes) as minutes"
          + " from board_month_delay" + over.sql + " group by late_stage, late_agency, delay_cause", over.params, add);
    }, running -> {
      Where live = running.apply("finished_at").and("timeliness = 'LATE'").scope(scope)
          .filter(filter, "receiving_agency");
      jdbc.query("select late_stage, late_agency, delay_cause, count(*) as n, sum(coalesce(late_minutes, 0))"
          + " as minutes from dossier" + live.sql + " group by late_stage, late_agency, delay_cause", live.params, add);
    });
    return sums.values().stream()
        .map(s -> new Delay(s.stage(), s.agency(),
            s.agency() == null ? null : places.agency(s.agency()).map(a -> a.getName()).orElse(s.agency()),
            s.dossiersAndMinutes()[0], Math.round(100.0 * s.dossiersAndMinutes()[1]
                / calendar.minutesPerDay() / s.dossiersAndMinutes()[0]) / 100.0, s.causes()))
        .sorted(java.util.Comparator.comparingLong(Delay::dossiers).reversed())
        .toList();
  }

  /** A centre's reception work in the period: dossiers it received, and of them those counted for another unit. */
  public record Reception(String agencyCode, String agencyName, long received, long forOtherUnits) {
  }

  /**
   * The reception work of the agencies given (those of a scope), by the month of receipt: since 1 July 2025 any centre
   * of the province receives a dossier of any commune, and the dossier counts for the unit of the agency that handles
   * it, so each centre's reception is shown apart (the dossiers it received for other units included).
   */
  public List<Reception> reception(List<vn.motcua.webapp.place.Agency> agencies, Period period) {
    if (agencies.isEmpty()) {
      return List.of();
    }
    Map<String, String> centres = new LinkedHashMap<>();
    agencies.forEach(agency -> centres.put(agency.getCode(), agency.getAdminUnitCode()));
    Map<String, long[]> sums = new java.util.TreeMap<>();
    RowCallbackHandler add = rs -> {
      String centre = rs.getString("receiving_agency");
      long[] sum = sums.computeIfAbsent(centre, c -> new long[2]);
      sum[0] += rs.getLong("n");
      if (!centres.get(centre).equals(rs.getString("unit_code"))) {
        sum[1] += rs.getLong("n");
      }
    };
    byMonths(period, monthly -> {
      Where over = monthly.and("receiving_agency in (:centres)", "centres", centres.keySet());
      jdbc.query("select receiving_agency, unit_code, sum(received) as n from board_month" + over.sql
          + " group by receiving_agency, unit_code", over.params, add);
    }, running -> {
      Where live = running.apply("received_at").and("receiving_agency in (:centres)", "centres", centres.keySet());
      jdbc.query("select receiving_agency, unit_code, count(*) as n from dossier" + live.sql
          + " group by receiving_agency, unit_code", live.params, add);
    });
    return sums.entrySet().stream().filter(e -> e.getValue()[0] > 0)
        .map(e -> new Reception(e.getKey(), places.agency(e.getKey()).map(a -> a.getName()).orElse(e.getKey()),
            e.getValue()[0], e.getValue()[1]))
        .sorted(java.util.Comparator.comparingLong(Reception::received).reversed()
            .thenComparing(Reception::agencyCode))
        .toList();
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /**
   * Reads a period the way the board does: the months that are over from the monthly figures ({@code over} gets the
   * clause of those months), the running month live from the dossiers ({@code running} gets a function that gives the
   * clause "this column from the first of the month to now").
   */
  private void byMonths(Period period, Consumer<Where> over,
      Consumer<java.util.function.Function<String, Where>> running) {
    int current = rollup.currentMonth();
    rollup.closeMonthsBefore(current);
    int lastClosed = Math.min(period.lastMonth(), previous(current));
    if (period.firstMonth() <= lastClosed) {
      over.accept(new Where().and("period_month between :first and :last", "first", period.firstMonth())
          .param("last", lastClosed));
    }
    if (period.firstMonth() <= current && current <= period.lastMonth()) {
      Instant from = YearMonth.of(current / 100, current % 100).atDay(1).atStartOfDay(calendar.zone()).toInstant();
      running.accept(column -> new Where().and(column + " >= :from and " + column + " <= :to", "from", ts(from))
          .param("to", ts(clock.instant())));
    }
  }

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

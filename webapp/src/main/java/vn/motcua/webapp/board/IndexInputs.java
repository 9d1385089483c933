package vn.motcua.webapp.board;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The components of the service index that motcua does not observe (procedures published on time, feedback handled,
 * reuse of digitized data, ...), entered per unit and month by reform officers as a numerator and a denominator.
 */
@Component
public class IndexInputs {

  private final NamedParameterJdbcTemplate jdbc;
  private final java.time.Clock clock;

  IndexInputs(NamedParameterJdbcTemplate jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records (or corrects) one unit's figure for one component and month. */
  @Transactional
  public void record(String unitCode, int month, String component, BigDecimal numerator, BigDecimal denominator,
      String by) {
    MapSqlParameterSource params = new MapSqlParameterSource().addValue("unit", unitCode).addValue("month", month)
        .addValue("component", component).addValue("numerator", numerator).addValue("denominator", denominator)
        .addValue("by", by).addValue("at", Timestamp.from(clock.instant()));
    int updated = jdbc.update("update index_input set numerator = :numerator, denominator = :denominator,"
        + " entered_by = :by, entered_at = :at"
        + " where unit_code = :unit and period_month = :month and component = :component", params);
    if (updated == 0) {
      jdbc.update("insert into index_input (unit_code, period_month, component, numerator, denominator, entered_by,"
          + " entered_at) values (:unit, :month, :component, :numerator, :denominator, :by, :at)", params);
    }
  }

  /** The entered rates of the given units for the months of the period: unit → component → rate. */
  public Map<String, Map<String, ServiceIndex.Rate>> rates(Collection<String> units, Period period) {
    Map<String, Map<String, ServiceIndex.Rate>> rates = new HashMap<>();
    if (units.isEmpty()) {
      return rates;
    }
    jdbc.query("select unit_code, component, sum(numerator) as n, sum(denominator) as d from index_input"
            + " where unit_code in (:units) and period_month between :first and :last group by unit_code, component",
        new MapSqlParameterSource().addValue("units", units).addValue("first", period.firstMonth())
            .addValue("last", period.lastMonth()),
        (RowCallbackHandler) rs -> rates.computeIfAbsent(rs.getString("unit_code"), u -> new HashMap<>())
            .put(rs.getString("component"), new ServiceIndex.Rate(rs.getDouble("n"), rs.getDouble("d"))));
    return rates;
  }
}

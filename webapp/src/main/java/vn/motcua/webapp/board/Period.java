package vn.motcua.webapp.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.webapp.system.ApiException;

/**
 * A reporting period: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year ({@code 2026}), as
 * Decision 766 evaluates them; from its first day to the first day after it, in the legal calendar's zone.
 */
public record Period(String label, Kind kind, LocalDate start, LocalDate end) {

  /** Month, quarter or year. */
  public enum Kind { MONTH, QUARTER, YEAR }

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");

  public static Period parse(String text) {
    String value = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
    Matcher m;
    if ((m = MONTH.matcher(value)).matches() && Integer.parseInt(m.group(2)) >= 1
        && Integer.parseInt(m.group(2)) <= 12) {
      LocalDate start = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).atDay(1);
      return new Period(value, Kind.MONTH, start, start.plusMonths(1));
    }
    if ((m = QUARTER.matcher(value)).matches()) {
      LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
      return new Period(value, Kind.QUARTER, start, start.plusMonths(3));
    }
    if ((m = YEAR.matcher(value)).matches()) {
      LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
      return new Period(value, Kind.YEAR, start, start.plusYears(1));
    }
    throw ApiException.badRequest("board.period.invalid", text);
  }

  /** The month containing the given day. */
  public static Period monthOf(LocalDate day) {
    return parse(YearMonth.from(day).toString());
  }

  public Instant from(ZoneId zone) {
    return start.atStartOfDay(zone).toInstant();
  }

  public Instant to(ZoneId zone) {
    return end.atStartOfDay(zone).toInstant();
  }

  /** yyyymm of the first and of the last month of the period. */
  public int firstMonth() {
    return start.getYear() * 100 + start.getMonthValue();
  }

  public int lastMonth() {
    LocalDate last = end.minusMonths(1);
    return last.getYear() * 100 + last.getMonthValue();
  }

  /** The months of the trend that ends with this period: at least twelve, so a month shows a year's curve. */
  public List<YearMonth> trendMonths() {
    YearMonth last = YearMonth.from(end.minusMonths(1));
    YearMonth first = YearMonth.from(start);
    if (first.plusMonths(11).isAfter(last)) {
      first = last.minusMonths(11);
    }
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }
}

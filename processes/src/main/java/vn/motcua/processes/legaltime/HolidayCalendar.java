package vn.motcua.processes.legaltime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The days off and swapped working days of each year, read from one annual calendar file per year. A year that has
 * no file yet (a long deadline running into a year whose holidays the Government has not announced) is counted by
 * the documented fallback: Monday to Friday, except the holidays the Labour Code (2019, art. 112) fixes on solar dates
 * — 1 January, 30 April, 1 May, 2 September. Tết, the Hùng Kings' day and compensatory days are not known without the
 * year's file, so a deadline in such a year may fall earlier than the law's (never later); the application warns the
 * administrators well before the last year with a file runs out.
 */
public final class HolidayCalendar {

  /** Why a weekday is not worked. */
  public enum Kind { HOLIDAY, COMPENSATORY, SWAPPED }

  /** One weekday off or one weekend day worked. */
  public record Day(LocalDate date, Kind kind, String name, String nameEn, boolean provisional) { }

  /** What {@link #status(int)} answers for a year without a file. */
  public static final String FALLBACK = "FALLBACK";
  private static final List<MonthDay> FIXED_DAYS_OFF = List.of(MonthDay.of(1, 1), MonthDay.of(4, 30),
      MonthDay.of(5, 1), MonthDay.of(9, 2));

  private final Map<LocalDate, Day> daysOff = new HashMap<>();
  private final Map<LocalDate, Day> workingDays = new HashMap<>();
  private final NavigableSet<Integer> years = new TreeSet<>();
  private final Map<Integer, String> yearStatus = new HashMap<>();

  private HolidayCalendar() {
  }

  /** Reads annual files; each stream is closed. */
  public static HolidayCalendar load(List<? extends Source> sources) {
    HolidayCalendar calendar = new HolidayCalendar();
    for (Source source : sources) {
      try (InputStream in = source.open()) {
        calendar.add(source.name(), in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read holiday calendar " + source.name(), e);
      }
    }
    if (calendar.years.isEmpty()) {
      throw new IllegalArgumentException("no holiday calendar file was given");
    }
    return calendar;
  }

  /** A named stream of one annual file. */
  public interface Source {
    String name();

    InputStream open() throws IOException;
  }

  @SuppressWarnings("unchecked")
  private void add(String file, InputStream in) {
    Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    if (!(parsed instanceof Map<?, ?> root)) {
      throw invalid(file, "the file is not a YAML mapping");
    }
    if (!(root.get("year") instanceof Integer year)) {
      throw invalid(file, "'year' must be a number such as 2026");
    }
    if (!years.add(year)) {
      throw invalid(file, "year " + year + " is defined twice");
    }
    Object status = root.get("status");
    yearStatus.put(year, status == null ? "OFFICIAL" : status.toString());
    for (Map<String, Object> entry : entries(file, root, "daysOff")) {
      Day day = day(file, year, entry, true);
      if (isWeekend(day.date())) {
        throw invalid(file, day.date() + " is a weekend day; list the compensatory weekday instead");
      }
      if (daysOff.put(day.date(), day) != null) {
        throw invalid(file, day.date() + " is listed twice");
      }
    }
    for (Map<String, Object> entry : entries(file, root, "workingDays")) {
      Day day = day(file, year, entry, false);
      if (!isWeekend(day.date())) {
        throw invalid(file, day.date() + " is a weekday; only weekend days can be declared working days");
      }
      workingDays.put(day.date(), day);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(String file, Map<?, ?> root, String key) {
    Object value = root.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
      throw invalid(file, "'" + key + "' must be a list of entries with a date");
    }
    return (List<Map<String, Object>>) value;
  }

  private static Day day(String file, int year, Map<String, Object> entry, boolean dayOff) {
    LocalDate date = date(file, entry.get("date"));
    if (date.getYear() != year) {
      throw invalid(file, date + " is not in year " + year);
    }
    Kind kind = Kind.HOLIDAY;
    if (dayOff) {
      try {
        kind = Kind.valueOf(String.valueOf(entry.getOrDefault("kind", "HOLIDAY")));
      } catch (IllegalArgumentException e) {
        throw invalid(file, date + ": kind must be HOLIDAY, COMPENSATORY or SWAPPED");
      }
    }
    String name = String.valueOf(entry.getOrDefault("name", ""));
    String nameEn = String.valueOf(entry.getOrDefault("nameEn", name));
    return new Day(date, kind, name, nameEn, Boolean.TRUE.equals(entry.get("provisional")));
  }

  private static LocalDate date(String file, Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    try {
      return LocalDate.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw invalid(file, "'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  private static IllegalArgumentException invalid(String file, String message) {
    return new IllegalArgumentException("holiday calendar " + file + ": " + message);
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** True for Monday–Friday that are not days off, and for weekend days declared as working days. */
  public boolean isWorkingDay(LocalDate date) {
    if (!years.contains(date.getYear())) {
      return !isWeekend(date) && !FIXED_DAYS_OFF.contains(MonthDay.from(date));
    }
    if (workingDays.containsKey(date)) {
      return true;
    }
    return !isWeekend(date) && !daysOff.containsKey(date);
  }

  /** The day off on this date, if any. */
  public Day dayOff(LocalDate date) {
    return daysOff.get(date);
  }

  public NavigableSet<Integer> years() {
    return Collections.unmodifiableNavigableSet(years);
  }

  /** OFFICIAL or PROVISIONAL, as declared by the year's file; {@link #FALLBACK} for a year without one. */
  public String status(int year) {
    return yearStatus.getOrDefault(year, FALLBACK);
  }

  /**
   * Whether a year is not yet as the Government set it: its file is missing (the fallback counts it), declared
   * PROVISIONAL, or holds a day marked provisional.
   */
  public boolean provisional(int year) {
    return !"OFFICIAL".equals(status(year))
        || daysOff.values().stream().anyMatch(d -> d.provisional() && d.date().getYear() == year);
  }

  /**
   * The days that are working days in one calendar and not in the other, in date order: what an edited file
   * changes. A year with a file in only one of them is compared day by day against the fallback.
   */
  public List<LocalDate> changedDays(HolidayCalendar other) {
    NavigableSet<LocalDate> candidates = new TreeSet<>();
    for (HolidayCalendar calendar : List.of(this, other)) {
      candidates.addAll(calendar.daysOff.keySet());
      candidates.addAll(calendar.workingDays.keySet());
    }
    NavigableSet<Integer> allYears = new TreeSet<>(years);
    allYears.addAll(other.years);
    for (int year : allYears) {
      if (years.contains(year) != other.years.contains(year)) {
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
          candidates.add(day);
        }
      }
    }
    return candidates.stream().filter(day -> isWorkingDay(day) != other.isWorkingDay(day)).toList();
  }

  /** The weekend days worked in exchange in a year, in date order. */
  public List<Day> workingDays(int year) {
    return workingDays.values().stream().filter(d -> d.date().getYear() == year)
        .sorted((a, b) -> a.date().compareTo(b.date())).toList();
  }

  /** Every day off of a year, in date order. */
  public List<Day> daysOff(int year) {
    List<Day> days = new ArrayList<>();
    daysOff.values().stream().filter(d -> d.date().getYear() == year).forEach(days::add);
    days.sort((a, b) -> a.date().compareTo(b.date()));
    return days;
  }
}

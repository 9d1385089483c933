package vn.motcua.processes.legaltime;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The working periods of a day and the same-day cut-off. A working day is the sum of its periods;
 * half a working day is half of that sum, wherever it falls.
 */
public record OfficeHours(List<Period> periods, LocalTime sameDayCutoff) {

  /** One uninterrupted stretch of office time. */
  public record Period(LocalTime start, LocalTime end) {
    public Period {
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("office period must start before it ends: " + start + "-" + end);
      }
    }

    long minutes() {
      return java.time.Duration.between(start, end).toMinutes();
    }
  }

  public OfficeHours {
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("office hours need at least one period");
    }
    periods = List.copyOf(periods);
    for (int i = 1; i < periods.size(); i++) {
      if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
        throw new IllegalArgumentException("office periods must be in order and must not overlap");
      }
    }
  }

  /** Parses "07:30-11:30,13:00-17:00". */
  public static OfficeHours parse(String periods, String sameDayCutoff) {
    List<Period> parsed = new ArrayList<>();
    for (String part : periods.split(",")) {
      String[] bounds = part.trim().split("-");
      if (bounds.length != 2) {
        throw new IllegalArgumentException("office period '" + part + "' must look like 07:30-11:30");
      }
      parsed.add(new Period(LocalTime.parse(bounds[0].trim()), LocalTime.parse(bounds[1].trim())));
    }
    return new OfficeHours(parsed, LocalTime.parse(sameDayCutoff.trim()));
  }

  public long minutesPerDay() {
    return periods.stream().mapToLong(Period::minutes).sum();
  }

  public LocalTime opening() {
    return periods.get(0).start();
  }

  public LocalTime closing() {
    return periods.get(periods.size() - 1).end();
  }
}

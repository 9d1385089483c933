package vn.motcua.processes.legaltime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Computes legal time: adding working days skips weekends and days off and counts only office hours,
 * so a deadline of N working days falls at the same clock time N working days later. Zero working days
 * means "the same day": received before the cut-off (15:00) it is due at the close of that working day,
 * otherwise at the close of the next one.
 */
public final class LegalCalendar {

  /** Replaced as a whole when the annual files change: a computation reads it once. */
  private volatile HolidayCalendar holidays;
  private final OfficeHours hours;
  private final ZoneId zone;

  public LegalCalendar(HolidayCalendar holidays, OfficeHours hours, ZoneId zone) {
    this.holidays = holidays;
    this.hours = hours;
    this.zone = zone;
  }

  /** Working minutes in a full office day. */
  public long minutesPerDay() {
    return hours.minutesPerDay();
  }

  public ZoneId zone() {
    return zone;
  }

  public HolidayCalendar holidays() {
    return holidays;
  }

  /** From now on, legal time counts by these days off and working days (the annual files were edited). */
  public void use(HolidayCalendar next) {
    this.holidays = next;
  }

  /** The same office hours and zone with other days off: how legal time counted, or would count. */
  public LegalCalendar with(HolidayCalendar other) {
    return new LegalCalendar(other, hours, zone);
  }

  public boolean isWorkingDay(LocalDate date) {
    return holidays.isWorkingDay(date);
  }

  /** The deadline of a processing time given in working days (fractions allowed, e.g. 0.5). */
  public Instant deadline(Instant start, BigDecimal workingDays) {
    if (workingDays == null || workingDays.signum() < 0) {
      throw new IllegalArgumentException("processing time must be zero or more working days, was " + workingDays);
    }
    if (workingDays.signum() == 0) {
      return sameDay(start);
    }
    long minutes = workingDays.multiply(BigDecimal.valueOf(hours.minutesPerDay()))
        .setScale(0, RoundingMode.HALF_UP).longValueExact();
    return addWorkingMinutes(start, minutes);
  }

  /** The 15:00 rule: close of the receipt day if received on a working day before the cut-off, else of the next. */
  public Instant sameDay(Instant received) {
    HolidayCalendar days = holidays;
    LocalDateTime local = LocalDateTime.ofInstant(received, zone);
    LocalDate day = local.toLocalDate();
    if (!days.isWorkingDay(day) || !local.toLocalTime().isBefore(hours.sameDayCutoff())) {
      day = nextWorkingDay(day);
    }
    return day.atTime(hours.closing()).atZone(zone).toInstant();
  }

  /** Adds office minutes, starting at the next office moment if start falls outside office hours. */
  public Instant addWorkingMinutes(Instant start, long minutes) {
    HolidayCalendar days = holidays;
    LocalDateTime t = LocalDateTime.ofInstant(start, zone);
    long remaining = minutes;
    while (true) {
      LocalDate day = t.toLocalDate();
      if (days.isWorkingDay(day)) {
        for (OfficeHours.Period period : hours.periods()) {
          LocalDateTime periodStart = day.atTime(period.start());
          LocalDateTime periodEnd = day.atTime(period.end());
          if (t.isBefore(periodStart)) {
            t = periodStart;
          }
          if (!t.isBefore(periodEnd)) {
            continue;
          }
          long available = java.time.Duration.between(t, periodEnd).toMinutes();
          if (remaining <= available) {
            return t.plusMinutes(remaining).atZone(zone).toInstant();
          }
          remaining -= available;
          t = periodEnd;
        }
      }
      t = day.plusDays(1).atStartOfDay();
    }
  }

  /** The moment N working days before the given one, at the same clock time (N = 0 gives the moment itself). */
  public Instant before(Instant moment, BigDecimal workingDays) {
    HolidayCalendar days = holidays;
    long minutes = workingDays.multiply(BigDecimal.valueOf(hours.minutesPerDay()))
        .setScale(0, RoundingMode.HALF_UP).longValueExact();
    LocalDateTime t = LocalDateTime.ofInstant(moment, zone);
    long remaining = minutes;
    while (remaining > 0) {
      LocalDate day = t.toLocalDate();
      if (days.isWorkingDay(day)) {
        for (int i = hours.periods().size() - 1; i >= 0 && remaining > 0; i--) {
          OfficeHours.Period period = hours.periods().get(i);
          LocalDateTime periodStart = day.atTime(period.start());
          LocalDateTime periodEnd = day.atTime(period.end());
          if (t.isAfter(periodEnd)) {
            t = periodEnd;
          }
          if (!t.isAfter(periodStart)) {
            continue;
          }
          long available = java.time.Duration.between(periodStart, t).toMinutes();
          if (remaining <= available) {
            return t.minusMinutes(remaining).atZone(zone).toInstant();
          }
          remaining -= available;
          t = periodStart;
        }
      }
      t = day.minusDays(1).atTime(23, 59, 59);
    }
    return t.atZone(zone).toInstant();
  }

  /** Working minutes between two instants (zero if end is not after start). */
  public long workingMinutesBetween(Instant start, Instant end) {
    HolidayCalendar days = holidays;
    LocalDateTime from = LocalDateTime.ofInstant(start, zone);
    LocalDateTime to = LocalDateTime.ofInstant(end, zone);
    long total = 0;
    for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
      if (!days.isWorkingDay(day)) {
        continue;
      }
      for (OfficeHours.Period period : hours.periods()) {
        LocalDateTime s = max(day.atTime(period.start()), from);
        LocalDateTime e = min(day.atTime(period.end()), to);
        if (s.isBefore(e)) {
          total += java.time.Duration.between(s, e).toMinutes();
        }
      }
    }
    return total;
  }

  /** Working days between two instants, in office-day units (e.g. 1.5). */
  public BigDecimal workingDaysBetween(Instant start, Instant end) {
    return BigDecimal.valueOf(workingMinutesBetween(start, end))
        .divide(BigDecimal.valueOf(hours.minutesPerDay()), 2, RoundingMode.HALF_UP);
  }

  /** Working days left until the deadline at the given moment; negative: how many working days it is late. */
  public BigDecimal remainingWorkingDays(Instant deadline, Instant now) {
    return now.isAfter(deadline) ? workingDaysBetween(deadline, now).negate() : workingDaysBetween(now, deadline);
  }

  public LocalDate nextWorkingDay(LocalDate day) {
    HolidayCalendar days = holidays;
    LocalDate next = day.plusDays(1);
    while (!days.isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}

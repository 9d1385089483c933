package vn.motcua.webapp.system;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.processes.legaltime.HolidayCalendar;
import vn.motcua.processes.legaltime.LegalCalendar;

/**
 * Whether the annual holiday calendars reach far enough ahead. A deadline that runs into a year without its file is
 * counted by the documented fallback (weekdays but the Labour Code's solar-date holidays, no Tết:
 * {@link HolidayCalendar}); so from {@code motcua.legal-time.calendar-warning-months} before the last year with a file
 * ends, the administrators are told every day — in the log and on their pages — to add the next year's file.
 */
@Component
public class CalendarCoverage {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarCoverage.class);

  /** The last year with a file, the day it ends, and the first year without one. */
  public record Warning(int lastYear, LocalDate endsOn, int nextYear) {
  }

  private final LegalCalendar calendar;
  private final Clock clock;
  private final int months;

  CalendarCoverage(LegalCalendar calendar, Clock clock, MotcuaProperties properties) {
    this.calendar = calendar;
    this.clock = clock;
    this.months = properties.legalTime().calendarWarningMonths();
  }

  /** The warning to give today, if the last calendar ends within the warning months (or has ended). */
  public Optional<Warning> warning() {
    int last = calendar.holidays().years().last();
    LocalDate endsOn = LocalDate.of(last, 12, 31);
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    return today.isBefore(endsOn.minusMonths(months)) ? Optional.empty()
        : Optional.of(new Warning(last, endsOn, last + 1));
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "0 0 7 * * *", zone = "${motcua.legal-time.zone:Asia/Ho_Chi_Minh}")
  void remind() {
    warning().ifPresent(w -> LOG.warn("The holiday calendars end on {}: add config/calendar/holidays-{}.yaml (the"
        + " Government's notice of days off); deadlines in {} are counted by the fallback (weekdays but the Labour"
        + " Code's solar-date holidays, no Tết)", w.endsOn(), w.nextYear(), w.nextYear()));
  }
}

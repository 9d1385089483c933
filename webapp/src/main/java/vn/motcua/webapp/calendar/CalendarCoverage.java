package vn.motcua.webapp.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.processes.legaltime.HolidayCalendar;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.system.MotcuaProperties;

/**
 * Whether the holiday calendars are as the Government set them. A year without its file is counted by the documented
 * fallback (weekdays but the Labour Code's solar-date holidays, no Tết: {@link HolidayCalendar}), a provisional one by
 * a projection; so the administrators are told — on their pages, in the log every morning and in the health
 * endpoint's details — when this year's calendar is missing or provisional, from {@code
 * motcua.legal-time.calendar-warning-from} (1 October) when next year's is, and when an edited file was refused.
 */
@Component("legalCalendarHealthIndicator")
public class CalendarCoverage implements HealthIndicator {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarCoverage.class);

  /** One thing to tell: its message key and arguments (a year, or the reason a file was refused). */
  public record Notice(String key, String argument) {
  }

  private final LegalCalendar calendar;
  private final CalendarChanges changes;
  private final MessageSource messages;
  private final Clock clock;
  private final MonthDay warnFrom;

  CalendarCoverage(LegalCalendar calendar, CalendarChanges changes, MessageSource messages, Clock clock,
      MotcuaProperties properties) {
    this.calendar = calendar;
    this.changes = changes;
    this.messages = messages;
    this.clock = clock;
    this.warnFrom = MonthDay.parse("--" + properties.legalTime().calendarWarningFrom());
  }

  /** What to tell the administrators today, in order: a refused file, then this year, then next year. */
  public List<Notice> notices() {
    List<Notice> notices = new ArrayList<>();
    changes.refusal().ifPresent(reason -> notices.add(new Notice("calendar.refused", reason)));
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    year(today.getYear()).ifPresent(notices::add);
    if (!MonthDay.from(today).isBefore(warnFrom)) {
      year(today.getYear() + 1).ifPresent(notices::add);
    }
    return notices;
  }

  private java.util.Optional<Notice> year(int year) {
    HolidayCalendar holidays = calendar.holidays();
    if (HolidayCalendar.FALLBACK.equals(holidays.status(year))) {
      return java.util.Optional.of(new Notice("calendar.missing", String.valueOf(year)));
    }
    return holidays.provisional(year) ? java.util.Optional.of(new Notice("calendar.provisional", String.valueOf(year)))
        : java.util.Optional.empty();
  }

  /** A notice in the reader's language. */
  public String text(Notice notice, Locale locale) {
    return messages.getMessage(notice.key(), new Object[] {notice.argument()}, locale);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "0 0 7 * * *", zone = "${motcua.legal-time.zone:Asia/Ho_Chi_Minh}")
  void remind() {
    notices().forEach(notice -> LOG.warn("Holiday calendar: {}", text(notice, Locale.ENGLISH)));
  }

  /** UP while legal time can be counted (it always can: the calendar in force stays); the details say how well. */
  @Override
  public Health health() {
    HolidayCalendar holidays = calendar.holidays();
    Map<String, String> years = new LinkedHashMap<>();
    holidays.years().forEach(year -> years.put(String.valueOf(year),
        holidays.provisional(year) ? "PROVISIONAL" : holidays.status(year)));
    return Health.up().withDetail("years", years)
        .withDetail("notices", notices().stream().map(notice -> text(notice, Locale.ENGLISH)).toList()).build();
  }
}

package vn.motcua.webapp.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.processes.legaltime.HolidayCalendar;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.processes.legaltime.LegalTimePlugin;
import vn.motcua.processes.legaltime.OfficeHours;
import vn.motcua.webapp.calendar.CalendarFiles;

/**
 * Puts legal time into the engine and the application: one calendar built from the annual files (CalendarFiles), which
 * CalendarChanges keeps as the files are edited.
 */
@Configuration
class LegalTimeConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(LegalTimeConfiguration.class);

  @Bean
  LegalCalendar legalCalendar(MotcuaProperties properties, CalendarFiles files) {
    MotcuaProperties.LegalTime settings = properties.legalTime();
    HolidayCalendar holidays = CalendarFiles.parse(files.read());
    LOG.info("Legal calendar covers {}–{} ({})", holidays.years().first(), holidays.years().last(),
        holidays.years().stream().map(y -> y + " " + holidays.status(y)).toList());
    return new LegalCalendar(holidays, OfficeHours.parse(settings.officeHours(), settings.sameDayCutoff()),
        ZoneId.of(settings.zone()));
  }

  @Bean
  LegalTimePlugin legalTimePlugin(LegalCalendar legalCalendar) {
    return new LegalTimePlugin(legalCalendar);
  }

  /** The application's clock follows the engine clock, so tests that move engine time move everything. */
  @Bean
  Clock clock(LegalCalendar legalCalendar) {
    return new EngineClock(legalCalendar.zone());
  }

  static final class EngineClock extends Clock {
    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}

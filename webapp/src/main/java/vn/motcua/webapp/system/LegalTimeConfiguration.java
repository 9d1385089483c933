package vn.motcua.webapp.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import vn.motcua.processes.legaltime.HolidayCalendar;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.processes.legaltime.LegalTimePlugin;
import vn.motcua.processes.legaltime.OfficeHours;

/**
 * Puts legal time into the engine and the application: one calendar built from the annual files, a later
 * location overriding an earlier one for the same year (so operators can drop a corrected file in ./config/calendar).
 */
@Configuration
class LegalTimeConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(LegalTimeConfiguration.class);
  private static final Pattern YEAR = Pattern.compile("holidays-(\\d{4})\\.yaml$");

  @Bean
  LegalCalendar legalCalendar(MotcuaProperties properties, ResourcePatternResolver resolver) throws IOException {
    MotcuaProperties.LegalTime settings = properties.legalTime();
    Map<String, Resource> byYear = new LinkedHashMap<>();
    for (String location : settings.calendars()) {
      for (Resource resource : resolver.getResources(location)) {
        Matcher year = YEAR.matcher(String.valueOf(resource.getFilename()));
        if (resource.exists() && year.find()) {
          byYear.put(year.group(1), resource);
        }
      }
    }
    List<HolidayCalendar.Source> sources = new ArrayList<>();
    byYear.values().forEach(resource -> sources.add(new HolidayCalendar.Source() {
      @Override
      public String name() {
        return resource.getDescription();
      }

      @Override
      public InputStream open() {
        try {
          return resource.getInputStream();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }));
    HolidayCalendar holidays = HolidayCalendar.load(sources);
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

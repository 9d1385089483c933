package vn.motcua.webapp.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.motcua.processes.legaltime.HolidayCalendar;
import vn.motcua.webapp.system.MotcuaProperties;

/**
 * The annual holiday files ({@code holidays-YYYY.yaml}) where {@code motcua.legal-time.calendars} points, a later
 * location overriding an earlier one for the same year: the shipped files, then an operator's in ./config/calendar.
 */
@Component
public class CalendarFiles {

  private static final Pattern YEAR = Pattern.compile("holidays-(\\d{4})\\.yaml$");

  private final List<String> locations;
  private final ResourcePatternResolver resolver;

  CalendarFiles(MotcuaProperties properties, ResourcePatternResolver resolver) {
    this.locations = properties.legalTime().calendars();
    this.resolver = resolver;
  }

  /** The text of each year's file as it is now, by year. */
  public Map<Integer, YearFile> read() {
    Map<Integer, YearFile> byYear = new TreeMap<>();
    try {
      for (String location : locations) {
        for (Resource resource : resolver.getResources(location)) {
          Matcher year = YEAR.matcher(String.valueOf(resource.getFilename()));
          if (resource.exists() && year.find()) {
            try (InputStream in = resource.getInputStream()) {
              byYear.put(Integer.valueOf(year.group(1)), new YearFile(resource.getDescription(),
                  new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("holiday calendars cannot be read: " + e.getMessage(), e);
    }
    return byYear;
  }

  /** One year's file: where it was read and what it says. */
  public record YearFile(String name, String text) {
  }

  /** The calendar the texts describe; a broken file is refused with its name and the reason. */
  public static HolidayCalendar parse(Map<Integer, YearFile> byYear) {
    List<HolidayCalendar.Source> sources = new ArrayList<>();
    byYear.values().forEach(file -> sources.add(new HolidayCalendar.Source() {
      @Override
      public String name() {
        return file.name();
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(file.text().getBytes(StandardCharsets.UTF_8));
      }
    }));
    return HolidayCalendar.load(sources);
  }

  /** Just the texts, by year: what decides whether the calendar changed. */
  static Map<Integer, String> texts(Map<Integer, YearFile> byYear) {
    Map<Integer, String> texts = new TreeMap<>();
    byYear.forEach((year, file) -> texts.put(year, file.text()));
    return texts;
  }
}

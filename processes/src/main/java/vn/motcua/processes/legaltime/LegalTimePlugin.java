package vn.motcua.processes.legaltime;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Installs legal time in an engine: task due dates and timer durations are resolved in working days of
 * the annual holiday calendars, and models get the {@code legalDeadline(start, days)} function.
 * Configurable from camunda.cfg.xml through the setters, or constructed with a ready calendar.
 */
public class LegalTimePlugin extends AbstractProcessEnginePlugin {

  private LegalCalendar calendar;
  private String calendarResources = "calendar/holidays-2024.yaml,calendar/holidays-2025.yaml,"
      + "calendar/holidays-2026.yaml,"
      + "calendar/holidays-2027.yaml";
  private String officeHours = "07:30-11:30,13:00-17:00";
  private String sameDayCutoff = "15:00";
  private String zone = "Asia/Ho_Chi_Minh";

  public LegalTimePlugin() {
  }

  public LegalTimePlugin(LegalCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    LegalCalendar legal = calendar != null ? calendar : fromResources();
    WorkingDayBusinessCalendar working = new WorkingDayBusinessCalendar(legal);
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, working);
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, working);
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try {
      configuration.getExpressionManager().addFunction(LegalTimeFunctions.LEGAL_DEADLINE,
          LegalTimeFunctions.class.getMethod(LegalTimeFunctions.LEGAL_DEADLINE, java.util.Date.class, Object.class));
      configuration.getExpressionManager().addFunction(LegalTimeFunctions.END_OF_TODAY,
          LegalTimeFunctions.class.getMethod(LegalTimeFunctions.END_OF_TODAY));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private LegalCalendar fromResources() {
    List<HolidayCalendar.Source> sources = new ArrayList<>();
    for (String resource : calendarResources.split(",")) {
      String name = resource.trim();
      sources.add(new HolidayCalendar.Source() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public InputStream open() throws java.io.IOException {
          InputStream in = LegalTimePlugin.class.getClassLoader().getResourceAsStream(name);
          if (in == null) {
            throw new java.io.FileNotFoundException("classpath resource " + name);
          }
          return in;
        }
      });
    }
    return new LegalCalendar(HolidayCalendar.load(sources), OfficeHours.parse(officeHours, sameDayCutoff),
        ZoneId.of(zone));
  }

  public void setCalendarResources(String calendarResources) {
    this.calendarResources = calendarResources;
  }

  public void setOfficeHours(String officeHours) {
    this.officeHours = officeHours;
  }

  public void setSameDayCutoff(String sameDayCutoff) {
    this.sameDayCutoff = sameDayCutoff;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }
}

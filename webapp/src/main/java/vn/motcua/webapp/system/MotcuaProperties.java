package vn.motcua.webapp.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every motcua setting, under the {@code motcua} prefix. */
@ConfigurationProperties("motcua")
public record MotcuaProperties(
    @DefaultValue LegalTime legalTime,
    @DefaultValue Demo demo,
    @DefaultValue Documents documents,
    @DefaultValue Board board,
    @DefaultValue Signatures signatures,
    @DefaultValue("classpath:reference/") String referenceData,
    @DefaultValue("20") String defaultProvince) {

  /**
   * Legal time: the zone and office hours of the deployment, where the annual holiday calendars are, from which day
   * of the year (MM-dd) the administrators are warned that next year's calendar is missing or provisional. (How often
   * the files are read again, {@code calendar-check-millis}, is CalendarChanges' schedule.)
   */
  public record LegalTime(
      @DefaultValue("Asia/Ho_Chi_Minh") String zone,
      @DefaultValue("07:30-11:30,13:00-17:00") String officeHours,
      @DefaultValue("15:00") String sameDayCutoff,
      @DefaultValue({"classpath*:calendar/holidays-*.yaml", "file:./config/calendar/holidays-*.yaml"})
      List<String> calendars,
      @DefaultValue("10-01") String calendarWarningFrom) {
  }

  /** The supervisor's board: which version of the Decision 766 index (the serviceIndex decision) it scores. */
  public record Board(@DefaultValue("766/2022") String indexVersion, @DefaultValue("50") int pageSize) {
  }

  /**
   * Digital signatures: the root certificates (PEM files) whose chains motcua trusts when it verifies a signature.
   * The default is the demo root the simulated signing service writes.
   */
  public record Signatures(@DefaultValue("./data/signing-keys/root-ca.pem") List<String> trustedRoots) {
  }

  /** Files attached to dossiers. */
  public record Documents(@DefaultValue("20971520") long maxBytes) {
  }

  /**
   * Demo users and the months of demo dossiers replayed through the engine on the first start of an empty database
   * (0: none); off in production.
   */
  public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("demo") String password,
                     @DefaultValue("3") int historyMonths) {
  }
}

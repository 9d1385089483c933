package vn.motcua.webapp.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.system.MotcuaProperties;

/**
 * The catalog as people read it, for the API and the public pages alike: each procedure with its legal time and
 * fee per channel for a province, evaluated from the decisions in force today.
 */
@Component
public class ProcedureViews {

  private static final List<String> CHANNELS = List.of("ONLINE", "COUNTER");

  private final ProcedureCatalog catalog;
  private final Rules rules;
  private final MotcuaProperties properties;
  private final Clock clock;

  ProcedureViews(ProcedureCatalog catalog, Rules rules, MotcuaProperties properties, Clock clock) {
    this.catalog = catalog;
    this.rules = rules;
    this.properties = properties;
    this.clock = clock;
  }

  /** The procedures matching every filter given (a null filter matches all). */
  public List<ProcedureView> find(String level, String sector, String agency, String words, String province) {
    return catalog.procedures().stream()
        .filter(p -> blank(level) || level.equalsIgnoreCase(p.level()))
        .filter(p -> blank(sector) || sector.equalsIgnoreCase(p.sector()) || sector.equalsIgnoreCase(p.sectorEn()))
        .filter(p -> blank(agency) || agency.equals(p.handlingAgency()))
        .filter(p -> blank(words) || contains(p.name(), words) || contains(p.nameEn(), words)
            || p.code().equals(words.trim()))
        .map(p -> view(p, province, false))
        .toList();
  }

  /** One procedure, with its required documents. */
  public Optional<ProcedureView> one(String code, String province) {
    return catalog.byCode(code).map(p -> view(p, province, true));
  }

  private ProcedureView view(Procedure p, String province, boolean withDocuments) {
    String provinceCode = province == null ? properties.defaultProvince() : province;
    LocalDate today = LocalDate.now(clock);
    String ruleSet = rules.ruleSetVersion(today).orElse(null);
    ProcedureView.Upcoming now = values(rules, today, p, provinceCode);
    ProcedureView.Upcoming upcoming = rules.nextChange()
        .map(day -> values(rules.asOf(day.atStartOfDay(clock.getZone()).toInstant()), day, p, provinceCode))
        .filter(then -> !then.equals(new ProcedureView.Upcoming(then.from(), now.processingWorkingDays(), now.fees(),
            now.documents())))
        .orElse(null);
    return new ProcedureView(p.code(), p.formerCodes(), p.name(), p.nameEn(), p.sector(), p.sectorEn(), p.level(),
        p.onlineServiceLevel(), p.handlingAgency(), p.version(), p.versionTag(), ruleSet, now.processingWorkingDays(),
        now.fees(), p.steps(), withDocuments ? now.documents() : null, upcoming);
  }

  /** What the tables in force on a day say of a procedure. */
  private static ProcedureView.Upcoming values(Rules rules, LocalDate day, Procedure p, String provinceCode) {
    String ruleSet = rules.ruleSetVersion(day).orElse(null);
    Map<String, BigDecimal> days = new LinkedHashMap<>();
    Map<String, Rules.Fee> fees = new LinkedHashMap<>();
    for (String channel : CHANNELS) {
      Rules.Facts facts = new Rules.Facts(p.code(), channel, ruleSet, null, provinceCode, null, null, day);
      rules.processingDays(facts, p.level(), null).ifPresent(d -> days.put(channel, d));
      rules.fee(facts, "CITIZEN", 1, 1).ifPresent(f -> fees.put(channel, f));
    }
    return new ProcedureView.Upcoming(day, days, fees, rules.requiredDocuments(p.code(), List.of()));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Case-insensitive, and "khai sinh" finds "Đăng ký khai sinh". */
  private static boolean contains(String text, String words) {
    Locale vi = Locale.forLanguageTag("vi");
    return text != null && text.toLowerCase(vi).contains(words.trim().toLowerCase(vi));
  }
}

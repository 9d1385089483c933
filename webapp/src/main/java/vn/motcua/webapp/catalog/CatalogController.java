package vn.motcua.webapp.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.webapp.system.ApiException;
import vn.motcua.webapp.system.MotcuaProperties;

/** The public catalog: every figure is evaluated from the deployed models and decisions, never stored twice. */
@RestController
@RequestMapping("/api/v1/procedures")
@Tag(name = "Danh mục thủ tục / Procedure catalog")
class CatalogController {

  private static final List<String> CHANNELS = List.of("ONLINE", "COUNTER");

  private final ProcedureCatalog catalog;
  private final Rules rules;
  private final MotcuaProperties properties;
  private final Clock clock;

  CatalogController(ProcedureCatalog catalog, Rules rules, MotcuaProperties properties, Clock clock) {
    this.catalog = catalog;
    this.rules = rules;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "Tìm thủ tục / Find procedures", description = "Filter by level, sector or words of the name.")
  List<ProcedureView> list(@RequestParam(required = false) String level, @RequestParam(required = false) String sector,
      @Parameter(description = "Words of the Vietnamese or English name") @RequestParam(required = false) String q,
      @RequestParam(required = false) String province) {
    return catalog.procedures().stream()
        .filter(p -> level == null || level.equalsIgnoreCase(p.level()))
        .filter(p -> sector == null || sector.equalsIgnoreCase(p.sector()) || sector.equalsIgnoreCase(p.sectorEn()))
        .filter(p -> q == null || contains(p.name(), q) || contains(p.nameEn(), q) || p.code().equals(q.trim()))
        .map(p -> view(p, province, false))
        .toList();
  }

  @GetMapping("/{code}")
  @Operation(summary = "Chi tiết thủ tục / A procedure",
      description = "Steps, legal time per channel, fee per channel for the province, and the required documents.")
  ProcedureView get(@PathVariable String code, @RequestParam(required = false) String province) {
    return view(catalog.byCode(code).orElseThrow(() -> ApiException.notFound("error.procedure.notFound", code)),
        province, true);
  }

  private ProcedureView view(Procedure p, String province, boolean withDocuments) {
    LocalDate today = LocalDate.now(clock);
    String ruleSet = rules.ruleSetVersion(today).orElse(null);
    String provinceCode = province == null ? properties.defaultProvince() : province;
    Map<String, BigDecimal> days = new LinkedHashMap<>();
    Map<String, Rules.Fee> fees = new LinkedHashMap<>();
    for (String channel : CHANNELS) {
      Rules.Facts facts = new Rules.Facts(p.code(), channel, ruleSet, null, provinceCode, null, null);
      rules.processingDays(facts, p.level(), null).ifPresent(d -> days.put(channel, d));
      rules.fee(facts, "CITIZEN", 1, 1).ifPresent(f -> fees.put(channel, f));
    }
    return new ProcedureView(p.code(), p.name(), p.nameEn(), p.sector(), p.sectorEn(), p.level(),
        p.onlineServiceLevel(), p.handlingAgency(), p.version(), p.versionTag(), ruleSet, days, fees, p.steps(),
        withDocuments ? rules.requiredDocuments(p.code(), List.of()) : null);
  }

  private static boolean contains(String text, String words) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(words.trim().toLowerCase(Locale.ROOT));
  }
}

package vn.motcua.webapp.reform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Service;
import vn.motcua.webapp.catalog.Procedure;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.catalog.Rules;
import vn.motcua.processes.rules.QuietTables;
import vn.motcua.processes.rules.RuleVersions;
import vn.motcua.webapp.system.ApiException;
import vn.motcua.webapp.system.MotcuaProperties;

/**
 * What a change of the rule tables does to the procedures chosen, computed from the deployed decisions themselves:
 * between a version before and a version after of each table (by default the latest and the one before it), each
 * procedure's legal time (in working days, at its nominal level, at the counter), its fee (a citizen, one copy) and
 * how many documents it asks for — and in total, the days cut and the share of all days, as provinces report their
 * reforms ("561.5 of 1,659.5 days, 33.8%").
 */
@Service
class ReductionReport {

  private static final String TIME = "processingTime";
  private static final String FEE = "fee";
  private static final String DOCUMENTS = "requiredDocuments";
  static final List<String> TABLES = List.of(TIME, FEE, DOCUMENTS);

  /** One procedure, before and after. */
  record Row(String code, String name, BigDecimal daysBefore, BigDecimal daysAfter, Long feeBefore, Long feeAfter,
             int documentsBefore, int documentsAfter) {
    /** Before → after, as numbers read in the page's language. */
    public String days() {
      return number(daysBefore) + " → " + number(daysAfter);
    }

    public String fee() {
      return number(feeBefore == null ? null : BigDecimal.valueOf(feeBefore)) + " → "
          + number(feeAfter == null ? null : BigDecimal.valueOf(feeAfter));
    }

    public boolean changed() {
      return !equal(daysBefore, daysAfter) || !java.util.Objects.equals(feeBefore, feeAfter)
          || documentsBefore != documentsAfter;
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
      return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
  }

  /** The versions compared, the procedures chosen, and the totals of legal time. */
  record Report(Choice choice, List<Row> rows, BigDecimal daysBefore, BigDecimal daysAfter, BigDecimal daysCut,
                BigDecimal percentCut) {
    /** Cut, of, percent, remaining: as the page reads them. */
    public List<String> totals() {
      return List.of(number(daysCut), number(daysBefore), number(percentCut), number(daysAfter));
    }
  }

  /**
   * What to compare: for each table the version before and the version after, and the procedures (none chosen: all).
   */
  record Choice(Map<String, Integer> before, Map<String, Integer> after, Set<String> procedures) {
  }

  /** A deployed version of a table as the page offers it: its number, and its day when scheduled. */
  record TableVersion(int version, String scheduledFor, java.time.Instant deployedAt) {
  }

  /** 561.5 as "561,5" in Vietnamese and "561.5" in English; whole numbers without decimals. */
  static String number(BigDecimal value) {
    if (value == null) {
      return "—";
    }
    java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(
        org.springframework.context.i18n.LocaleContextHolder.getLocale());
    format.setMaximumFractionDigits(1);
    return format.format(value);
  }

  private final ProcessEngine engine;
  private final ProcedureCatalog catalog;
  private final Rules rules;
  private final MotcuaProperties properties;
  private final Clock clock;

  ReductionReport(ProcessEngine engine, ProcedureCatalog catalog, Rules rules, MotcuaProperties properties,
      Clock clock) {
    this.engine = engine;
    this.catalog = catalog;
    this.rules = rules;
    this.properties = properties;
    this.clock = clock;
  }

  /** The tables compared, with every deployed version of each, the latest first. */
  Map<String, List<TableVersion>> versions() {
    Map<String, List<TableVersion>> all = new java.util.LinkedHashMap<>();
    for (String key : TABLES) {
      all.put(key, RuleVersions.deployed(engine, key).stream()
          .sorted(java.util.Comparator.comparingInt(RuleVersions.Version::version).reversed())
          .map(v -> new TableVersion(v.version(), v.scheduledFor().map(Object::toString).orElse(null),
              v.deployedAt()))
          .toList());
    }
    return all;
  }

  /**
   * The choice completed with the defaults — after: the latest version of each table; before: the one before it
   * (the latest when there is only one) — and checked: a version that does not exist or a procedure not published is
   * refused.
   */
  Choice choose(Map<String, Integer> before, Map<String, Integer> after, Set<String> procedures) {
    Map<String, List<TableVersion>> versions = versions();
    Map<String, Integer> chosenBefore = new HashMap<>();
    Map<String, Integer> chosenAfter = new HashMap<>();
    for (String key : TABLES) {
      List<TableVersion> table = versions.get(key);
      if (table.isEmpty()) {
        throw ApiException.unprocessable("reduction.noTable", key);
      }
      chosenAfter.put(key, existing(key, table, after.getOrDefault(key, table.get(0).version())));
      chosenBefore.put(key, existing(key, table, before.getOrDefault(key, table.get(Math.min(1, table.size() - 1))
          .version())));
    }
    Set<String> published = catalog.procedures().stream().map(Procedure::code).collect(Collectors.toSet());
    for (String code : procedures) {
      if (!published.contains(code)) {
        throw ApiException.badRequest("reduction.unknownProcedure", code);
      }
    }
    return new Choice(chosenBefore, chosenAfter, Set.copyOf(procedures));
  }

  private static int existing(String key, List<TableVersion> table, int version) {
    if (table.stream().noneMatch(v -> v.version() == version)) {
      throw ApiException.badRequest("reduction.unknownVersion", key, version);
    }
    return version;
  }

  /** Each chosen procedure (all when none is), before and after, and the totals. */
  Report compare(Choice choice) {
    String ruleSet = rules.ruleSetVersion(LocalDate.now(clock)).orElse(null);
    Map<String, DmnDecision> tablesBefore = tables(choice.before());
    Map<String, DmnDecision> tablesAfter = tables(choice.after());
    List<Row> rows = new ArrayList<>();
    BigDecimal before = BigDecimal.ZERO;
    BigDecimal after = BigDecimal.ZERO;
    for (Procedure p : catalog.procedures()) {
      if (!choice.procedures().isEmpty() && !choice.procedures().contains(p.code())) {
        continue;
      }
      Map<String, Object> facts = new Rules.Facts(p.code(), "COUNTER", ruleSet, null, properties.defaultProvince(),
          null, null, LocalDate.now(clock)).variables();
      facts.put("level", p.level());
      facts.put("circumstance", null);
      facts.put("applicantCategory", "CITIZEN");
      facts.put("copies", 1);
      facts.put("pages", 1);
      facts.put("circumstances", List.of());
      Row row = new Row(p.code(), p.name(), days(tablesBefore, facts), days(tablesAfter, facts),
          fee(tablesBefore, facts), fee(tablesAfter, facts), documents(tablesBefore, facts),
          documents(tablesAfter, facts));
      rows.add(row);
      if (row.daysBefore() != null && row.daysAfter() != null) {
        before = before.add(row.daysBefore());
        after = after.add(row.daysAfter());
      }
    }
    BigDecimal cut = before.subtract(after);
    BigDecimal percent = before.signum() == 0 ? BigDecimal.ZERO
        : cut.multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    return new Report(choice, rows, before, after, cut, percent);
  }

  /** The chosen version of each table, read once for the whole report. */
  private Map<String, DmnDecision> tables(Map<String, Integer> versions) {
    Map<String, DmnDecision> tables = new HashMap<>();
    for (String key : TABLES) {
      RuleVersions.Version version = RuleVersions.deployed(engine, key).stream()
          .filter(v -> v.version() == versions.get(key)).findFirst().orElseThrow();
      tables.put(key, QuietTables.deployed(engine, version, key));
    }
    return tables;
  }

  private static BigDecimal days(Map<String, DmnDecision> tables, Map<String, Object> facts) {
    return QuietTables.evaluate(tables.get(TIME), facts).stream().findFirst()
        .map(row -> new BigDecimal(row.get("workingDays").toString())).orElse(null);
  }

  private static Long fee(Map<String, DmnDecision> tables, Map<String, Object> facts) {
    return QuietTables.evaluate(tables.get(FEE), facts).stream().findFirst()
        .map(row -> ((Number) row.get("amount")).longValue()).orElse(null);
  }

  private static int documents(Map<String, DmnDecision> tables, Map<String, Object> facts) {
    return QuietTables.evaluate(tables.get(DOCUMENTS), facts).size();
  }
}

package vn.motcua.webapp.reform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;
import vn.motcua.webapp.catalog.Procedure;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.catalog.Rules;
import vn.motcua.webapp.system.MotcuaProperties;

/**
 * What the latest change of the rule tables did to each published procedure, computed from the deployed decisions
 * themselves: its legal time before and after (in working days, at its nominal level, at the counter), its fee (a
 * citizen, one copy) and how many documents it asks for — and in total, the days cut and the share of all days, as
 * provinces report their reforms ("561.5 of 1,659.5 days, 33.8%").
 */
@Service
class ReductionReport {

  private static final String TIME = "processingTime";
  private static final String FEE = "fee";
  private static final String DOCUMENTS = "requiredDocuments";

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

  /** The versions compared, every procedure, and the totals of legal time. */
  record Report(Map<String, String> versions, List<Row> rows, BigDecimal daysBefore, BigDecimal daysAfter,
                BigDecimal daysCut, BigDecimal percentCut) {
    /** Cut, of, percent, remaining: as the page reads them. */
    public List<String> totals() {
      return List.of(number(daysCut), number(daysBefore), number(percentCut), number(daysAfter));
    }
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

  private final RepositoryService repository;
  private final DecisionService decisions;
  private final ProcedureCatalog catalog;
  private final Rules rules;
  private final MotcuaProperties properties;
  private final Clock clock;

  ReductionReport(RepositoryService repository, DecisionService decisions, ProcedureCatalog catalog, Rules rules,
      MotcuaProperties properties, Clock clock) {
    this.repository = repository;
    this.decisions = decisions;
    this.catalog = catalog;
    this.rules = rules;
    this.properties = properties;
    this.clock = clock;
  }

  /** The latest deployed version of each table against the one before it. */
  Report latestChange() {
    Map<String, List<DecisionDefinition>> tables = new HashMap<>();
    Map<String, String> versions = new HashMap<>();
    for (String key : List.of(TIME, FEE, DOCUMENTS)) {
      List<DecisionDefinition> latestTwo = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .orderByDecisionDefinitionVersion().desc().listPage(0, 2);
      tables.put(key, latestTwo);
      versions.put(key, latestTwo.size() < 2 ? "v" + latestTwo.get(0).getVersion()
          : "v" + latestTwo.get(1).getVersion() + " → v" + latestTwo.get(0).getVersion());
    }
    String ruleSet = rules.ruleSetVersion(LocalDate.now(clock)).orElse(null);
    List<Row> rows = new ArrayList<>();
    BigDecimal before = BigDecimal.ZERO;
    BigDecimal after = BigDecimal.ZERO;
    for (Procedure p : catalog.procedures()) {
      Map<String, Object> facts = new Rules.Facts(p.code(), "COUNTER", ruleSet, null, properties.defaultProvince(),
          null, null).variables();
      facts.put("level", p.level());
      facts.put("circumstance", null);
      facts.put("applicantCategory", "CITIZEN");
      facts.put("copies", 1);
      facts.put("pages", 1);
      facts.put("circumstances", List.of());
      Row row = new Row(p.code(), p.name(), days(tables.get(TIME), 1, facts), days(tables.get(TIME), 0, facts),
          fee(tables.get(FEE), 1, facts), fee(tables.get(FEE), 0, facts), documents(tables.get(DOCUMENTS), 1, facts),
          documents(tables.get(DOCUMENTS), 0, facts));
      rows.add(row);
      if (row.daysBefore() != null && row.daysAfter() != null) {
        before = before.add(row.daysBefore());
        after = after.add(row.daysAfter());
      }
    }
    BigDecimal cut = before.subtract(after);
    BigDecimal percent = before.signum() == 0 ? BigDecimal.ZERO
        : cut.multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    return new Report(versions, rows, before, after, cut, percent);
  }

  /** The rows of a table's version: 0 the latest, 1 the one before (the latest when there is only one). */
  private List<Map<String, Object>> evaluate(List<DecisionDefinition> versions, int age, Map<String, Object> facts) {
    DecisionDefinition table = versions.get(Math.min(age, versions.size() - 1));
    return decisions.evaluateDecisionTableById(table.getId()).variables(facts).evaluate().getResultList();
  }

  private BigDecimal days(List<DecisionDefinition> versions, int age, Map<String, Object> facts) {
    return evaluate(versions, age, facts).stream().findFirst()
        .map(row -> new BigDecimal(row.get("workingDays").toString())).orElse(null);
  }

  private Long fee(List<DecisionDefinition> versions, int age, Map<String, Object> facts) {
    return evaluate(versions, age, facts).stream().findFirst()
        .map(row -> ((Number) row.get("amount")).longValue()).orElse(null);
  }

  private int documents(List<DecisionDefinition> versions, int age, Map<String, Object> facts) {
    return evaluate(versions, age, facts).size();
  }
}

package vn.motcua.webapp.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.motcua.processes.rules.QuietTables;
import vn.motcua.processes.rules.RuleVersions;

/**
 * Evaluates the deployed decisions (the same tables the models call) for the application: which rule set is in
 * force, who handles a stage, the legal time, the fee and the documents — each from the version of its table in force
 * now (or at the moment asked about), as the models do. Nothing here knows a procedure.
 */
@Service
public class Rules {

  /** The agency that handles a stage and its level. */
  public record Route(String agency, String level) {
  }

  /** A fee in VND and the legal basis shown to the applicant. */
  public record Fee(long amount, String basis) {
  }

  /**
   * A document the dossier needs: its code, names, form (original, copy, certified copy), and the procedure whose
   * result, once issued to the same person, stands in for it ({@code resultOf}, none for most).
   */
  public record RequiredDocument(String code, String name, String nameEn, String form, String resultOf) {
  }

  /**
   * What the decisions need to know about the dossier, {@code receivedDay} (yyyy-MM-dd) included: routing rows are in
   * force from a day (driving licences went to the police on 1 March 2025).
   */
  public record Facts(String procedureCode, String channel, String ruleSetVersion, String adminStructure,
                      String provinceCode, String districtCode, String communeCode, LocalDate receivedDay) {
    /** The facts as the decisions (and the models) name them. */
    public Map<String, Object> variables() {
      Map<String, Object> vars = new HashMap<>();
      vars.put("procedureCode", procedureCode);
      vars.put("channel", channel);
      vars.put("ruleSetVersion", ruleSetVersion);
      vars.put("adminStructure", adminStructure);
      vars.put("provinceCode", provinceCode);
      vars.put("districtCode", districtCode);
      vars.put("communeCode", communeCode);
      vars.put("receivedDay", receivedDay == null ? null : receivedDay.toString());
      return vars;
    }
  }

  private static final java.util.regex.Pattern CIRCUMSTANCE = java.util.regex.Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");

  /** The tables whose changes people see: the legal time, the fee and the documents. */
  private static final List<String> PUBLISHED = List.of("processingTime", "fee", "requiredDocuments");

  private final ProcessEngine engine;
  private final Clock clock;
  /** The moment whose tables answer; none: now. */
  private final Instant asOf;

  @Autowired
  Rules(ProcessEngine engine, Clock clock) {
    this(engine, clock, null);
  }

  private Rules(ProcessEngine engine, Clock clock, Instant asOf) {
    this.engine = engine;
    this.clock = clock;
    this.asOf = asOf;
  }

  /** The same questions answered by the tables in force at another moment (e.g. a reform's day). */
  public Rules asOf(Instant moment) {
    return new Rules(engine, clock, moment);
  }

  /**
   * The next day a scheduled version of the legal-time, fee or documents table takes effect, after the moment asked
   * about: the catalog shows the values from then beside today's.
   */
  public Optional<LocalDate> nextChange() {
    Instant at = moment();
    return PUBLISHED.stream().flatMap(key -> RuleVersions.upcoming(RuleVersions.deployed(engine, key), at,
        clock.getZone()).stream()).map(v -> v.scheduledFor().orElseThrow()).min(LocalDate::compareTo);
  }

  public Optional<String> ruleSetVersion(LocalDate receiptDate) {
    return first("ruleSetVersion", Map.of("receivedDate", receiptDate)).map(row -> (String) row.get("ruleSetVersion"));
  }

  public Optional<Route> route(Facts facts, String stage) {
    Map<String, Object> vars = facts.variables();
    vars.put("stage", stage);
    return first("routing", vars).map(row -> new Route((String) row.get("agency"), (String) row.get("level")));
  }

  public Optional<BigDecimal> processingDays(Facts facts, String level, String circumstance) {
    Map<String, Object> vars = facts.variables();
    vars.put("level", level);
    vars.put("circumstance", circumstance);
    return first("processingTime", vars).map(row -> new BigDecimal(row.get("workingDays").toString()));
  }

  public Optional<Fee> fee(Facts facts, String applicantCategory, int copies, int pages) {
    Map<String, Object> vars = facts.variables();
    vars.put("applicantCategory", applicantCategory);
    vars.put("copies", copies);
    vars.put("pages", pages);
    return first("fee", vars).map(row -> new Fee(((Number) row.get("amount")).longValue(), (String) row.get("basis")));
  }

  public List<RequiredDocument> requiredDocuments(String procedureCode, List<String> circumstances) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("procedureCode", procedureCode);
    vars.put("circumstances", circumstances);
    return evaluate("requiredDocuments", vars).stream()
        .map(row -> new RequiredDocument((String) row.get("documentCode"), (String) row.get("name"),
            (String) row.get("nameEn"), (String) row.get("form"), (String) row.get("resultOf")))
        .toList();
  }

  /**
   * The circumstances that change a procedure's documents, as the deployed required-documents table names them in
   * its rules for the procedure (e.g. {@code NO_BIRTH_CERTIFICATE}): the questions the e-form asks the applicant.
   */
  public List<String> circumstances(String procedureCode) {
    var definition = inForce("requiredDocuments");
    if (definition.isEmpty()) {
      return List.of();
    }
    var table = engine.getRepositoryService().getDmnModelInstance(definition.get().id())
        .<org.camunda.bpm.model.dmn.instance.Decision>getModelElementById("requiredDocuments")
        .getChildElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class).iterator().next();
    List<String> inputs = table.getInputs().stream().map(input -> input.getInputExpression().getText().getTextContent()
        .strip()).toList();
    int procedure = inputs.indexOf("procedureCode");
    int circumstances = inputs.indexOf("circumstances");
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    for (var rule : table.getRules()) {
      List<String> entries = rule.getInputEntries().stream().map(entry -> entry.getText().getTextContent().strip()).toList();
      String forProcedure = entries.get(procedure);
      if (forProcedure.equals("-") || forProcedure.equals("") || forProcedure.equals("\"" + procedureCode + "\"")) {
        java.util.regex.Matcher names = CIRCUMSTANCE.matcher(entries.get(circumstances));
        while (names.find()) {
          found.add(names.group(1));
        }
      }
    }
    return List.copyOf(found);
  }

  private Optional<Map<String, Object>> first(String decisionKey, Map<String, Object> variables) {
    List<Map<String, Object>> rows = evaluate(decisionKey, variables);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The rows of the table's version in force at the moment. */
  private List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> variables) {
    RuleVersions.Version version = inForce(decisionKey)
        .orElseThrow(() -> new IllegalStateException("no decision table " + decisionKey + " is deployed"));
    return QuietTables.evaluate(engine, version, decisionKey, variables);
  }

  private Optional<RuleVersions.Version> inForce(String decisionKey) {
    return RuleVersions.inForce(engine, decisionKey, moment(), clock.getZone());
  }

  private Instant moment() {
    return asOf == null ? clock.instant() : asOf;
  }

}

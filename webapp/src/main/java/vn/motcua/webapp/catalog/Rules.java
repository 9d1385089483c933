package vn.motcua.webapp.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Evaluates the deployed decisions (the same tables the models call) for the application: which rule set is in
 * force, who handles a stage, the legal time, the fee and the documents. Nothing here knows a procedure.
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

  /** What the decisions need to know about the dossier. */
  public record Facts(String procedureCode, String channel, String ruleSetVersion, String adminStructure,
                      String provinceCode, String districtCode, String communeCode) {
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
      return vars;
    }
  }

  private static final java.util.regex.Pattern CIRCUMSTANCE = java.util.regex.Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");

  private final DecisionService decisions;
  private final org.camunda.bpm.engine.RepositoryService repository;

  Rules(DecisionService decisions, org.camunda.bpm.engine.RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
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
    return decisions.evaluateDecisionTableByKey("requiredDocuments").variables(vars).evaluate().getResultList().stream()
        .map(row -> new RequiredDocument((String) row.get("documentCode"), (String) row.get("name"),
            (String) row.get("nameEn"), (String) row.get("form"), (String) row.get("resultOf")))
        .toList();
  }

  /**
   * The circumstances that change a procedure's documents, as the deployed required-documents table names them in
   * its rules for the procedure (e.g. {@code NO_BIRTH_CERTIFICATE}): the questions the e-form asks the applicant.
   */
  public List<String> circumstances(String procedureCode) {
    var definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey("requiredDocuments")
        .latestVersion().singleResult();
    if (definition == null) {
      return List.of();
    }
    var table = repository.getDmnModelInstance(definition.getId())
        .<org.camunda.bpm.model.dmn.instance.Decision>getModelElementById(definition.getKey())
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
    List<Map<String, Object>> rows = decisions.evaluateDecisionTableByKey(decisionKey).variables(variables).evaluate()
        .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

}

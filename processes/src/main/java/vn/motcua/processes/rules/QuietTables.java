package vn.motcua.processes.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Decision tables evaluated beside the engine, by a DMN engine of the same kind (FEEL): the catalog, the deployment
 * checks, the reports and the what-if replays ask the tables many questions, none of them a decision the engine took
 * in a dossier's process, so none is written to its history (motcua keeps its own record of what a dossier was told)
 * and none needs its transaction.
 */
public final class QuietTables {

  /** The engine's kind of DMN engine: prepared FEEL, tables indexed on their first input (fast at 2,000 procedures). */
  private static final DmnEngine DMN = fast();
  private static final Pattern QUOTED = Pattern.compile("\"([A-Z][A-Z_]*)\"");
  /** Deployed versions read once: a version never changes. */
  private static final Map<String, DmnDecision> DEPLOYED = new ConcurrentHashMap<>();
  /** The latest answers of deployed versions, least recently asked forgotten first. */
  private static final Map<Question, List<Map<String, Object>>> ANSWERS = new java.util.LinkedHashMap<>(1024, 0.75f,
      true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Question, List<Map<String, Object>>> eldest) {
      return size() > 20_000;
    }
  };

  private QuietTables() {
  }

  private static DmnEngine fast() {
    IndexedDmnEngineConfiguration configuration = new IndexedDmnEngineConfiguration();
    configuration.setFeelEngineFactory(() -> new PreparedFeelEngine(java.util.List.of()));
    return configuration.buildEngine();
  }

  /** The decision of a table model, ready to evaluate. */
  public static DmnDecision read(DmnModelInstance model, String key) {
    return DMN.parseDecision(key, model);
  }

  /** A deployed version of a table (by its definition id), ready to evaluate. */
  public static DmnDecision deployed(ProcessEngine engine, RuleVersions.Version version, String key) {
    return DEPLOYED.computeIfAbsent(version.id(),
        id -> read(engine.getRepositoryService().getDmnModelInstance(id), key));
  }

  /**
   * The values a table tells apart in one input column (the quoted codes of its rules' entries, e.g. the stages of
   * the routing table), in the order first named.
   */
  public static Set<String> namedIn(DmnModelInstance model, String inputExpression) {
    Set<String> named = new LinkedHashSet<>();
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      List<Input> inputs = List.copyOf(((DecisionTable) rule.getParentElement()).getInputs());
      List<InputEntry> entries = List.copyOf(rule.getInputEntries());
      for (int i = 0; i < inputs.size() && i < entries.size(); i++) {
        if (inputExpression.equals(inputs.get(i).getInputExpression().getText().getTextContent().strip())) {
          Matcher names = QUOTED.matcher(entries.get(i).getText().getTextContent());
          while (names.find()) {
            named.add(names.group(1));
          }
        }
      }
    }
    return named;
  }

  /**
   * The rows a deployed version gives for the facts, remembered: a version never changes and a table reads only the
   * facts it is given (no clock), so the same question has the same answer. The catalog, every submission and the
   * reports ask the same few questions again and again, and FEEL is the costliest part of answering them.
   */
  public static List<Map<String, Object>> evaluate(ProcessEngine engine, RuleVersions.Version version, String key,
      Map<String, Object> facts) {
    Question question = new Question(version.id(),
        java.util.Collections.unmodifiableMap(new java.util.HashMap<>(facts)));
    List<Map<String, Object>> known;
    synchronized (ANSWERS) {
      known = ANSWERS.get(question);
    }
    if (known != null) {
      return known;
    }
    List<Map<String, Object>> rows = evaluate(deployed(engine, version, key), facts).stream()
        .map(row -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(row))).toList();
    synchronized (ANSWERS) {
      ANSWERS.put(question, rows);
    }
    return rows;
  }

  private record Question(String definitionId, Map<String, Object> facts) {
  }

  /** The rows a table gives for the facts (in its hit policy's order). */
  public static List<Map<String, Object>> evaluate(DmnDecision decision, Map<String, Object> facts) {
    DmnDecisionTableResult result = DMN.evaluateDecisionTable(decision, facts);
    return result.getResultList();
  }
}

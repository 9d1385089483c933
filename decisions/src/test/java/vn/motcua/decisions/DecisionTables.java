package vn.motcua.decisions;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** Evaluates the shipped DMN files with the same FEEL engine the process engine uses. */
final class DecisionTables {

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final DmnDecision decision;

  private DecisionTables(DmnDecision decision) {
    this.decision = decision;
  }

  static DecisionTables load(String file, String decisionKey) {
    try (InputStream in = DecisionTables.class.getResourceAsStream("/decisions/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no decision file " + file);
      }
      return new DecisionTables(ENGINE.parseDecision(decisionKey, in));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  DmnDecisionResult evaluate(Map<String, Object> variables) {
    return ENGINE.evaluateDecision(decision, variables);
  }

  List<Map<String, Object>> rows(Map<String, Object> variables) {
    return evaluate(variables).getResultList();
  }

  /** Empty string in a table-driven test means "variable absent" (null). */
  static Object value(String cell) {
    return cell == null || cell.isEmpty() ? null : cell;
  }
}

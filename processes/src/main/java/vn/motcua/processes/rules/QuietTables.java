package vn.motcua.processes.rules;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * Decision tables evaluated beside the engine, by a DMN engine of the same kind (FEEL): the deployment checks and the
 * what-if replays ask a table many questions, none of them a decision the engine took for a dossier, so none is
 * written to its history and none needs its transaction.
 */
public final class QuietTables {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private QuietTables() {
  }

  /** The decision of a table model, ready to evaluate. */
  public static DmnDecision read(DmnModelInstance model, String key) {
    return DMN.parseDecision(key, model);
  }

  /** The rows a table gives for the facts (in its hit policy's order). */
  public static List<Map<String, Object>> evaluate(DmnDecision decision, Map<String, Object> facts) {
    DmnDecisionTableResult result = DMN.evaluateDecisionTable(decision, facts);
    return result.getResultList();
  }
}

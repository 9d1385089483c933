package vn.motcua.processes.rules;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * Decision tables evaluated beside the engine, by a DMN engine of the same kind (FEEL): the catalog, the deployment
 * checks, the reports and the what-if replays ask the tables many questions, none of them a decision the engine took
 * in a dossier's process, so none is written to its history (motcua keeps its own record of what a dossier was told)
 * and none needs its transaction.
 */
public final class QuietTables {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  /** Deployed versions read once: a version never changes. */
  private static final Map<String, DmnDecision> DEPLOYED = new ConcurrentHashMap<>();

  private QuietTables() {
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

  /** The rows a table gives for the facts (in its hit policy's order). */
  public static List<Map<String, Object>> evaluate(DmnDecision decision, Map<String, Object> facts) {
    DmnDecisionTableResult result = DMN.evaluateDecisionTable(decision, facts);
    return result.getResultList();
  }
}

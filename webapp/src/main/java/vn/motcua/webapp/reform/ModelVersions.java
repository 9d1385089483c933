package vn.motcua.webapp.reform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;
import vn.motcua.webapp.system.ApiException;

/**
 * The deployed versions of a procedure's model or of a decision table, for reform officers to browse: each version
 * with when, in which deployment and (for a table) from which day it applies; its XML for the viewers; and what changed
 * in a table between two versions, rule by rule and cell by cell.
 */
@Service
class ModelVersions {

  /** What a model is: a procedure's process or a decision table. */
  enum Kind { PROCESS, DECISION }

  /** One deployed version. */
  record Version(int version, String versionTag, Instant deployedAt, String deployment, String source) {
  }

  /** A cell of a rule: its column, its text before and after (null where the rule or column did not exist). */
  record Cell(String column, String before, String after) {
    public boolean changed() {
      return !Objects.equals(before, after);
    }
  }

  /** What happened to a rule between two versions: added, removed or changed, with its cells. */
  record RuleChange(String ruleId, Change change, List<Cell> cells) {
  }

  /** A rule is new, gone, or has cells that changed. */
  enum Change { ADDED, REMOVED, CHANGED }

  /** The rule changes of a table from one version to another, and the columns (inputs, then outputs). */
  record TableDiff(int from, int to, List<String> columns, List<RuleChange> rules) {
  }

  private final RepositoryService repository;

  ModelVersions(RepositoryService repository) {
    this.repository = repository;
  }

  /** The decision tables deployed, by key, with their latest version's name. */
  Map<String, String> tables() {
    Map<String, String> tables = new java.util.TreeMap<>();
    repository.createDecisionDefinitionQuery().latestVersion().list()
        .forEach(d -> tables.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
    return tables;
  }

  /** Every version of the model, the latest first. */
  List<Version> versions(Kind kind, String key) {
    List<Version> versions = new ArrayList<>();
    if (kind == Kind.PROCESS) {
      for (ProcessDefinition d : repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .orderByProcessDefinitionVersion().desc().list()) {
        versions.add(version(d.getVersion(), d.getVersionTag(), d.getDeploymentId()));
      }
    } else {
      for (DecisionDefinition d : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .orderByDecisionDefinitionVersion().desc().list()) {
        versions.add(version(d.getVersion(), d.getVersionTag(), d.getDeploymentId()));
      }
    }
    if (versions.isEmpty()) {
      throw ApiException.notFound("browse.unknownModel", key);
    }
    return versions;
  }

  private Version version(int version, String tag, String deploymentId) {
    Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    return new Version(version, tag, deployment.getDeploymentTime().toInstant(), deployment.getName(),
        deployment.getSource());
  }

  /** Refuses a version that is not deployed (404). */
  void require(Kind kind, String key, int version) {
    if (kind == Kind.PROCESS) {
      process(key, version);
    } else {
      decision(key, version);
    }
  }

  /** The XML of a version, as deployed. */
  String xml(Kind kind, String key, int version) {
    try (InputStream xml = kind == Kind.PROCESS ? repository.getProcessModel(process(key, version).getId())
        : repository.getDecisionModel(decision(key, version).getId())) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** The rules of a table that are new, gone or changed from one version to another, in the newer one's order. */
  TableDiff diff(String key, int from, int to) {
    DecisionTable before = table(key, from);
    DecisionTable after = table(key, to);
    Map<String, String> columns = new LinkedHashMap<>();
    for (DecisionTable table : List.of(after, before)) {
      table.getInputs().forEach(input -> columns.putIfAbsent(column(input), label(input)));
      table.getOutputs().forEach(output -> columns.putIfAbsent(column(output), label(output)));
    }
    Map<String, Map<String, String>> oldRules = rules(before);
    Map<String, Map<String, String>> newRules = rules(after);
    List<RuleChange> changes = new ArrayList<>();
    newRules.forEach((id, cells) -> {
      Map<String, String> old = oldRules.get(id);
      List<Cell> row = columns.entrySet().stream()
          .map(c -> new Cell(c.getValue(), old == null ? null : old.get(c.getKey()), cells.get(c.getKey()))).toList();
      if (old == null) {
        changes.add(new RuleChange(id, Change.ADDED, row));
      } else if (row.stream().anyMatch(Cell::changed)) {
        changes.add(new RuleChange(id, Change.CHANGED, row));
      }
    });
    oldRules.forEach((id, cells) -> {
      if (!newRules.containsKey(id)) {
        changes.add(new RuleChange(id, Change.REMOVED, columns.entrySet().stream()
            .map(c -> new Cell(c.getValue(), cells.get(c.getKey()), null)).toList()));
      }
    });
    return new TableDiff(from, to, List.copyOf(columns.values()), changes);
  }

  private DecisionTable table(String key, int version) {
    Decision decision = repository.getDmnModelInstance(decision(key, version).getId()).getModelElementById(key);
    return decision.getChildElementsByType(DecisionTable.class).stream().findFirst()
        .orElseThrow(() -> ApiException.badRequest("browse.notATable", key));
  }

  /** Each rule by id: its cells by column. */
  private static Map<String, Map<String, String>> rules(DecisionTable table) {
    List<String> inputs = table.getInputs().stream().map(ModelVersions::column).toList();
    List<String> outputs = table.getOutputs().stream().map(ModelVersions::column).toList();
    Map<String, Map<String, String>> rules = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      Map<String, String> cells = new LinkedHashMap<>();
      var in = List.copyOf(rule.getInputEntries());
      for (int i = 0; i < in.size() && i < inputs.size(); i++) {
        cells.put(inputs.get(i), in.get(i).getText().getTextContent().strip());
      }
      var out = List.copyOf(rule.getOutputEntries());
      for (int i = 0; i < out.size() && i < outputs.size(); i++) {
        cells.put(outputs.get(i), out.get(i).getText().getTextContent().strip());
      }
      rules.put(rule.getId(), cells);
    }
    return rules;
  }

  private static String column(Input input) {
    return "in:" + input.getInputExpression().getText().getTextContent().strip();
  }

  private static String column(Output output) {
    return "out:" + output.getName();
  }

  private static String label(Input input) {
    return input.getLabel() != null ? input.getLabel() : input.getInputExpression().getText().getTextContent().strip();
  }

  private static String label(Output output) {
    return output.getLabel() != null ? output.getLabel() : output.getName();
  }

  private ProcessDefinition process(String key, int version) {
    ProcessDefinition found = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult();
    if (found == null) {
      throw ApiException.notFound("browse.unknownVersion", key, version);
    }
    return found;
  }

  private DecisionDefinition decision(String key, int version) {
    DecisionDefinition found = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .decisionDefinitionVersion(version).singleResult();
    if (found == null) {
      throw ApiException.notFound("browse.unknownVersion", key, version);
    }
    return found;
  }
}

package vn.motcua.processes.rules;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * What motcua asks of the shared decision tables, checked after the engine has read a new deployment and before it is
 * stored: a table reads only the facts the engine and the application pass to it, and gives every answer the
 * application reads; and together the tables answer for every published procedure, at every channel and in every
 * local-government structure the routing table names: its legal time, its fee, its documents, the agency of each of
 * its stages and each stage's budget. A deployment that breaks one is refused with every problem, nothing stored.
 */
class DecisionRules implements Deployer {

  /** What the application and the models give a shared decision, and what they read from its answer. */
  record Contract(Set<String> inputs, Set<String> outputs) {
  }

  /** The channels a dossier comes in by. */
  static final List<String> CHANNELS = List.of("ONLINE", "COUNTER", "POSTAL");

  /** The variables every procedure has from its start (docs/models.md, "Variables a procedure receives at start"). */
  private static final Set<String> START = OwnedVariables.START;

  static final Map<String, Contract> CONTRACTS = Map.of(
      "ruleSetVersion", new Contract(Set.of("receivedDate"), Set.of("ruleSetVersion")),
      "processingTime", new Contract(with(START, "level", "circumstance"), Set.of("workingDays")),
      "fee", new Contract(START, Set.of("amount", "basis")),
      "routing", new Contract(with(START, "stage", "fromAgency"), Set.of("agency", "level")),
      "stageBudget", new Contract(with(START, "stage"), Set.of("workingDays")),
      "legalTimeRules", new Contract(START, Set.of("clockOnSupplement", "supplementWindowDays", "supplementPeriod",
          "stageWarningShare", "apologyNoticeDays")),
      "requiredDocuments", new Contract(Set.of("procedureCode", "circumstances"),
          Set.of("documentCode", "name", "nameEn", "form")),
      "escalation", new Contract(with(START, "escalationLevel", "stageAgency", "stageLevel"),
          Set.of("agency", "role", "nextAfter")),
      "serviceIndex", new Contract(Set.of("indexVersion"),
          Set.of("group", "groupName", "component", "name", "maxPoints", "fullAt", "metric", "whenNoData")));

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ZoneId zone;

  DecisionRules(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, List<Problem>> problems = new LinkedHashMap<>();
    Map<String, DmnModelInstance> tables = new LinkedHashMap<>();
    Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        DmnModelInstance table = Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
        tables.put(name, table);
        contracts(table).forEach(p -> problems.computeIfAbsent(name, k -> new ArrayList<>()).add(p));
      } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        models.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
      }
    }
    if (problems.isEmpty() && (!tables.isEmpty() || hasProcedure(models.values()))) {
      coverage(tables, models).forEach((resource, found) ->
          problems.computeIfAbsent(resource, k -> new ArrayList<>()).addAll(found));
    }
    if (!problems.isEmpty()) {
      throw new ModelRefusal(problems);
    }
  }

  /** The inputs a shared table reads that nothing passes, and the answers the application reads that it lacks. */
  static List<Problem> contracts(DmnModelInstance model) {
    List<Problem> problems = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      Contract contract = CONTRACTS.get(decision.getId());
      DecisionTable table = decision.getChildElementsByType(DecisionTable.class).stream().findFirst().orElse(null);
      if (contract == null || table == null) {
        continue;
      }
      for (Input input : table.getInputs()) {
        String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null
            ? "" : input.getInputExpression().getText().getTextContent().strip();
        if (NAME.matcher(expression).matches() && !contract.inputs().contains(expression)) {
          problems.add(new RuleProblem("Bảng " + decision.getId() + " đọc \"" + expression + "\" nhưng hệ thống không"
              + " truyền giá trị này; các giá trị được truyền: " + String.join(", ", sorted(contract.inputs()))
              + ". / Table " + decision.getId() + " reads \"" + expression + "\", which nothing passes to it; passed: "
              + String.join(", ", sorted(contract.inputs())) + ".", input.getId()));
        }
      }
      Set<String> outputs = new LinkedHashSet<>();
      table.getOutputs().stream().map(Output::getName).forEach(outputs::add);
      for (String needed : sorted(contract.outputs())) {
        if (!outputs.contains(needed)) {
          problems.add(new RuleProblem("Bảng " + decision.getId() + " thiếu cột kết quả \"" + needed + "\" mà hệ thống"
              + " đọc. / Table " + decision.getId() + " lacks the output \"" + needed + "\" the application reads.",
              decision.getId()));
        }
      }
    }
    return problems;
  }

  /**
   * Every published procedure against the tables in force once this deployment is stored: the new ones from it, the
   * others the latest deployed. Problems go to the new table that gives no answer, or else to the new procedure.
   */
  private Map<String, List<Problem>> coverage(Map<String, DmnModelInstance> newTables,
      Map<String, BpmnModelInstance> newModels) {
    ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
    Map<String, DmnDecision> decisions = new HashMap<>();
    Map<String, String> decisionResources = new HashMap<>();
    for (String key : CONTRACTS.keySet()) {
      DecisionDefinitionEntity latest = Context.getCommandContext().getDecisionDefinitionManager()
          .findLatestDecisionDefinitionByKey(key);
      if (latest != null) {
        decisions.put(key, QuietTables.read(engine.getDeploymentCache()
            .findDmnModelInstanceForDecisionDefinition(latest.getId()), key));
      }
    }
    newTables.forEach((resource, model) -> {
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        if (CONTRACTS.containsKey(decision.getId())) {
          decisions.put(decision.getId(), QuietTables.read(model, decision.getId()));
          decisionResources.put(decision.getId(), resource);
        }
      }
    });
    Map<String, Procedure> procedures = new LinkedHashMap<>();
    Map<String, String> procedureResources = new HashMap<>();
    // published: the latest version of each process, unless suspended (withdrawn from the catalog)
    ProcessDefinitionQueryImpl latest = new ProcessDefinitionQueryImpl();
    latest.latestVersion().active();
    for (var definition : latest.executeList(Context.getCommandContext(), null)) {
      procedure(engine.getDeploymentCache().findBpmnModelInstanceForProcessDefinition(definition.getId()))
          .forEach(p -> procedures.put(p.key(), p));
    }
    newModels.forEach((resource, model) -> procedure(model).forEach(p -> {
      procedures.put(p.key(), p);
      procedureResources.put(p.key(), resource);
    }));
    String ruleSet = ruleSet(decisions.get("ruleSetVersion"));
    Set<String> structures = structures(newTables, engine);
    Map<String, List<Problem>> problems = new LinkedHashMap<>();
    for (Procedure procedure : procedures.values()) {
      for (Gap gap : gaps(decisions, procedure, ruleSet, structures,
          LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone))) {
        String resource = decisionResources.getOrDefault(gap.decision(),
            procedureResources.get(procedure.key()));
        if (resource != null) {
          problems.computeIfAbsent(resource, k -> new ArrayList<>()).add(new RuleProblem(gap.message(),
              decisionResources.containsKey(gap.decision()) ? gap.decision() : procedure.key()));
        }
      }
    }
    return problems;
  }

  /** A published procedure as the tables see it: its code, its level and the stages its model routes and budgets. */
  record Procedure(String key, String code, String level, Set<String> routedStages, Set<String> budgetedStages) {
  }

  /** One question a table does not answer. */
  record Gap(String decision, String message) {
  }

  private static List<Procedure> procedure(BpmnModelInstance model) {
    List<Procedure> found = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      Map<String, String> props = new HashMap<>();
      if (process.getExtensionElements() != null) {
        process.getExtensionElements().getElementsQuery().filterByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list()
            .forEach(list -> list.getCamundaProperties().forEach(
                (CamundaProperty p) -> props.put(p.getCamundaName(), p.getCamundaValue())));
      }
      if (!process.isExecutable() || props.get("procedureCode") == null) {
        continue;
      }
      Set<String> routed = new LinkedHashSet<>(List.of("RECEIVE"));
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        if ("transfer".equals(call.getCalledElement())) {
          call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list().stream()
              .filter(in -> "stage".equals(in.getCamundaTarget()) && in.getCamundaSourceExpression() != null)
              .forEach(in -> routed.add(in.getCamundaSourceExpression()));
        }
      }
      Set<String> budgeted = new LinkedHashSet<>();
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        if ("stageBudget".equals(task.getCamundaDecisionRef())) {
          model.getModelElementsByType(CamundaInputParameter.class).stream()
              .filter(p -> "stage".equals(p.getCamundaName()) && isInside(p, task))
              .forEach(p -> budgeted.add(p.getTextContent().strip()));
        }
      }
      found.add(new Procedure(process.getId(), props.get("procedureCode"), props.get("level"), routed, budgeted));
    }
    return found;
  }

  private static boolean isInside(org.camunda.bpm.model.xml.instance.ModelElementInstance element,
      org.camunda.bpm.model.xml.instance.ModelElementInstance ancestor) {
    for (var e = element.getParentElement(); e != null; e = e.getParentElement()) {
      if (e == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasProcedure(java.util.Collection<BpmnModelInstance> models) {
    return models.stream().anyMatch(model -> !procedure(model).isEmpty());
  }

  /** The rule set in force today, as the rule-set table says (none: the tables are asked without one). */
  private String ruleSet(DmnDecision table) {
    if (table == null) {
      return null;
    }
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    var rows = QuietTables.evaluate(table, Map.of("receivedDate", today));
    return rows.isEmpty() ? null : (String) rows.get(0).get("ruleSetVersion");
  }

  /** The local-government structures the routing table tells apart (none: it routes the same under any). */
  private static Set<String> structures(Map<String, DmnModelInstance> newTables, ProcessEngineConfigurationImpl engine) {
    Set<String> named = new java.util.TreeSet<>();
    DecisionDefinitionEntity deployed = Context.getCommandContext().getDecisionDefinitionManager()
        .findLatestDecisionDefinitionByKey("routing");
    DmnModelInstance model = newTables.values().stream()
        .filter(m -> m.getModelElementById("routing") != null).findFirst()
        .orElseGet(() -> deployed == null ? null
            : engine.getDeploymentCache().findDmnModelInstanceForDecisionDefinition(deployed.getId()));
    if (model != null) {
      named.addAll(QuietTables.namedIn(model, "adminStructure"));
    }
    if (named.isEmpty()) {
      named.add("");
    }
    return named;
  }

  private static List<Gap> gaps(Map<String, DmnDecision> decisions, Procedure procedure, String ruleSet,
      Set<String> structures, LocalDate today) {
    List<Gap> gaps = new ArrayList<>();
    for (String structure : structures) {
      Map<String, Object> facts = new HashMap<>();
      facts.put("procedureCode", procedure.code());
      facts.put("ruleSetVersion", ruleSet);
      facts.put("adminStructure", structure.isEmpty() ? null : structure);
      facts.put("receivedDay", today.toString());
      facts.put("applicantCategory", "CITIZEN");
      facts.put("copies", 1);
      facts.put("pages", 1);
      facts.put("circumstance", null);
      facts.put("circumstances", List.of());
      String where = procedure.code() + (structure.isEmpty() ? "" : ", " + structure);
      String level = procedure.level();
      for (String stage : procedure.routedStages()) {
        facts.put("stage", stage);
        var route = ask(decisions, "routing", facts, gaps,
            "không có cơ quan cho bước " + stage + " của " + where + " / no agency for stage " + stage + " of " + where);
        if ("HANDLE".equals(stage) && route != null && route.get("level") != null) {
          level = (String) route.get("level");
        }
      }
      for (String stage : procedure.budgetedStages()) {
        facts.put("stage", stage);
        ask(decisions, "stageBudget", facts, gaps, "không có thời hạn cho bước " + stage + " của " + where
            + " / no budget for stage " + stage + " of " + where);
      }
      facts.put("level", level);
      for (String channel : CHANNELS) {
        facts.put("channel", channel);
        String at = where + ", " + level + ", " + channel;
        ask(decisions, "processingTime", facts, gaps, "không có thời hạn giải quyết cho " + at
            + " / no processing time for " + at);
        ask(decisions, "fee", facts, gaps, "không có mức phí cho " + at + " / no fee for " + at);
      }
      ask(decisions, "legalTimeRules", facts, gaps, "không có quy tắc thời hạn cho " + where
          + " / no time rules for " + where);
    }
    ask(decisions, "requiredDocuments", Map.of("procedureCode", procedure.code(), "circumstances", List.of()),
        gaps, "không có thành phần hồ sơ cho " + procedure.code() + " / no required documents for " + procedure.code());
    return gaps;
  }

  /** The first answer of a table, or a gap when it has none (or cannot be evaluated); nothing when it is not deployed. */
  private static Map<String, Object> ask(Map<String, DmnDecision> decisions, String key, Map<String, Object> facts,
      List<Gap> gaps, String question) {
    DmnDecision decision = decisions.get(key);
    if (decision == null) {
      return null;
    }
    try {
      var rows = QuietTables.evaluate(decision, facts);
      if (!rows.isEmpty()) {
        return rows.get(0);
      }
      gaps.add(new Gap(key, "Bảng " + key + " không trả lời: " + question + "."));
    } catch (RuntimeException failed) {
      gaps.add(new Gap(key, "Bảng " + key + " lỗi khi tính: " + question + " (" + failed.getMessage() + ")."));
    }
    return null;
  }

  private static Set<String> with(Set<String> base, String... more) {
    Set<String> all = new LinkedHashSet<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}

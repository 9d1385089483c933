package vn.motcua.webapp.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Service;

/**
 * The published catalog, read from the latest deployed version of every process that declares a
 * {@code procedureCode}. Building blocks declare none and are not procedures.
 */
@Service
public class ProcedureCatalog {

  private static final Comparator<Procedure> ORDER = Comparator
      .comparing((Procedure p) -> levelRank(p.level())).thenComparing(Procedure::name);

  private final RepositoryService repository;
  private final Map<String, Optional<Procedure>> byDefinition = new ConcurrentHashMap<>();

  ProcedureCatalog(RepositoryService repository) {
    this.repository = repository;
  }

  public List<Procedure> procedures() {
    List<Procedure> procedures = new ArrayList<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().active().list()) {
      byDefinition.computeIfAbsent(definition.getId(), id -> read(definition)).ifPresent(procedures::add);
    }
    // two process keys must never publish the same procedure code; the newest deployment wins if they do
    Map<String, Procedure> unique = procedures.stream().collect(Collectors.toMap(Procedure::code, p -> p,
        (a, b) -> a.processDefinitionId().compareTo(b.processDefinitionId()) >= 0 ? a : b));
    return unique.values().stream().sorted(ORDER).toList();
  }

  /** The procedure published under the code today or before (a dossier of 2024 names its code of then). */
  public Optional<Procedure> byCode(String code) {
    List<Procedure> published = procedures();
    return published.stream().filter(p -> p.code().equals(code)).findFirst()
        .or(() -> published.stream().filter(p -> p.codes().contains(code)).findFirst());
  }

  /** The procedure a given (possibly older) deployed definition declares. */
  public Optional<Procedure> byDefinition(String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId,
        id -> read(repository.getProcessDefinition(id)));
  }

  /** The BPMN XML of a procedure's deployed definition, for the diagram viewer; none for any other definition. */
  public Optional<byte[]> diagram(String processDefinitionId) {
    if (processDefinitionId == null || !processDefinitionId.matches("[A-Za-z0-9:_.-]{1,100}")) {
      return Optional.empty();
    }
    try {
      if (byDefinition(processDefinitionId).isEmpty()) {
        return Optional.empty();
      }
      try (java.io.InputStream xml = repository.getProcessModel(processDefinitionId)) {
        return Optional.of(xml.readAllBytes());
      }
    } catch (org.camunda.bpm.engine.ProcessEngineException | java.io.IOException notThere) {
      return Optional.empty();
    }
  }

  private Optional<Procedure> read(ProcessDefinition definition) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    Process process = model.getModelElementById(definition.getKey());
    Map<String, String> props = properties(process);
    String code = props.get("procedureCode");
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    List<String> steps = process.getFlowElements().stream()
        .filter(e -> e instanceof UserTask || e instanceof CallActivity)
        .map(e -> ((FlowNode) e).getName())
        .toList();
    return Optional.of(new Procedure(code, definition.getKey(), definition.getId(), definition.getVersion(),
        definition.getVersionTag(), definition.getName(), props.get("nameEn"), props.get("sector"),
        props.get("sectorEn"), props.get("level"), props.get("onlineServiceLevel"), props.get("handlingAgency"),
        steps, formerCodes(definition, props.get("formerCodes"))));
  }

  /**
   * The codes a procedure was published under before, as its model declares them: {@code formerCodes} lists
   * {@code <code> until <yyyy-MM-dd>}, comma-separated (the deploy-time model rules refuse any other shape).
   */
  private static List<Procedure.FormerCode> formerCodes(ProcessDefinition definition, String declared) {
    if (declared == null || declared.isBlank()) {
      return List.of();
    }
    List<Procedure.FormerCode> codes = new ArrayList<>();
    for (String entry : declared.split(",")) {
      String[] parts = entry.strip().split("\\s+until\\s+");
      if (parts.length != 2) {
        throw new IllegalStateException(definition.getKey() + ": formerCodes entry '" + entry.strip()
            + "' is not '<code> until <yyyy-MM-dd>'");
      }
      codes.add(new Procedure.FormerCode(parts[0], java.time.LocalDate.parse(parts[1])));
    }
    return List.copyOf(codes);
  }

  private static Map<String, String> properties(Process process) {
    if (process.getExtensionElements() == null) {
      return Map.of();
    }
    return process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> p.getCamundaName() != null && p.getCamundaValue() != null)
        .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue, (a, b) -> b));
  }

  private static int levelRank(String level) {
    return switch (level == null ? "" : level) {
      case "COMMUNE" -> 0;
      case "DISTRICT" -> 1;
      case "PROVINCE" -> 2;
      default -> 3;
    };
  }
}

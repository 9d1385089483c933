package vn.motcua.webapp.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a model declares about each of its steps (user tasks): stage, the file it requires and when, whether
 * leaders may complete it in batches. Read once per deployed version.
 */
@Component
public class StepDefinitions {

  /** The declarations of one step. */
  public record Step(String stage, String requiredAttachment, String requiredAttachmentWhen, boolean batchApproval) {
  }

  private final RepositoryService repository;
  private final Map<String, Step> cache = new ConcurrentHashMap<>();

  StepDefinitions(@Lazy RepositoryService repository) {
    this.repository = repository;
  }

  public Step of(String processDefinitionId, String taskDefinitionKey) {
    return cache.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey, key -> {
      UserTask task = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey);
      Map<String, String> props = task == null || task.getExtensionElements() == null ? Map.of()
          : task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
              .flatMap(p -> p.getCamundaProperties().stream())
              .filter(p -> p.getCamundaName() != null && p.getCamundaValue() != null)
              .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue,
                  (a, b) -> b));
      return new Step(props.get("stage"), props.get("requiredAttachment"), props.get("requiredAttachmentWhen"),
          Boolean.parseBoolean(props.get("batchApproval")));
    });
  }
}

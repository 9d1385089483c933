package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every user task of every model has a deployed form, and the forms fit the models: the gateway after a step is
 * decided by that step's form, every choice the form offers has a way out, every branch can be chosen, the file
 * rule names the step's own decisions, and what a building block hands back is something it produces.
 */
class FormsMatchModelsTest {

  private static final Pattern COMPARISON = Pattern.compile("\\b([a-zA-Z_]\\w*)\\s*(==|!=)\\s*'([A-Z_]+)'");
  private static final Pattern FEEL_COMPARISON = Pattern.compile("\\b([a-zA-Z_]\\w*)\\s*=\\s*\"([A-Z_]+)\"");

  /** One form: its input fields and, for choices, the values offered. */
  record Form(String id, Set<String> editable, Map<String, List<String>> choices) {
  }

  private static final Map<String, Form> FORMS = new HashMap<>();
  private static final Map<String, BpmnModelInstance> MODELS = new LinkedHashMap<>();

  @BeforeAll
  static void read() throws IOException, URISyntaxException {
    ObjectMapper json = new ObjectMapper();
    for (Path file : files("forms", ".form")) {
      JsonNode root = json.readTree(file.toFile());
      Set<String> editable = new HashSet<>();
      Map<String, List<String>> choices = new HashMap<>();
      collect(root.path("components"), editable, choices);
      FORMS.put(root.path("id").asText(), new Form(root.path("id").asText(), editable, choices));
    }
    for (Path file : files("processes", ".bpmn")) {
      try (InputStream in = Files.newInputStream(file)) {
        MODELS.put(file.getFileName().toString(), Bpmn.readModelFromStream(in));
      }
    }
  }

  private static void collect(JsonNode components, Set<String> editable, Map<String, List<String>> choices) {
    for (JsonNode c : components) {
      collect(c.path("components"), editable, choices);
      if (c.hasNonNull("key") && !c.path("disabled").asBoolean(false) && !c.path("type").asText().equals("text")) {
        editable.add(c.path("key").asText());
        if (c.has("values")) {
          List<String> values = new ArrayList<>();
          c.path("values").forEach(v -> values.add(v.path("value").asText()));
          choices.put(c.path("key").asText(), values);
        }
      }
    }
  }

  private static List<Path> files(String folder, String suffix) throws IOException, URISyntaxException {
    Path root = Path.of(FormsMatchModelsTest.class.getClassLoader().getResource(folder).toURI());
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  static Stream<String> models() throws IOException, URISyntaxException {
    read();
    return MODELS.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void shouldGiveEveryStepAFormThatDecidesWhatComesNext(String modelFile) {
    BpmnModelInstance model = MODELS.get(modelFile);
    List<String> problems = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String where = modelFile + " " + task.getId();
      Form form = FORMS.get(task.getCamundaFormRef());
      if (form == null || !"deployment".equals(task.getCamundaFormRefBinding())) {
        problems.add(where + ": no form deployed with the model (formRef " + task.getCamundaFormRef() + ")");
        continue;
      }
      for (SequenceFlow out : task.getOutgoing()) {
        if (out.getTarget() instanceof ExclusiveGateway gateway) {
          checkGateway(where, form, gateway, problems);
        }
      }
      String when = property(task, "requiredAttachmentWhen");
      if (when != null) {
        Matcher m = FEEL_COMPARISON.matcher(when);
        while (m.find()) {
          List<String> options = form.choices().get(m.group(1));
          if (options == null || !options.contains(m.group(2))) {
            problems.add(where + ": requiredAttachmentWhen compares " + m.group(1) + " with " + m.group(2)
                + ", which the step's form does not offer");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void checkGateway(String where, Form form, ExclusiveGateway gateway, List<String> problems) {
    Map<String, Set<String>> compared = new HashMap<>();
    for (SequenceFlow branch : gateway.getOutgoing()) {
      if (branch.getConditionExpression() == null) {
        problems.add(where + ": branch " + branch.getId() + " of " + gateway.getId() + " has no condition");
        continue;
      }
      Matcher m = COMPARISON.matcher(branch.getConditionExpression().getTextContent());
      while (m.find()) {
        compared.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(3));
      }
    }
    if (compared.keySet().stream().noneMatch(form.editable()::contains)) {
      problems.add(where + ": " + gateway.getId() + " reads " + compared.keySet() + " but the step's form decides "
          + form.editable());
    }
    compared.forEach((variable, values) -> {
      List<String> options = form.choices().get(variable);
      if (options == null) {
        return; // decided at an earlier step
      }
      options.stream().filter(o -> !values.contains(o)).forEach(o ->
          problems.add(where + ": choice " + variable + "=" + o + " leads nowhere from " + gateway.getId()));
      values.stream().filter(v -> !options.contains(v)).forEach(v ->
          problems.add(where + ": branch for " + variable + "=" + v + " can never be chosen in the form"));
    });
  }

  @Test
  void shouldUseEveryFormAndHandBackOnlyWhatBuildingBlocksProduce() {
    Set<String> used = new HashSet<>();
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> produced = new HashMap<>();
    for (BpmnModelInstance model : MODELS.values()) {
      String process = model.getDefinitions().getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
          .iterator().next().getId();
      Set<String> variables = new HashSet<>();
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        used.add(task.getCamundaFormRef());
        if (FORMS.containsKey(task.getCamundaFormRef())) {
          variables.addAll(FORMS.get(task.getCamundaFormRef()).editable());
        }
      }
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter.class)
          .forEach(p -> variables.add(p.getCamundaName()));
      produced.put(process, variables);
    }
    for (Map.Entry<String, BpmnModelInstance> entry : MODELS.entrySet()) {
      for (CallActivity call : entry.getValue().getModelElementsByType(CallActivity.class)) {
        Set<String> available = produced.getOrDefault(call.getCalledElement(), Set.of());
        call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list().stream()
            .map(CamundaOut::getCamundaSource).filter(source -> source != null && !available.contains(source))
            .forEach(source -> problems.add(entry.getKey() + " " + call.getId() + " takes " + source + " from "
                + call.getCalledElement() + ", which never sets it"));
      }
    }
    assertThat(problems).isEmpty();
    assertThat(FORMS.keySet()).as("forms no step uses").isSubsetOf(used);
  }

  private static String property(UserTask task, String name) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> name.equals(p.getCamundaName()))
        .map(p -> p.getCamundaValue()).findFirst().orElse(null);
  }
}

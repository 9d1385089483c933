package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models are data, not code: every way a BPMN model or a decision table could make the server run something of its
 * choosing is refused at deployment, naming the element and the expression, and nothing of the model is deployed;
 * what motcua's own models do (variables, operators, motcua's functions and delegates) is accepted.
 */
class CodeRulesTest extends ProcessTestSupport {

  /** The probe's model: started by a timer, reading the Spring environment and loading a class. */
  private static final String PROBE = service("""
      <bpmn:startEvent id="StartEvent_Timer">
        <bpmn:timerEventDefinition id="TimerEventDefinition_Once"><bpmn:timeCycle>R1/PT1S</bpmn:timeCycle>
        </bpmn:timerEventDefinition>
      </bpmn:startEvent>
      <bpmn:sequenceFlow id="Flow_ToRead" sourceRef="StartEvent_Timer" targetRef="Task_ReadEnvironment" />
      <bpmn:serviceTask id="Task_ReadEnvironment" camunda:expression="${environment.getProperty('user.name')}"
          camunda:resultVariable="probeUser" />
      <bpmn:sequenceFlow id="Flow_ToLoad" sourceRef="Task_ReadEnvironment" targetRef="Task_LoadClass" />
      <bpmn:serviceTask id="Task_LoadClass" camunda:expression="${''.getClass().forName('java.lang.Runtime')}"
          camunda:resultVariable="probeClass" />
      <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_LoadClass" targetRef="EndEvent_Done" />
      <bpmn:endEvent id="EndEvent_Done" />
      """);

  @Test
  void shouldRefuseTheProbesTimerModelNamingEachElementAndExpressionWhenDeployed() {
    // when
    ParseException refused = catchThrowableOfType(ParseException.class, () -> engine.getRepositoryService()
        .createDeployment().addString("probe.bpmn", PROBE).deploy());

    // then: each expression at its element, in both languages; nothing deployed, no timer set
    List<Problem> problems = refused.getResorceReports().get(0).getErrors();
    assertThat(problems).extracting(Problem::getMainElementId).containsExactly("Task_ReadEnvironment",
        "Task_LoadClass");
    assertThat(problems.get(0).getMessage()).isEqualTo("Task_ReadEnvironment (expression): biểu thức"
        + " \"${environment.getProperty('user.name')}\" gọi phương thức getProperty; mô hình chỉ được đọc biến, dùng"
        + " toán tử và các hàm của motcua. / the expression \"${environment.getProperty('user.name')}\" calls the"
        + " method getProperty; models may only read variables, use operators and motcua's functions.");
    assertThat(problems.get(1).getMessage()).contains("\"${''.getClass().forName('java.lang.Runtime')}\"",
        "calls the method forName");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("probe").count())
        .isZero();
    assertThat(engine.getManagementService().createJobQuery().count()).isZero();
  }

  static Stream<Arguments> code() {
    return Stream.of(
        Arguments.of("a script task", "<bpmn:scriptTask id=\"Task_Run\" scriptFormat=\"javascript\">"
            + "<bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>",
            "Task_Run", "scriptTask is code run on the server"),
        Arguments.of("a JUEL script task", "<bpmn:scriptTask id=\"Task_Run\" scriptFormat=\"juel\">"
            + "<bpmn:script>${importClass('java.lang.Runtime')}</bpmn:script></bpmn:scriptTask>",
            "Task_Run", "scriptTask is code run on the server"),
        Arguments.of("a script listener", "<bpmn:task id=\"Task_Run\"><bpmn:extensionElements>"
            + "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">x</camunda:script>"
            + "</camunda:executionListener></bpmn:extensionElements></bpmn:task>",
            "Task_Run", "script is code run on the server"),
        Arguments.of("a class of the server", "<bpmn:serviceTask id=\"Task_Run\" camunda:class=\"java.lang.Thread\" />",
            "Task_Run", "the class java.lang.Thread is not one of motcua's delegates"),
        Arguments.of("a listener class", "<bpmn:task id=\"Task_Run\"><bpmn:extensionElements>"
            + "<camunda:executionListener event=\"start\" class=\"org.example.Listener\" />"
            + "</bpmn:extensionElements></bpmn:task>",
            "Task_Run", "the class org.example.Listener is not one of motcua's delegates"),
        Arguments.of("a bean of the application", "<bpmn:serviceTask id=\"Task_Run\""
            + " camunda:delegateExpression=\"${identityService}\" />",
            "Task_Run", "\"${identityService}\" does not name one of motcua's delegates"),
        Arguments.of("the engine's shell task", "<bpmn:serviceTask id=\"Task_Run\" camunda:type=\"shell\" />",
            "Task_Run", "the type shell (only external"),
        Arguments.of("the engine's mail task", "<bpmn:serviceTask id=\"Task_Run\" camunda:type=\"mail\" />",
            "Task_Run", "the type mail (only external"),
        Arguments.of("a script condition", "<bpmn:exclusiveGateway id=\"Gateway_Pick\" />"
            + "<bpmn:sequenceFlow id=\"Flow_Picked\" sourceRef=\"Gateway_Pick\" targetRef=\"EndEvent_Done\">"
            + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">true"
            + "</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:endEvent id=\"EndEvent_Done\" />",
            "Flow_Picked", "a condition written as a script (javascript)"),
        Arguments.of("an HTML form", "<bpmn:userTask id=\"Task_Fill\" camunda:formKey=\"embedded:app:forms/x.html\" />",
            "Task_Fill", "the form \"embedded:app:forms/x.html\" is not a Camunda Form"),
        Arguments.of("a form on another site", "<bpmn:userTask id=\"Task_Fill\" camunda:formKey=\"https://example.org/f\" />",
            "Task_Fill", "is not a Camunda Form"),
        Arguments.of("a generated form", "<bpmn:userTask id=\"Task_Fill\"><bpmn:extensionElements><camunda:formData>"
            + "<camunda:formField id=\"x\" type=\"string\" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>",
            "Task_Fill", "formData is code run on the server"),
        Arguments.of("a connector", "<bpmn:serviceTask id=\"Task_Call\"><bpmn:extensionElements><camunda:connector>"
            + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>"
            + "</bpmn:serviceTask>",
            "Task_Call", "connector is code run on the server"),
        Arguments.of("the engine behind the execution", "<bpmn:task id=\"Task_Map\"><bpmn:extensionElements>"
            + "<camunda:inputOutput><camunda:inputParameter name=\"x\">${execution.processEngineServices}"
            + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>",
            "Task_Map", "reads execution.processEngineServices"),
        Arguments.of("the execution itself", "<bpmn:task id=\"Task_Map\"><bpmn:extensionElements>"
            + "<camunda:inputOutput><camunda:inputParameter name=\"x\">${execution}</camunda:inputParameter>"
            + "</camunda:inputOutput></bpmn:extensionElements></bpmn:task>",
            "Task_Map", "uses the execution object itself"),
        Arguments.of("a method of a variable", "<bpmn:task id=\"Task_Map\"><bpmn:extensionElements>"
            + "<camunda:inputOutput><camunda:inputParameter name=\"x\">${applicantName.getClass()}"
            + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>",
            "Task_Map", "calls the method getClass"),
        Arguments.of("a task listener calling a service", "<bpmn:userTask id=\"Task_Fill\"><bpmn:extensionElements>"
            + "<camunda:taskListener event=\"create\" expression=\"${taskService.complete(task.id)}\" />"
            + "</bpmn:extensionElements></bpmn:userTask>",
            "Task_Fill", "calls the method complete"),
        Arguments.of("a function that is not motcua's", "<bpmn:task id=\"Task_Map\"><bpmn:extensionElements>"
            + "<camunda:inputOutput><camunda:inputParameter name=\"x\">${fn:exec('id')}</camunda:inputParameter>"
            + "</camunda:inputOutput></bpmn:extensionElements></bpmn:task>",
            "Task_Map", "calls fn:exec, which is not one of motcua's functions"),
        Arguments.of("a variable mapping class", "<bpmn:callActivity id=\"Activity_Call\" calledElement=\"x\""
            + " camunda:variableMappingClass=\"org.example.Mapping\" />",
            "Activity_Call", "the class org.example.Mapping is not one of motcua's delegates"),
        Arguments.of("an expression that cannot be read", "<bpmn:task id=\"Task_Map\"><bpmn:extensionElements>"
            + "<camunda:inputOutput><camunda:inputParameter name=\"x\">${a +}</camunda:inputParameter>"
            + "</camunda:inputOutput></bpmn:extensionElements></bpmn:task>",
            "Task_Map", "cannot be read"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("code")
  void shouldRefuseAModelThatRunsCodeWhenDeployed(String what, String elements, String elementId, String reason) {
    // when
    ParseException refused = catchThrowableOfType(ParseException.class, () -> engine.getRepositoryService()
        .createDeployment().addString("code.bpmn", service(elements)).deploy());

    // then
    assertThat(refused).as(what).isNotNull();
    List<Problem> problems = refused.getResorceReports().get(0).getErrors();
    assertThat(problems).extracting(Problem::getMainElementId).containsExactly(elementId);
    assertThat(problems.get(0).getMessage()).contains(reason);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
  }

  @Test
  void shouldAcceptWhatMotcuasModelsDoWhenDeployed() {
    // given: variables, maps a decision answers with, operators, motcua's functions and delegates by name and class
    String model = service("""
        <bpmn:startEvent id="StartEvent_Start" />
        <bpmn:sequenceFlow id="Flow_ToStage" sourceRef="StartEvent_Start" targetRef="Task_StartStage" />
        <bpmn:serviceTask id="Task_StartStage" camunda:delegateExpression="${startStage}">
          <bpmn:extensionElements>
            <camunda:field name="stage"><camunda:string>HANDLE</camunda:string></camunda:field>
            <camunda:field name="agency"><camunda:expression>${route.agency}</camunda:expression></camunda:field>
            <camunda:executionListener event="end" class="vn.motcua.processes.notification.StartNotice">
              <camunda:field name="notice"><camunda:string>RECEIVED</camunda:string></camunda:field>
            </camunda:executionListener>
            <camunda:inputOutput>
              <camunda:inputParameter name="due">${legalDeadline(receivedAt, processingDays)}</camunda:inputParameter>
              <camunda:inputParameter name="late">${execution.getVariable("apologyIssued") != true}</camunda:inputParameter>
              <camunda:inputParameter name="key">#{execution.processBusinessKey}</camunda:inputParameter>
              <camunda:inputParameter name="some">${empty fee ? 0 : fee * 2 + timeRules['days']}</camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_StartStage" targetRef="EndEvent_Done" />
        <bpmn:endEvent id="EndEvent_Done" />
        """);

    // when
    String id = engine.getRepositoryService().createDeployment().addString("fine.bpmn", model).deploy().getId();

    // then
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).count()).isOne();
    engine.getRepositoryService().deleteDeployment(id, true);
  }

  static Stream<Arguments> languages() {
    return Stream.of(Arguments.of("juel"), Arguments.of("javascript"), Arguments.of("groovy"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void shouldRefuseADecisionTableNotInFeelWhenDeployed(String language) {
    // given
    String table = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Probe" name="Probe"
            namespace="https://motcua.vn">
          <decision id="probeTable" name="Probe">
            <decisionTable id="DecisionTable_Probe">
              <input id="Input_User"><inputExpression id="InputExpression_User" typeRef="string"
                  expressionLanguage="%s"><text>environment</text></inputExpression></input>
              <output id="Output_Answer" name="answer" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(language).strip();

    // when
    ParseException refused = catchThrowableOfType(ParseException.class, () -> engine.getRepositoryService()
        .createDeployment().addString("probe.dmn", table).deploy());

    // then
    assertThat(refused.getResorceReports().get(0).getErrors()).extracting(Problem::getMessage).containsExactly(
        "Bảng probe.dmn dùng ngôn ngữ biểu thức \"" + language + "\" ở InputExpression_User; bảng quyết định của motcua"
            + " chỉ viết bằng FEEL. / probe.dmn uses the expression language \"" + language + "\" at"
            + " InputExpression_User; motcua's decision tables are written in FEEL only.");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
  }

  @Test
  void shouldRefuseAFormThatEmbedsAnotherPageWhenDeployed() {
    // given: a step's form with an iframe, which Tasklist could let run scripts in its own origin
    String form = """
        {"id": "appraise", "type": "default", "components": [
          {"type": "iframe", "id": "Field_Page", "url": "https://example.org/login", "label": "Đăng nhập lại"}]}
        """;

    // when
    ParseException refused = catchThrowableOfType(ParseException.class, () -> engine.getRepositoryService()
        .createDeployment().addString("appraise.form", form).deploy());

    // then
    assertThat(refused.getResorceReports().get(0).getErrors()).extracting(Problem::getMessage).singleElement()
        .asString().contains("The form appraise.form embeds another page (an iframe component)");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
  }

  /** A service process holding the given elements. */
  static String service(String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_Probe" targetNamespace="https://motcua.vn">
          <bpmn:process id="probe" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:extensionElements><camunda:properties><camunda:property name="service" value="true" />
            </camunda:properties></bpmn:extensionElements>
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(elements).strip();
  }
}

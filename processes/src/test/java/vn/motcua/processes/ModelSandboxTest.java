package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.processes.legaltime.StartStage;

/**
 * At run time the engine reaches from a model only what the model rules allow, whatever the model says — also a model
 * stored before the rules: no bean of the application, no method of any object, no engine object as a value, no
 * script in any language, no class but motcua's delegates, and FEEL reads data only.
 */
class ModelSandboxTest extends ProcessTestSupport {

  private static final String WAITING = CodeRulesTest.service("""
      <bpmn:startEvent id="StartEvent_Start" />
      <bpmn:sequenceFlow id="Flow_ToWait" sourceRef="StartEvent_Start" targetRef="Task_Wait" />
      <bpmn:receiveTask id="Task_Wait" />
      <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Wait" targetRef="EndEvent_Done" />
      <bpmn:endEvent id="EndEvent_Done" />
      """);

  private ProcessEngineConfigurationImpl configuration;
  private ProcessInstance waiting;

  @BeforeEach
  void deployAWaitingModel() {
    configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    engine.getRepositoryService().createDeployment().addString("waiting.bpmn", WAITING).deploy();
    waiting = engine.getRuntimeService().startProcessInstanceByKey("probe", "X06148-261116-0001",
        Variables.createVariables().putValue("applicantName", "Nguyễn Văn An")
            .putValue("route", Map.of("agency", "X06148")));
  }

  @AfterEach
  void removeIt() {
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  /** The value of an expression evaluated by the engine on the waiting dossier, as a model's would be. */
  private Object evaluate(String expression) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(waiting.getId());
      return configuration.getExpressionManager().createExpression(expression).getValue((VariableScope) execution);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"${environment.getProperty('user.name')}", "${environment}", "${identityService}",
      "${''.getClass().forName('java.lang.Runtime')}", "${applicantName.getClass()}", "${execution.processEngine}",
      "${execution.getProcessEngineServices()}", "${execution}", "${variableContext}", "${route.getClass()}"})
  void shouldReachNothingButDataWhenAnExpressionSlippedPastTheRules(String expression) {
    // when
    Throwable refused = catchThrowable(() -> evaluate(expression));

    // then: refused as motcua's sandbox, or unknown as a name that is not a variable, delegate or function
    assertThat(refused).as(expression).isInstanceOf(ProcessEngineException.class);
    assertThat(refused.getMessage()).as(expression).containsAnyOf("Models may not use", "models may only use data",
        "Cannot resolve identifier");
  }

  @Test
  void shouldReadVariablesMapsAndTheReceiptCodeWhenAModelAsksForThem() {
    assertThat(evaluate("${applicantName}")).isEqualTo("Nguyễn Văn An");
    assertThat(evaluate("${route.agency}")).isEqualTo("X06148");
    assertThat(evaluate("${execution.getVariable('applicantName') == 'Nguyễn Văn An'}")).isEqualTo(true);
    assertThat(evaluate("#{execution.processBusinessKey}")).isEqualTo("X06148-261116-0001");
    assertThat(evaluate("${startStage}")).isInstanceOf(StartStage.class);
    assertThat(evaluate("${startStage}")).as("a new instance each time").isNotSameAs(evaluate("${startStage}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"juel", "javascript", "groovy", "graal.js", "python"})
  void shouldRunNoScriptWhenTheEngineIsAskedForAScriptEngine(String language) {
    assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context ->
        configuration.getScriptingEngines().getScriptEngineForLanguage(language)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("motcua runs no scripts (" + language);
  }

  @Test
  void shouldInstantiateOnlyMotcuasDelegatesWhenAModelNamesAClass() {
    assertThat(configuration.getArtifactFactory().getArtifact(StartStage.class)).isInstanceOf(StartStage.class);
    assertThatThrownBy(() -> configuration.getArtifactFactory().getArtifact(ProcessBuilder.class))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("java.lang.ProcessBuilder is not one of motcua's delegates");
  }

  @Test
  void shouldRefuseAModelStoredBeforeTheRulesWhenTheEngineReadsItAgain() throws Exception {
    // given: a model that reads the environment, stored as an old deployment would be (its bytes in the database)
    String harmless = CodeRulesTest.service("""
        <bpmn:startEvent id="StartEvent_Start" />
        <bpmn:sequenceFlow id="Flow_ToRead" sourceRef="StartEvent_Start" targetRef="Task_Read" />
        <bpmn:serviceTask id="Task_Read" camunda:expression="${applicantName}" camunda:resultVariable="probeUser" />
        <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Read" targetRef="EndEvent_Done" />
        <bpmn:endEvent id="EndEvent_Done" />
        """).replace("id=\"probe\"", "id=\"oldProbe\"");
    String deployment = engine.getRepositoryService().createDeployment().addString("old.bpmn", harmless).deploy()
        .getId();
    String hostile = harmless.replace("${applicantName}", "${environment.getProperty('user.name')}");
    configuration.getCommandExecutorTxRequired().execute(context -> {
      Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement update = connection.prepareStatement(
          "update ACT_GE_BYTEARRAY set BYTES_ = ? where DEPLOYMENT_ID_ = ? and NAME_ = 'old.bpmn'")) {
        update.setBytes(1, hostile.getBytes(StandardCharsets.UTF_8));
        update.setString(2, deployment);
        assertThat(update.executeUpdate()).isOne();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
    configuration.getDeploymentCache().discardProcessDefinitionCache();

    // when
    Throwable refused = catchThrowable(() -> engine.getRuntimeService().startProcessInstanceByKey("oldProbe",
        Variables.createVariables().putValue("applicantName", "x")));

    // then: the engine does not build it, nothing ran
    assertThat(refused).isInstanceOf(ProcessEngineException.class).hasMessageContaining("calls the method getProperty");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("probeUser").count())
        .isZero();
  }

  @Test
  void shouldLetFeelReadDataOnlyWhenADecisionIsGivenAnObject() {
    // given: a table reading a property of its input
    String table = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Probe" name="Probe"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" namespace="https://motcua.vn">
          <decision id="probeTable" name="Probe" camunda:historyTimeToLive="1">
            <decisionTable id="DecisionTable_Probe">
              <input id="Input_Path"><inputExpression id="InputExpression_Path" typeRef="string">
                <text>x.absolutePath</text></inputExpression></input>
              <output id="Output_Answer" name="answer" typeRef="string" />
              <rule id="Rule_Any"><inputEntry id="UnaryTests_Any"><text>-</text></inputEntry>
                <outputEntry id="LiteralExpression_Any"><text>"seen"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.strip();
    engine.getRepositoryService().createDeployment().addString("probe.dmn", table).deploy();

    // then: an object is refused; a map of data is read
    assertThatThrownBy(() -> engine.getDecisionService().evaluateDecisionTableByKey("probeTable",
        Variables.createVariables().putValue("x", new File("/tmp"))))
        .hasRootCauseMessage("FEEL không đọc biến x vì nó không phải dữ liệu (java.io.File). / FEEL does not read the"
            + " variable x: it is not data.");
    Object seen = engine.getDecisionService().evaluateDecisionTableByKey("probeTable",
        Variables.createVariables().putValue("x", Map.of("absolutePath", "/tmp"))).getSingleEntry();
    assertThat(seen).isEqualTo("seen");
  }
}

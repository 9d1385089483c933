package vn.motcua.webapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/** The engine's history level "motcua" on a real engine (in-memory H2). */
class EngineHistoryTest {

  @Test
  void shouldKeepInstancesAndStepsButVariablesOnlyOfModelsThatDeclareItWhenTheLevelIsMotcua() {
    ProcessEngine engine = engine("motcua-history-level-" + System.nanoTime(), EngineHistory.NAME);
    try {
      // given
      engine.getRepositoryService().createDeployment()
          .addModelInstance("dossier.bpmn", model("dossier", false))
          .addModelInstance("lookup.bpmn", model("lookup", true)).deploy();

      // when
      String dossier = run(engine, "dossier");
      String lookup = run(engine, "lookup");

      // then
      var history = engine.getHistoryService();
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(dossier).finished().count()).isOne();
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(dossier).finished().count()).isOne();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(dossier).count()).isZero();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(dossier).count()).isZero();
      assertThat(history.createHistoricDetailQuery().processInstanceId(dossier).count()).isZero();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(lookup).list())
          .extracting(v -> v.getName() + "=" + v.getValue()).containsExactlyInAnyOrder("asked=yes", "answer=found");
    } finally {
      engine.close();
    }
  }

  @Test
  void shouldStartOnADatabaseWrittenAtAnotherLevelAndKeepItsHistoryWhenTheLevelChanges() {
    // given: a database written with full history
    String database = "motcua-history-change-" + System.nanoTime();
    ProcessEngine full = engine(database, "full");
    full.getRepositoryService().createDeployment().addModelInstance("dossier.bpmn", model("dossier", false)).deploy();
    String before = run(full, "dossier");
    assertThat(full.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(before).count())
        .isPositive();
    full.close();

    // when: the same database at motcua's level (the engine alone would refuse: "historyLevel mismatch")
    ProcessEngine motcua = engine(database, EngineHistory.NAME);
    try {
      String after = run(motcua, "dossier");

      // then
      assertThat(((ProcessEngineConfigurationImpl) motcua.getProcessEngineConfiguration()).getHistoryLevel().getId())
          .isEqualTo(EngineHistory.ID);
      assertThat(motcua.getManagementService().getProperties()).containsEntry("historyLevel", "20");
      assertThat(motcua.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(before).count())
          .as("what was written stays").isPositive();
      assertThat(motcua.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(after).count())
          .isZero();
    } finally {
      motcua.close();
    }
  }

  private static ProcessEngine engine(String database, String level) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(database + "-" + System.nanoTime());
    configuration.setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(level);
    configuration.setProcessEnginePlugins(List.of(new EngineHistory()));
    return configuration.buildProcessEngine();
  }

  private static BpmnModelInstance model(String key, boolean variableHistory) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Asked").userTask("Task_Answer").endEvent("EndEvent_Answered").done();
    if (variableHistory) {
      CamundaProperty declared = model.newInstance(CamundaProperty.class);
      declared.setCamundaName(EngineHistory.VARIABLE_HISTORY);
      declared.setCamundaValue("true");
      CamundaProperties properties = model.newInstance(CamundaProperties.class);
      properties.addChildElement(declared);
      ExtensionElements extensions = model.newInstance(ExtensionElements.class);
      extensions.addChildElement(properties);
      model.<Process>getModelElementById(key).setExtensionElements(extensions);
    }
    return model;
  }

  private static String run(ProcessEngine engine, String key) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("asked", "yes")).getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    engine.getTaskService().complete(task, Map.of("answer", "found"));
    return instance;
  }
}

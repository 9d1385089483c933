package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import vn.motcua.workers.standalone.WorkersApplication;
import vn.motcua.workers.WorkerRuntime;

/**
 * The workers run inside the webapp by default, against its own engine REST API, and as a standalone application
 * against a remote engine; either way they fetch, run and complete external tasks.
 */
class WorkersIT extends PostgresIntegrationTest {

  @Autowired
  private WorkerRuntime workers;
  @Autowired
  private RepositoryService repository;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private HistoryService history;

  @LocalServerPort
  private int port;

  @Test
  void shouldCompleteExternalTasksWithTheInProcessWorkersWhenAProcessCallsATopic() throws InterruptedException {
    // given
    assertThat(workers.isRunning()).isTrue();

    // when
    String id = startEcho("workersEcho", EchoWorker.TOPIC);

    // then: a worker fetched it over HTTP with the technical account and completed it
    assertThat(echoOf(id)).isEqualTo("Đã xử lý: hồ sơ X06148");
  }

  @Test
  void shouldCompleteExternalTasksWithTheStandaloneWorkersAgainstTheWebappsEngine() throws InterruptedException {
    // given: the standalone workers application, as java -jar would start it, pointed at this webapp
    try (ConfigurableApplicationContext standalone = new SpringApplicationBuilder(WorkersApplication.class,
        StandaloneEcho.class)
        .web(WebApplicationType.NONE)
        .properties("spring.config.name=workers")
        .run("--motcua.workers.engine-url=http://localhost:" + port + "/engine-rest",
            "--motcua.workers.password=" + WORKER_PASSWORD, "--motcua.workers.long-poll-millis=500")) {
      assertThat(standalone.getBean(WorkerRuntime.class).isRunning()).isTrue();

      // when: a process calls a topic only the standalone workers handle
      String id = startEcho("workersStandaloneEcho", StandaloneEcho.TOPIC);

      // then
      assertThat(echoOf(id)).isEqualTo("Đã xử lý: hồ sơ X06148");
    }
  }

  /** A topic that only the standalone workers subscribe to. */
  @Component
  static class StandaloneEcho extends EchoWorker {
    static final String TOPIC = "motcua-test-standalone";

    @Override
    public String topic() {
      return TOPIC;
    }
  }

  private String startEcho(String key, String topic) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Echo").serviceTask("Task_Echo").camundaExternalTask(topic).endEvent("EndEvent_Echoed")
        .done();
    // motcua's model rules: a process says what it is
    CamundaProperty service = model.newInstance(CamundaProperty.class);
    service.setCamundaName("service");
    service.setCamundaValue("true");
    // and that the engine keeps its variables once it has ended (the test reads the worker's answer there)
    CamundaProperty variableHistory = model.newInstance(CamundaProperty.class);
    variableHistory.setCamundaName("variableHistory");
    variableHistory.setCamundaValue("true");
    CamundaProperties properties = model.newInstance(CamundaProperties.class);
    properties.addChildElement(service);
    properties.addChildElement(variableHistory);
    ExtensionElements extensions = model.newInstance(ExtensionElements.class);
    extensions.addChildElement(properties);
    model.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(key).setExtensionElements(extensions);
    repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    return runtime.startProcessInstanceByKey(key, Map.of("message", "hồ sơ X06148")).getId();
  }

  private Object echoOf(String processInstanceId) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
        && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    HistoricVariableInstance echo = history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName("echo").singleResult();
    return echo == null ? null : echo.getValue();
  }
}

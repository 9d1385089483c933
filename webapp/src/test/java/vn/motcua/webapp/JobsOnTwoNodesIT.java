package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes' job executors on one PostgreSQL database, configured as motcua's webapps run them (every node runs every
 * job; UUID ids) (docs/scaling.md): both take jobs, and each job's work runs once — a job is locked before it runs,
 * and a node that loses the race for the lock leaves the job to the winner. (motcua's own jobs are timers and asynchronous steps inside the engine's transaction;
 * calls to other systems are external tasks, whose workers are shown in the cluster soak.)
 */
class JobsOnTwoNodesIT {

  private static final int INSTANCES = 150;
  /** Process instance id → the nodes whose executor ran each of its two asynchronous steps. */
  private static final Map<String, List<String>> RUNS = new ConcurrentHashMap<>();
  private static final List<ProcessEngine> NODES = new ArrayList<>();

  /** The asynchronous steps' work: notes which node ran it. */
  public static class NoteRun implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RUNS.computeIfAbsent(execution.getProcessInstanceId(), id -> java.util.Collections.synchronizedList(
          new ArrayList<>())).add(execution.getProcessEngine().getName());
    }
  }

  @BeforeAll
  static void startTwoNodes() {
    DriverManagerDataSource database = new DriverManagerDataSource(PostgresIntegrationTest.database("twonodes"),
        "postgres", "postgres");
    for (String name : List.of("node-a", "node-b")) {
      StandaloneProcessEngineConfiguration node = new StandaloneProcessEngineConfiguration();
      node.setProcessEngineName(name);
      node.setDataSource(database);
      node.setDatabaseSchemaUpdate("true");
      node.setHistory("none");
      node.setEnforceHistoryTimeToLive(false);
      node.setJobExecutorActivate(false);
      // as on motcua's nodes (camunda.bpm.id-generator: strong): ids need no shared counter row, which two nodes
      // would race for, failing and repeating the transactions that need a new id
      node.setIdGenerator(new StrongUuidGenerator());
      NODES.add(node.buildProcessEngine());
    }
  }

  @AfterAll
  static void stopNodes() {
    NODES.forEach(ProcessEngine::close);
  }

  @Test
  void shouldRunEveryJobOnceWithBothNodesTakingJobsWhenTwoNodesShareTheDatabase() {
    // given: instances waiting at two asynchronous steps each, before either node's job executor runs
    BpmnModelInstance model = Bpmn.createExecutableProcess("twoAsyncSteps").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Task_First").camundaAsyncBefore().camundaClass(NoteRun.class)
        .serviceTask("Task_Second").camundaAsyncBefore().camundaClass(NoteRun.class).endEvent().done();
    ProcessEngine a = NODES.get(0);
    a.getRepositoryService().createDeployment().addModelInstance("two-async-steps.bpmn", model).deploy();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      instances.add(NODES.get(i % 2).getRuntimeService().startProcessInstanceByKey("twoAsyncSteps").getId());
    }

    // when: both nodes' executors work on them at once
    NODES.forEach(node -> ((org.camunda.bpm.engine.impl.ProcessEngineImpl) node).getProcessEngineConfiguration()
        .getJobExecutor().start());
    await().atMost(Duration.ofMinutes(2)).until(() -> a.getManagementService().createJobQuery().count() == 0
        && a.getRuntimeService().createProcessInstanceQuery().count() == 0);

    // then: every step of every instance ran once, and both nodes did some of them
    assertThat(RUNS.keySet()).containsExactlyInAnyOrderElementsOf(instances);
    assertThat(RUNS.values()).as("nodes that ran each instance's steps").allSatisfy(runs -> assertThat(runs)
        .hasSize(2));
    Map<String, Long> byNode = RUNS.values().stream().flatMap(List::stream)
        .collect(Collectors.groupingBy(node -> node, Collectors.counting()));
    System.out.printf("Jobs run by node: %s%n", byNode);
    assertThat(byNode).containsOnlyKeys("node-a", "node-b");
    assertThat(byNode.values()).allSatisfy(count -> assertThat(count).isGreaterThan(INSTANCES / 10));
  }
}

package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reform scheduled ahead: a processing-time table whose version tag is a day takes effect that day; a version
 * without one, when deployed. A dossier keeps the versions in force when it entered the service to its end.
 */
@Deployment(resources = PinnedDecisionsTest.PROCESSING_TIME)
class PinnedDecisionsTest extends ProcessTestSupport {

  /** A service that asks the processing-time table twice: on entry and after waiting. */
  private static final String ASKS_TWICE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_AsksTwice" targetNamespace="https://motcua.vn">
        <bpmn:process id="asksTwice" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:extensionElements><camunda:properties>
            <camunda:property name="service" value="true" />
          </camunda:properties></bpmn:extensionElements>
          <bpmn:startEvent id="StartEvent_Asked" />
          <bpmn:sequenceFlow id="Flow_ToFirst" sourceRef="StartEvent_Asked" targetRef="Task_AskFirst" />
          <bpmn:businessRuleTask id="Task_AskFirst" camunda:decisionRef="processingTime"
              camunda:resultVariable="daysOnEntry" camunda:mapDecisionResult="singleEntry" />
          <bpmn:sequenceFlow id="Flow_ToWait" sourceRef="Task_AskFirst" targetRef="Task_Wait" />
          <bpmn:receiveTask id="Task_Wait" />
          <bpmn:sequenceFlow id="Flow_ToSecond" sourceRef="Task_Wait" targetRef="Task_AskAgain" />
          <bpmn:businessRuleTask id="Task_AskAgain" camunda:decisionRef="processingTime"
              camunda:resultVariable="daysLater" camunda:mapDecisionResult="singleEntry" />
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_AskAgain" targetRef="Task_End" />
          <bpmn:receiveTask id="Task_End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().createDeploymentQuery().list().stream()
        .filter(d -> "reform".equals(d.getName()))
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  @Test
  void shouldKeepEachDossierOnTheTableInForceWhenItEnteredAndApplyAScheduledCutOnItsDay() throws Exception {
    // given: the shipped table (building permit 15 days) and a service asking it
    deploy("asks-twice.bpmn", ASKS_TWICE.strip());
    now("2026-12-01T09:00");
    ProcessInstance before = ask();

    // when: a cut to 10 days is deployed, scheduled for 1 January 2027
    deploy("processing-time.dmn", table("10", "2027-01-01"));
    ProcessInstance scheduledNotYet = ask();
    now("2027-01-02T09:00");
    ProcessInstance afterTheDay = ask();
    proceed(before);

    // then: before its day the old time, from its day the new one; the earlier dossier keeps its own
    assertThat(days(before)).containsExactly(entry("daysLater", 15), entry("daysOnEntry", 15));
    assertThat(days(scheduledNotYet)).containsEntry("daysOnEntry", 15);
    assertThat(days(afterTheDay)).containsEntry("daysOnEntry", 10);

    // when: a version without a day takes effect when deployed (12 days)
    now("2027-01-02T10:00");
    deploy("processing-time.dmn", table("12", "cut-2"));
    ProcessInstance latest = ask();
    proceed(afterTheDay);
    proceed(latest);

    // then
    assertThat(days(afterTheDay)).containsExactly(entry("daysLater", 10), entry("daysOnEntry", 10));
    assertThat(days(latest)).containsExactly(entry("daysLater", 12), entry("daysOnEntry", 12));
  }

  private void deploy(String name, String content) {
    engine.getRepositoryService().createDeployment().name("reform").addString(name, content).deploy();
  }

  private String table(String constructionDays, String versionTag) throws Exception {
    String shipped = new String(getClass().getClassLoader().getResourceAsStream(PROCESSING_TIME).readAllBytes(),
        StandardCharsets.UTF_8);
    int rule = shipped.indexOf("<rule id=\"Rule_Construction\">");
    return (shipped.substring(0, rule) + shipped.substring(rule).replaceFirst(
        "<outputEntry id=\"OutputEntry_Construction_WorkingDays\"><text>15</text>",
        "<outputEntry id=\"OutputEntry_Construction_WorkingDays\"><text>" + constructionDays + "</text>"))
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + versionTag + "\"");
  }

  private ProcessInstance ask() {
    Map<String, Object> vars = dossierVariables("1.009997", "H180");
    vars.put("level", "DISTRICT");
    vars.put("circumstance", null);
    vars.put("rulesAsOf", ClockUtil.getCurrentTime());
    return engine.getRuntimeService().startProcessInstanceByKey("asksTwice", vars);
  }

  private void proceed(ProcessInstance instance) {
    String waiting = engine.getRuntimeService().createExecutionQuery().processInstanceId(instance.getId())
        .activityId("Task_Wait").singleResult().getId();
    engine.getRuntimeService().signal(waiting);
  }

  private Map<String, Object> days(ProcessInstance instance) {
    Map<String, Object> found = new java.util.TreeMap<>();
    engine.getRuntimeService().getVariables(instance.getId()).forEach((name, value) -> {
      if (name.startsWith("days")) {
        found.put(name, ((Number) value).intValue());
      }
    });
    return found;
  }
}

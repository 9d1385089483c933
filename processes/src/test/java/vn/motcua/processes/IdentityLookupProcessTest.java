package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = IdentityLookupProcessTest.IDENTITY_LOOKUP)
class IdentityLookupProcessTest extends ProcessTestSupport {

  static final String IDENTITY_LOOKUP = "processes/services/identity-lookup.bpmn";
  static final String LOOK_UP = "Task_LookUpCitizen";
  static final String TOPIC = "verify-identity";
  static final String WORKER = "test-worker";

  private ProcessInstance lookUp(String idNumber) {
    return engine.getRuntimeService().startProcessInstanceByKey("identityLookup",
        Map.of("applicantIdNumber", idNumber));
  }

  private LockedExternalTask fetch() {
    List<LockedExternalTask> tasks = engine.getExternalTaskService().fetchAndLock(1, WORKER).topic(TOPIC, 60_000)
        .execute();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  @Test
  void shouldEndWithTheRegisteredNameAndAddressWhenTheRegistryKnowsTheNumber() {
    // given
    ProcessInstance instance = lookUp("020190001234");

    // when: the worker answers with what the registry holds
    LockedExternalTask task = fetch();
    engine.getExternalTaskService().complete(task.getId(), WORKER, Map.of("registryName", "Nguyễn Văn An",
        "registryAddress", "Thôn Bản Mới, xã Chí Minh", "identityVerified", false));

    // then
    assertThat(task.getActivityId()).isEqualTo(LOOK_UP);
    assertThat(instance).isEnded().hasPassed("EndEvent_CitizenFound");
    assertThat(variable(instance, "registryName")).isEqualTo("Nguyễn Văn An");
    assertThat(variable(instance, "registryAddress")).isEqualTo("Thôn Bản Mới, xã Chí Minh");
  }

  @Test
  void shouldEndAsNotFoundWithTheRegistrysWordsWhenItDoesNotKnowTheNumber() {
    // given
    ProcessInstance instance = lookUp("099999999999");

    // when
    engine.getExternalTaskService().handleBpmnError(fetch().getId(), WORKER, "IDENTITY_NOT_FOUND",
        "Cơ sở dữ liệu quốc gia về dân cư: không có công dân mang số định danh 099999999999");

    // then
    assertThat(instance).isEnded().hasPassed("EndEvent_CitizenNotFound").hasNotPassed("EndEvent_CitizenFound");
    assertThat(variable(instance, "identityError")).asString().contains("không có công dân");
  }

  @Test
  void shouldStopWaitingAfterAMinuteWhenTheRegistryDoesNotAnswer() {
    // given: the worker took the task and is still waiting for the registry
    ProcessInstance instance = lookUp("020190001234");
    fetch();

    // when: a minute passes
    now("2026-11-16T09:01:01");
    String timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult()
        .getId();
    engine.getManagementService().executeJob(timer);

    // then: the lookup is over; a late answer finds no task to complete
    assertThat(instance).isEnded().hasPassed("EndEvent_RegistryNoAnswer");
    assertThat(engine.getExternalTaskService().createExternalTaskQuery().count()).isZero();
  }
}

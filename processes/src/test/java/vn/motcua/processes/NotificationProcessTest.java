package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.processes.ProcessTestSupport.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {NOTIFICATION, FORM_INFORM})
class NotificationProcessTest extends ProcessTestSupport {

  static final String SEND = "Task_SendNotice";
  static final String INFORM = "Task_InformApplicant";
  static final String TOPIC = "notify-applicant";
  static final String WORKER = "test-worker";

  @Test
  void shouldEndWhenTheWorkerDeliveredTheNotice() {
    // given
    Dossier dossier = notice();

    // when
    LockedExternalTask task = fetch();
    engine.getExternalTaskService().complete(task.getId(), WORKER,
        Map.of("notifiedByEmail", true, "notifiedBySms", false));

    // then
    assertThat(task.getActivityId()).isEqualTo(SEND);
    assertThat(task.getBusinessKey()).isEqualTo(dossier.receiptCode);
    assertThat(task.getVariables()).containsEntry("notice", "APOLOGY").containsEntry("applicantEmail", "an@example.vn");
    assertThat(dossier.instance).isEnded().hasPassed("EndEvent_Notified");
  }

  @Test
  void shouldAskTheReceivingCounterToInformTheApplicantWhenNoMessageCanReachThem() {
    // given
    Dossier dossier = notice();

    // when: the worker reports that no channel can take the notice
    engine.getExternalTaskService().handleBpmnError(fetch().getId(), WORKER, "NOTIFICATION_UNDELIVERABLE",
        "Tổng đài SMS từ chối", Map.of("notificationError", "Tổng đài SMS từ chối"));

    // then: the counter that received the dossier tells the applicant within one working day
    assertThat(dossier.openTasks()).containsExactly(INFORM);
    assertThat(dossier.candidateGroups(INFORM)).containsExactly("H180.counter");
    assertThat(local(dossier.task(INFORM).getDueDate())).isEqualTo("2026-11-17T09:00");
    assertThat(engine.getTaskService().getVariable(dossier.task(INFORM).getId(), "notificationError"))
        .isEqualTo("Tổng đài SMS từ chối");

    // when
    dossier.complete(INFORM, "informedBy", "PHONE", "informNote", "Đã gọi ông An lúc 10:00");

    // then
    assertThat(dossier.instance).isEnded().hasPassed("EndEvent_InformedByCounter");
  }

  @Test
  void shouldWaitWithAnIncidentWhenTheWorkerGaveUpOnAFailureThatMayPass() {
    // given
    Dossier dossier = notice();

    // when: the last attempt failed (the mail server is down)
    engine.getExternalTaskService().handleFailure(fetch().getId(), WORKER, "Connection refused", "detail", 0, 0);

    // then: an incident an operator retries once the server is back; nothing was asked of the counter
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(dossier.instance.getId()).list())
        .singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage()).isEqualTo("Connection refused"));
    assertThat(dossier.openTasks()).isEmpty();

    // when
    String task = engine.getExternalTaskService().createExternalTaskQuery().singleResult().getId();
    engine.getExternalTaskService().setRetries(task, 1);
    engine.getExternalTaskService().complete(fetch().getId(), WORKER);

    // then
    assertThat(dossier.instance).isEnded().hasPassed("EndEvent_Notified");
  }

  private Dossier notice() {
    Map<String, Object> vars = dossierVariables("1.001757", "H180");
    vars.put("notice", "APOLOGY");
    vars.put("applicantEmail", "an@example.vn");
    return start("notifyApplicant", vars);
  }

  private LockedExternalTask fetch() {
    List<LockedExternalTask> tasks = engine.getExternalTaskService().fetchAndLock(1, WORKER)
        .topic(TOPIC, 60_000).enableCustomObjectDeserialization().execute();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }
}

package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.processes.ProcessTestSupport.*;

import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {RETURN_RESULT, NOTIFICATION, FORM_INFORM, FORM_RETURN})
class ReturnResultProcessTest extends ProcessTestSupport {

  @Test
  void shouldBeDueByTheDossierDeadlineAtTheReceivingCounter() {
    // given
    Map<String, Object> vars = dossierVariables("2.000720", "H180");
    vars.put("dossierDeadline", date("2026-11-19T09:00"));
    vars.put("resultKind", "RESULT");

    // when
    Dossier dossier = start("returnResult", vars);

    // then
    assertThat(dossier.candidateGroups("Task_ReturnResult")).containsExactly("H180.counter");
    assertThat(local(dossier.task("Task_ReturnResult").getDueDate())).isEqualTo("2026-11-19T09:00");
    assertThat(dossier.notices()).containsExactly("RESULT");
    dossier.complete("Task_ReturnResult", "returnMethod", "ONLINE");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_ResultHandedOver");
  }

  @Test
  void shouldTellTheApplicantWhatKindOfAnswerAwaitsThemWhenItIsARefusal() {
    // given
    Map<String, Object> vars = dossierVariables("2.000720", "H180");
    vars.put("dossierDeadline", date("2026-11-19T09:00"));
    vars.put("resultKind", "REFUSAL");

    // when
    Dossier dossier = start("returnResult", vars);

    // then: the notice does not hold the counter up
    assertThat(dossier.notices()).containsExactly("REFUSAL");
    assertThat(dossier.openTasks()).containsExactly("Task_ReturnResult");
  }
}

package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.processes.ProcessTestSupport.*;

import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {TRANSFER, ROUTING, FORM_TRANSFER})
class TransferProcessTest extends ProcessTestSupport {

  private Map<String, Object> transfer(String procedure, String stage, String fromAgency) {
    Map<String, Object> vars = dossierVariables(procedure, fromAgency);
    vars.put("stage", stage);
    vars.put("fromAgency", fromAgency);
    return vars;
  }

  @Test
  void shouldPassWithoutAcknowledgementWhenTheSameAgencyHandlesTheStage() {
    // when
    Dossier dossier = start("transfer", transfer("1.001193", "HANDLE", "X06148"));

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Transferred");
    assertThat(((Map<?, ?>) dossier.variable("route")).get("agency")).isEqualTo("X06148");
  }

  @Test
  void shouldWaitForTheReceivingAgencyToAcknowledgeWhenAnotherAgencyHandlesTheStage() {
    // given
    Dossier dossier = start("transfer", transfer("1.002809", "HANDLE", "TTHCC20"));

    // then
    assertThat(dossier.candidateGroups("Task_AcceptTransfer")).containsExactly("CSGT20.counter");
    assertThat(local(dossier.task("Task_AcceptTransfer").getDueDate())).isEqualTo("2026-11-17T09:00");

    // when
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Transferred");
  }
}

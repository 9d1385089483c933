package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.processes.ProcessTestSupport.*;

import java.util.Date;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {INTAKE, SUPPLEMENT, NOTIFICATION, FORM_INFORM, FORM_CHECK})
class IntakeProcessTest extends ProcessTestSupport {

  @Test
  void shouldRecordTheReceiptTimeWhenTheCounterFindsTheDossierComplete() {
    // given
    Dossier dossier = start("intake", dossierVariables("1.001193", "X06148"));
    now("2026-11-16T10:15");

    // when
    dossier.complete("Task_CheckCompleteness", "completeness", "COMPLETE");

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_IntakeCompleted");
    assertThat(local((Date) dossier.variable("receivedAt"))).isEqualTo("2026-11-16T10:15");
  }

  @Test
  void shouldAskForTheMissingItemsOnceAndCheckAgainWhenTheyArrive() {
    // given
    Dossier dossier = start("intake", dossierVariables("1.001193", "X06148"));

    // when
    dossier.complete("Task_CheckCompleteness", "completeness", "SUPPLEMENT", "missingDocuments", "Giấy chứng sinh");
    assertThat(dossier.awaitingSupplement()).isTrue();
    dossier.supplement();

    // then
    assertThat(dossier.candidateGroups("Task_CheckCompleteness")).containsExactly("X06148.counter");
  }

  @Test
  void shouldEndWithoutReceiptWhenTheCounterRefuses() {
    // given
    Dossier dossier = start("intake", dossierVariables("1.001193", "X06148"));

    // when
    dossier.complete("Task_CheckCompleteness", "completeness", "REFUSE", "refusalReason", "Sai thẩm quyền");

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_IntakeRefused");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("receivedAt").count())
        .isZero();
  }
}

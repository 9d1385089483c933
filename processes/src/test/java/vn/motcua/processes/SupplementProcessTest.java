package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static vn.motcua.processes.ProcessTestSupport.*;

import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {SUPPLEMENT, NOTIFICATION, FORM_INFORM})
class SupplementProcessTest extends ProcessTestSupport {

  @Test
  void shouldEndNormallyWhenTheApplicantSupplements() {
    // given
    Dossier dossier = start("supplement", dossierVariables("1.001193", "X06148"));

    // when
    dossier.supplement();

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Supplemented");
  }

  @Test
  void shouldTellTheApplicantEveryMissingDocumentWhenTheWaitBegins() {
    // given
    java.util.Map<String, Object> variables = dossierVariables("1.001193", "X06148");
    variables.put("missingDocuments", "1. Giấy chứng sinh (bản chính)");

    // when
    Dossier dossier = start("supplement", variables);

    // then: the notice is queued with what is missing, and the dossier waits without waiting for it
    assertThat(dossier.notices()).containsExactly("SUPPLEMENT");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processDefinitionKey("notifyApplicant")
        .variableName("missingDocuments").singleResult().getValue()).isEqualTo("1. Giấy chứng sinh (bản chính)");
    assertThat(dossier.awaitingSupplement()).isTrue();
  }

  @Test
  void shouldThrowSupplementNotProvidedAfterFifteenWorkingDaysWhenNothingArrives() {
    // given: requested on Friday 13 February 2026, just before Tết
    now("2026-02-13T10:00");
    Dossier dossier = start("supplement", dossierVariables("1.001193", "X06148"));

    // then: 15 working days skip the Tết week
    assertThat(local(dossier.supplementTimer().getDuedate())).isEqualTo("2026-03-13T10:00");

    // when
    execute(dossier.supplementTimer());

    // then: the error has no catcher here, so the instance ends at the error end event
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_SupplementNotProvided");
  }
}

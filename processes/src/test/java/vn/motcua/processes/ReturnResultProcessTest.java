package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.processes.ProcessTestSupport.*;

import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {RETURN_RESULT, NOTIFICATION, FORM_INFORM, FORM_POSTAL, FORM_SIGN, FORM_RETURN})
class ReturnResultProcessTest extends ProcessTestSupport {

  @Test
  void shouldBeDueByTheDossierDeadlineAtTheReceivingCounter() {
    // given
    Map<String, Object> vars = dossierVariables("1.001612", "H180");
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
    Map<String, Object> vars = dossierVariables("1.001612", "H180");
    vars.put("dossierDeadline", date("2026-11-19T09:00"));
    vars.put("resultKind", "REFUSAL");

    // when
    Dossier dossier = start("returnResult", vars);

    // then: the notice does not hold the counter up
    assertThat(dossier.notices()).containsExactly("REFUSAL");
    assertThat(dossier.openTasks()).containsExactly("Task_ReturnResult");
  }

  @Test
  void shouldOrderThePostalServiceWhenTheResultGoesByPost() {
    // given
    Dossier dossier = start("returnResult", result());

    // when: the counter hands it to the post, and the worker placed the order
    dossier.complete("Task_ReturnResult", "returnMethod", "POST", "postalAddress", ADDRESS);
    dossier.completeExternal("order-postal-delivery", "postalTrackingNumber", "EL100000001VN");

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_SentByPost");
    assertThat(dossier.variable("postalTrackingNumber")).isEqualTo("EL100000001VN");
  }

  @Test
  void shouldLetTheCounterSendItWhenThePostalServiceRefusesTheOrder() {
    // given
    Dossier dossier = start("returnResult", result());
    dossier.complete("Task_ReturnResult", "returnMethod", "POST", "postalAddress", ADDRESS);

    // when: the postal service will not take the order
    engine.getExternalTaskService().handleBpmnError(dossier.externalTask("order-postal-delivery"), "test-worker",
        "POSTAL_ORDER_REFUSED", "Bưu điện không nhận đơn", Map.of("postalError", "Bưu điện không nhận đơn"));

    // then: the receiving counter sends it within one working day
    assertThat(dossier.candidateGroups("Task_ArrangePostalDelivery")).containsExactly("H180.counter");
    assertThat(local(dossier.task("Task_ArrangePostalDelivery").getDueDate())).isEqualTo("2026-11-17T09:00");
    dossier.complete("Task_ArrangePostalDelivery", "postalTrackingNumber", "EL555666777VN");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_PostedByCounter");
  }

  @Test
  void shouldNotCallThePostWhenTheResultIsCollectedAtTheCounter() {
    // given
    Dossier dossier = start("returnResult", result());

    // when
    dossier.complete("Task_ReturnResult", "returnMethod", "COUNTER", "receivedBy", "Nguyễn Văn An");

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_ResultHandedOver");
    assertThat(engine.getExternalTaskService().createExternalTaskQuery().topicName("order-postal-delivery").count())
        .isZero();
  }

  @Test
  void shouldSignTheDocumentBeforeTheApplicantIsToldAndTheCounterReturnsIt() {
    // given
    workersAtOnce = false;
    Dossier dossier = start("returnResult", result());

    // then: the document waits for its signature; nobody is told yet
    assertThat(dossier.openTasks()).isEmpty();
    assertThat(dossier.notices()).isEmpty();

    // when: the signature worker signed it
    dossier.completeExternal("sign-document", "signedDocumentId", 7L);

    // then
    assertThat(dossier.notices()).containsExactly("RESULT");
    assertThat(dossier.openTasks()).containsExactly("Task_ReturnResult");
  }

  @Test
  void shouldHaveTheDecidingAgencysLeaderSignOnPaperWhenTheSigningServiceRefuses() {
    // given
    workersAtOnce = false;
    Map<String, Object> vars = result();
    vars.put("signingAgency", "H180-TCKH");
    Dossier dossier = start("returnResult", vars);

    // when: the agency's certificate was revoked
    engine.getExternalTaskService().handleBpmnError(dossier.externalTask("sign-document"), "test-worker",
        "SIGNATURE_REFUSED", "Chứng thư số đã bị thu hồi", Map.of("signatureError", "Chứng thư số đã bị thu hồi"));

    // then: its leader signs and stamps the paper document within one working day
    assertThat(dossier.candidateGroups("Task_SignOnPaper")).containsExactly("H180-TCKH.leader");
    assertThat(local(dossier.task("Task_SignOnPaper").getDueDate())).isEqualTo("2026-11-17T09:00");
    assertThat(dossier.notices()).isEmpty();
    dossier.complete("Task_SignOnPaper", "signedOnPaper", true);
    assertThat(dossier.notices()).containsExactly("RESULT");
    assertThat(dossier.openTasks()).containsExactly("Task_ReturnResult");
  }

  private static final String ADDRESS = "Thôn Bản Mới, xã Chí Minh, huyện Tràng Định, tỉnh Lạng Sơn";

  private static Map<String, Object> result() {
    Map<String, Object> vars = dossierVariables("1.001612", "H180");
    vars.put("dossierDeadline", date("2026-11-19T09:00"));
    vars.put("resultKind", "RESULT");
    return vars;
  }
}

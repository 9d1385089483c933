package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

@Deployment(resources = ProcessTestSupport.FEE_PAYMENT)
class FeePaymentProcessTest extends ProcessTestSupport {

  static final String AWAIT_FEE = "Task_AwaitFee";
  static final String CAPTURE = "capture-payment";

  private Dossier owing(long amount) {
    Map<String, Object> variables = dossierVariables("2.000815", "X06148");
    variables.put("feeAmount", amount);
    return start("feePayment", variables);
  }

  @Test
  void shouldNotWaitWhenTheDecisionAsksForNoFee() {
    // when
    Dossier dossier = owing(0);

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_NothingOwed");
  }

  @Test
  void shouldEndPaidWhenTheCounterRecordsTheReceipt() {
    // given
    Dossier dossier = owing(6000);
    BpmnAwareTests.assertThat(dossier.instance).isWaitingAtExactly(AWAIT_FEE);

    // when
    dossier.payFee("COUNTER", "BL-0000123");

    // then: nothing to capture, the money is in the till
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_FeePaid");
    assertThat(dossier.passed("Task_CapturePayment")).isFalse();
  }

  @Test
  void shouldCaptureThePaymentTheGatewayConfirmedWhenPaidOnline() {
    // given
    Dossier dossier = owing(6000);

    // when: the gateway's callback says the payer authorised it; the worker captures it
    dossier.payFee("ONLINE", "PAY-1001");
    dossier.completeExternal(CAPTURE, "paymentTransactionId", "TXN1002", "paidAmount", 6000L);

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_FeePaid");
    assertThat(dossier.variable("paymentTransactionId")).isEqualTo("TXN1002");
  }

  @Test
  void shouldWaitForAnotherPaymentWhenTheGatewayDeclinesTheCapture() {
    // given
    Dossier dossier = owing(6000);
    dossier.payFee("ONLINE", "PAY-1001");

    // when
    engine.getExternalTaskService().handleBpmnError(dossier.externalTask(CAPTURE), "test-worker", "PAYMENT_DECLINED",
        "Cổng thanh toán từ chối: số tiền khác", Map.of("paymentError", "số tiền khác"));

    // then: the applicant may pay again, here at the counter
    BpmnAwareTests.assertThat(dossier.instance).isWaitingAtExactly(AWAIT_FEE);
    dossier.payFee("COUNTER", "BL-0000124");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_FeePaid");
  }

  @Test
  void shouldCancelTheDossierWhenTheFeeIsNotPaidWithinFifteenWorkingDays() {
    // given
    Dossier dossier = owing(6000);
    assertThat(local(dossier.timer("Event_FeePeriodExpired").getDuedate())).isEqualTo("2026-12-07T09:00");

    // when
    execute(dossier.timer("Event_FeePeriodExpired"));

    // then: the calling procedure catches FEE_NOT_PAID
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_FeeNotPaid");
  }
}

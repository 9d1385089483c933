package vn.motcua.workers.handler;

import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;
import vn.motcua.workers.ExternalCall;
import vn.motcua.workers.JsonApi;
import vn.motcua.workers.Retries;
import vn.motcua.workers.SystemsSettings;
import vn.motcua.workers.TopicHandler;
import vn.motcua.workers.Topics;

/**
 * Takes the fee the applicant authorised at the payment gateway ({@code paymentId}, {@code feeAmount}): the capture
 * carries the task's idempotency key, so however often it is retried the money is taken once. A capture the gateway
 * refuses (never authorised, another amount: 402) is the BPMN error {@value #DECLINED}.
 */
@Component
class CapturePayment implements TopicHandler {

  static final String DECLINED = "PAYMENT_DECLINED";
  private static final ExternalCall.Refusal REFUSAL =
      new ExternalCall.Refusal(DECLINED, "Cổng thanh toán từ chối: ", "paymentError");

  private final JsonApi gateway;
  private final SystemsSettings settings;
  private final Retries retries;

  CapturePayment(SystemsSettings settings, Retries retries) {
    this.gateway = new JsonApi(settings.paymentUrl(), settings.paymentApiKey(), settings.timeoutMillis());
    this.settings = settings;
    this.retries = retries;
  }

  @Override
  public String topic() {
    return Topics.CAPTURE_PAYMENT;
  }

  @Override
  public long lockDurationMillis() {
    return settings.lockFor(1);
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    ExternalCall.complete(task, service, retries, REFUSAL, () -> {
      if (!(task.getVariable("paymentId") instanceof String id)
          || !(task.getVariable("feeAmount") instanceof Number fee)) {
        throw new IllegalStateException("the model gave no paymentId or feeAmount to capture");
      }
      Map<String, Object> captured = gateway.post("/payments/" + id + "/capture", Map.of("amount", fee.longValue()),
          task.getActivityInstanceId() + ".capture");
      return Map.of("paymentTransactionId", captured.get("transactionId"), "paidAmount", fee.longValue());
    });
  }
}

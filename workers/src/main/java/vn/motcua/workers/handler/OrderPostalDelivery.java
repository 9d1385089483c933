package vn.motcua.workers.handler;

import java.util.LinkedHashMap;
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
 * Orders the public postal service to pick the result up at the receiving counter and deliver it to the address the
 * applicant gave; the tracking number goes on the dossier. An order the postal service will not take (an address it
 * cannot deliver to) is the BPMN error {@value #REFUSED}, and the model decides what the counter does then.
 */
@Component
class OrderPostalDelivery implements TopicHandler {

  static final String REFUSED = "POSTAL_ORDER_REFUSED";
  private static final ExternalCall.Refusal REFUSAL =
      new ExternalCall.Refusal(REFUSED, "Bưu điện không nhận đơn: ", "postalError");

  private final JsonApi postal;
  private final SystemsSettings settings;
  private final Retries retries;

  OrderPostalDelivery(SystemsSettings settings, Retries retries) {
    this.retries = retries;
    this.postal = new JsonApi(settings.postalUrl(), settings.postalApiKey(), settings.timeoutMillis());
    this.settings = settings;
  }

  @Override
  public String topic() {
    return Topics.ORDER_POSTAL_DELIVERY;
  }

  @Override
  public long lockDurationMillis() {
    return settings.lockFor(1);
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("receiver", task.getVariable("applicantName"));
    order.put("phone", task.getVariable("applicantPhone"));
    order.put("address", task.getVariable("postalAddress"));
    order.put("pickUpAt", task.getVariable("receivingAgency"));
    order.put("item", "Kết quả giải quyết hồ sơ " + task.getBusinessKey());
    ExternalCall.complete(task, service, retries, REFUSAL, () -> Map.of("postalTrackingNumber",
        postal.post("/orders", order, task.getActivityInstanceId() + ".postal").get("trackingNumber")));
  }
}

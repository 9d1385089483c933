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
 * Sends the land office's cadastral information form to the tax authority's system, so that the tax office assesses
 * the financial obligations from it (first land certificate); the transfer's number goes on the dossier. The task's
 * idempotency key keeps a repeated call one form. A form the tax system refuses is the BPMN error {@value #REFUSED}:
 * the model has the land office send it on paper.
 */
@Component
class SendLandInformation implements TopicHandler {

  static final String REFUSED = "TAX_TRANSFER_REFUSED";
  private static final ExternalCall.Refusal REFUSAL =
      new ExternalCall.Refusal(REFUSED, "Hệ thống thuế không nhận phiếu: ", "taxTransferError");

  private final JsonApi tax;
  private final SystemsSettings settings;
  private final Retries retries;

  SendLandInformation(SystemsSettings settings, Retries retries) {
    this.tax = new JsonApi(settings.taxUrl(), settings.taxApiKey(), settings.timeoutMillis());
    this.settings = settings;
    this.retries = retries;
  }

  @Override
  public String topic() {
    return Topics.SEND_LAND_INFORMATION;
  }

  @Override
  public long lockDurationMillis() {
    return settings.lockFor(1);
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("receiptCode", task.getBusinessKey());
    form.put("landOffice", task.getVariable("landOfficeAgency"));
    form.put("taxOffice", task.getVariable("taxAgency"));
    form.put("landUser", task.getVariable("applicantName"));
    form.put("idNumber", task.getVariable("applicantIdNumber"));
    form.put("landOrigin", task.getVariable("landOriginNote"));
    form.put("appraisal", task.getVariable("appraisalNote"));
    ExternalCall.complete(task, service, retries, REFUSAL, () -> Map.of("taxTransferId",
        tax.post("/land-transfers", form, task.getActivityInstanceId() + ".land").get("transferId")));
  }
}

package vn.motcua.workers.handler;

import java.text.Normalizer;
import java.util.Locale;
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
 * Looks the applicant up in the national population registry by citizen ID ({@code applicantIdNumber}) and says
 * whether the name given matches the registered one (ignoring case, spacing and Unicode form, not diacritics:
 * "Nguyễn" is not "Nguyen"), with the registered name and permanent address for the officer and the e-form. A number
 * the registry does not know, or that is no citizen ID, is the BPMN error {@value #NOT_FOUND}.
 */
@Component
class VerifyIdentity implements TopicHandler {

  static final String NOT_FOUND = "IDENTITY_NOT_FOUND";
  private static final ExternalCall.Refusal REFUSAL =
      new ExternalCall.Refusal(NOT_FOUND, "Cơ sở dữ liệu quốc gia về dân cư: ", "identityError");

  private final JsonApi registry;
  private final SystemsSettings settings;
  private final Retries retries;

  VerifyIdentity(SystemsSettings settings, Retries retries) {
    this.registry = new JsonApi(settings.populationUrl(), settings.populationApiKey(), settings.timeoutMillis());
    this.settings = settings;
    this.retries = retries;
  }

  @Override
  public String topic() {
    return Topics.VERIFY_IDENTITY;
  }

  @Override
  public long lockDurationMillis() {
    return settings.lockFor(1);
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    if (!(task.getVariable("applicantIdNumber") instanceof String number) || number.isBlank()) {
      REFUSAL.report(task, service, "Người nộp không khai số định danh cá nhân");
      return;
    }
    ExternalCall.complete(task, service, retries, REFUSAL, () -> {
      Map<String, Object> citizen = registry.get("/citizens/" + number.strip());
      String registered = String.valueOf(citizen.get("fullName"));
      return Map.of("identityVerified", task.getVariable("applicantName") instanceof String name
          && same(name, registered), "registryName", registered,
          "registryAddress", String.valueOf(citizen.get("permanentAddress")));
    });
  }

  static boolean same(String given, String registered) {
    return normal(given).equals(normal(registered));
  }

  private static String normal(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
        .toLowerCase(Locale.forLanguageTag("vi"));
  }
}

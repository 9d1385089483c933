package vn.motcua.workers.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;
import vn.motcua.workers.ExternalCall;
import vn.motcua.workers.JsonApi;
import vn.motcua.workers.MotcuaApi;
import vn.motcua.workers.Retries;
import vn.motcua.workers.SystemsSettings;
import vn.motcua.workers.TopicHandler;
import vn.motcua.workers.Topics;
import vn.motcua.workers.signature.PadesSigner;

/**
 * Signs the document the model names ({@code documentId}) with the key of the agency that decided
 * ({@code signingAgency}, {@code signingAgencyName}) at the signing service, as PAdES, and files the signed copy with
 * the dossier. Every attempt builds the very same bytes (the signing time is the task's creation), so the signing
 * service's idempotency key makes a retried signature one signature, and motcua keeps one signed copy. A signature
 * that comes back damaged is never used: the attempt fails and is retried. A key the service will not use (never
 * issued, revoked) is the BPMN error {@value #REFUSED}.
 */
@Component
class SignDocument implements TopicHandler {

  static final String REFUSED = "SIGNATURE_REFUSED";
  private static final ExternalCall.Refusal REFUSAL =
      new ExternalCall.Refusal(REFUSED, "Dịch vụ ký số từ chối: ", "signatureError");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonApi signing;
  private final MotcuaApi motcua;
  private final SystemsSettings settings;
  private final Retries retries;

  SignDocument(SystemsSettings settings, MotcuaApi motcua, Retries retries) {
    this.retries = retries;
    this.signing = new JsonApi(settings.signatureUrl(), settings.signatureApiKey(), settings.timeoutMillis());
    this.motcua = motcua;
    this.settings = settings;
  }

  @Override
  public String topic() {
    return Topics.SIGN_DOCUMENT;
  }

  /** Enrolment, the signature, and motcua's two calls. */
  @Override
  public long lockDurationMillis() {
    return settings.lockFor(4);
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Object document = task.getVariable("documentId");
    String agency = (String) task.getVariable("signingAgency");
    String name = (String) task.getVariable("signingAgencyName");
    try {
      if (document == null || agency == null) {
        throw new IllegalStateException("the model gave no documentId or signingAgency to sign with");
      }
      byte[] pdf = motcua.download("/api/v1/documents/" + document + "/content");
      List<X509Certificate> chain = chain(signing.post("/keys/" + agency, Map.of("name", name == null ? agency : name),
          "enrol." + agency));
      byte[] signed = PadesSigner.sign(pdf, chain, new PadesSigner.Details(name,
              "Ký số văn bản giải quyết hồ sơ " + task.getBusinessKey(), "Việt Nam", task.getCreateTime().toInstant()),
          data -> sign(task, agency, chain.get(0), data));
      HttpResponse<byte[]> filed = motcua.putPdf("/api/v1/documents/" + document + "/signed-copy", signed);
      if (filed.statusCode() != 200 && filed.statusCode() != 201) {
        throw new IOException("motcua did not file the signed copy: " + filed.statusCode() + " "
            + new String(filed.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      Object id = JSON.readTree(filed.body()).path("id").asLong();
      service.complete(task, Map.of("signedDocumentId", id));
    } catch (RefusedCall refused) {
      REFUSAL.report(task, service, REFUSAL.reasonPrefix() + refused.getCause().getMessage());
    } catch (JsonApi.Refused refused) {
      REFUSAL.report(task, service, REFUSAL.reasonPrefix() + refused.getMessage());
    } catch (IOException | GeneralSecurityException | RuntimeException failed) {
      retries.failed(task, service, failed);
    }
  }

  /** The signing service signs; what it answers is checked against the signer's key before it is used. */
  private byte[] sign(ExternalTask task, String agency, X509Certificate signer, byte[] data) throws IOException {
    Map<String, Object> answer;
    try {
      answer = signing.post("/keys/" + agency + "/sign",
          Map.of("data", Base64.getEncoder().encodeToString(data)), task.getActivityInstanceId() + ".sign");
    } catch (JsonApi.Refused refused) {
      throw new RefusedCall(refused);
    }
    byte[] signature = Base64.getDecoder().decode(String.valueOf(answer.get("signature")));
    try {
      Signature check = Signature.getInstance(PadesSigner.ALGORITHM);
      check.initVerify(signer.getPublicKey());
      check.update(data);
      if (!check.verify(signature)) {
        throw new IOException("the signing service answered a signature that does not verify");
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot check the signing service's signature", e);
    }
    return signature;
  }

  private static List<X509Certificate> chain(Map<String, Object> answer) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new ArrayList<>();
    for (Object encoded : (List<?>) answer.get("chain")) {
      chain.add((X509Certificate) factory.generateCertificate(
          new ByteArrayInputStream(Base64.getDecoder().decode(String.valueOf(encoded)))));
    }
    if (chain.isEmpty()) {
      throw new GeneralSecurityException("the signing service answered no certificate");
    }
    return chain;
  }

  /** The signing service refused, seen through the signer's callback. */
  private static final class RefusedCall extends IOException {
    RefusedCall(JsonApi.Refused refused) {
      super(refused);
    }
  }
}

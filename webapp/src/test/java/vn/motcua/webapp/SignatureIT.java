package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.workers.signature.Pdfsig;
import vn.motcua.workers.simulator.Simulators;

/**
 * The document the applicant receives is signed by the agency that decided, through the signature worker and the
 * signing service: filed beside the unsigned one, verifiable by anyone through the API, and valid for a standard
 * reader's checker (poppler's pdfsig, trusting the demo root).
 */
class SignatureIT extends PostgresIntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired
  private Simulators simulators;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldSignTheResultWithTheDecidingAgencysKeyAndLetAnyoneVerifyIt() throws Exception {
    // given: a birth registration decided by the commune's chairman
    String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    api.complete("thuyhung.tuphap", code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện"));
    api.complete("thuyhung.chutich", code, "Task_Approve", Map.of("approval", "SIGN",
        "approvalNote", "Đồng ý đăng ký khai sinh"));

    // when: the counter can return it, the document has been signed
    api.task("thuyhung.motcua", code, "Task_ReturnResult");
    List<Map<String, Object>> documents = documents(code);
    Map<String, Object> result = documents.stream().filter(d -> "RESULT".equals(d.get("kind"))
        && d.get("signedFrom") == null).findFirst().orElseThrow();
    Map<String, Object> signed = documents.stream().filter(d -> result.get("id").equals(d.get("signedFrom")))
        .findFirst().orElseThrow(() -> new AssertionError("no signed copy among " + documents));

    // then: by the commune, as PAdES, checked through the API
    assertThat(signed).containsEntry("signer", "Ủy ban nhân dân xã Thụy Hùng").containsEntry("kind", "RESULT")
        .containsEntry("fileName", "result-" + code + "-ky-so.pdf");
    Map<String, Object> check = api.call("citizen", HttpMethod.GET, "/api/v1/documents/" + signed.get("id")
        + "/signature", null).getBody();
    assertThat(check).containsEntry("signed", true).containsEntry("valid", true)
        .containsEntry("verdict", "Chữ ký số hợp lệ: văn bản còn nguyên vẹn, ký bằng chứng thư số đáng tin cậy.");
    assertThat((List<Map<String, Object>>) check.get("signatures")).singleElement().satisfies(s -> assertThat(s)
        .containsEntry("signer", "Ủy ban nhân dân xã Thụy Hùng").containsEntry("subFilter", "ETSI.CAdES.detached")
        .containsEntry("intact", true).containsEntry("coversWholeDocument", true).containsEntry("trusted", true));
    assertThat(history(code)).anySatisfy(entry -> assertThat(entry).containsEntry("action", "DOCUMENT_SIGNED")
        .containsEntry("actor", "motcua-worker"));
    assertThat(simulators.signing().count("signed")).isPositive();

    // then: a standard reader's checker agrees
    byte[] pdf = content(signed.get("id"));
    Path dir = Files.createTempDirectory("pdfsig");
    String pdfsig = new Pdfsig(dir.resolve("nss"), simulators.signing().rootCertificate())
        .check(Files.write(dir.resolve("result.pdf"), pdf));
    assertThat(pdfsig).contains("Signature Type: ETSI.CAdES.detached", "Signature is Valid",
        "Certificate is Trusted", "Total document signed");

    // then: anyone, signed in or not, can check the file they were given
    assertThat(verify(pdf).getBody()).containsEntry("valid", true);
    byte[] tampered = pdf.clone();
    int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("/Producer");
    tampered[at + 2] = 'X';
    assertThat(verify(tampered).getBody()).containsEntry("signed", true).containsEntry("valid", false);
    assertThat(verify(content(result.get("id"))).getBody()).containsEntry("signed", false)
        .containsEntry("verdict", "Văn bản không có chữ ký số.");
    ResponseEntity<Map<String, Object>> garbage = verify("không phải PDF".getBytes(StandardCharsets.UTF_8));
    assertThat(garbage.getStatusCode().value()).isEqualTo(400);
    assertThat(garbage.getBody()).containsEntry("detail", "Tệp gửi kiểm tra không phải PDF đọc được.");
  }

  @Test
  void shouldFileSignedCopiesFromTheSignatureWorkerOnly() {
    // given: a document of a dossier
    String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "REFUSE",
        "refusalReason", "Không thuộc thẩm quyền"));
    Object letter = await().atMost(Duration.ofSeconds(10)).until(() -> documents(code), d -> !d.isEmpty())
        .get(0).get("id");

    // when: an officer tries to file a "signed copy"
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    ResponseEntity<Map<String, Object>> refused = as("thuyhung.motcua").exchange("/api/v1/documents/" + letter
        + "/signed-copy", HttpMethod.PUT, new HttpEntity<>(content(letter), headers), OBJECT);

    // then
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(documents(code)).hasSize(1);
  }

  private ResponseEntity<Map<String, Object>> verify(byte[] pdf) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "vi");
    return rest.exchange("/api/v1/signatures/verify", HttpMethod.POST, new HttpEntity<>(pdf, headers), OBJECT);
  }

  private byte[] content(Object id) {
    return as("citizen").getForObject("/api/v1/documents/" + id + "/content", byte[].class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> documents(String code) {
    return (List<Map<String, Object>>) (List<?>) as("citizen").getForObject("/api/v1/dossiers/" + code
        + "/documents", List.class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> history(String code) {
    return (List<Map<String, Object>>) api.call("citizen", HttpMethod.GET, "/api/v1/dossiers/" + code + "/history",
        null).getBody().get("audit");
  }
}

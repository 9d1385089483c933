package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The motcua REST API as the demo users call it. */
public final class Api {

  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>> LIST_TYPE =
      new com.fasterxml.jackson.core.type.TypeReference<>() {
      };

  /** How long a test waits for what the workers do (a busy suite shares them with other tests' dossiers). */
  static final java.time.Duration WORKERS_AT_MOST = java.time.Duration.ofSeconds(90);

  private final TestRestTemplate rest;

  public Api(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** A submission for an applicant of the given commune; extra name/value pairs add or replace fields. */
  public static Map<String, Object> dossierRequest(String procedure, String commune, Object... extra) {
    Map<String, Object> request = new java.util.HashMap<>();
    request.put("procedureCode", procedure);
    request.put("communeCode", commune);
    request.put("applicant", Map.of("fullName", "Nguyễn Văn An", "idNumber", "020190001234",
        "phone", "0912345678", "email", "an.nguyen@example.vn"));
    for (int i = 0; i < extra.length; i += 2) {
      request.put((String) extra[i], extra[i + 1]);
    }
    return request;
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }

  public ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).exchange(path, method, new HttpEntity<>(body, headers), OBJECT);
  }

  /** The demo counter officer of each receiving agency, who receives the fee when it is paid at the counter. */
  private static final Map<String, String> COUNTERS = Map.of("X06148", "thuyhung.motcua", "X06040", "thatkhe.motcua",
      "TTHCC20", "tthcc.langson", "X02269", "thuonglam.motcua");

  /**
   * Submits a dossier, and when the fee decision asks for a fee, the applicant pays it at the receiving counter (as
   * most do), so that the dossier reaches the counter's check. {@link #submitOwing} leaves the fee unpaid.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> submit(String user, Map<String, Object> request) {
    Map<String, Object> dossier = submitOwing(user, request);
    if ("AWAITING_PAYMENT".equals(dossier.get("status")) && "FEE".equals(dossier.get("currentStage"))) {
      String code = (String) dossier.get("receiptCode");
      payAtCounter(COUNTERS.get(((Map<String, Object>) dossier.get("receivingAgency")).get("code")), code);
      return dossier(user, code);
    }
    return dossier;
  }

  public Map<String, Object> submitOwing(String user, Map<String, Object> request) {
    ResponseEntity<Map<String, Object>> response = call(user, HttpMethod.POST, "/api/v1/dossiers", request);
    assertThat(response.getStatusCode().value()).as("submit: %s", response.getBody()).isEqualTo(201);
    return response.getBody();
  }

  /** The counter received the dossier's fee and gave a receipt. */
  public void payAtCounter(String officer, String receiptCode) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = as(officer).exchange("/api/v1/dossiers/" + receiptCode + "/fee-payments",
        HttpMethod.POST, new HttpEntity<>(Map.of("receiptNumber", "BL-" + receiptCode), headers), String.class);
    assertThat(response.getStatusCode().value()).as("fee: %s", response.getBody()).isEqualTo(201);
  }

  public Map<String, Object> dossier(String user, String receiptCode) {
    ResponseEntity<Map<String, Object>> response = call(user, HttpMethod.GET, "/api/v1/dossiers/" + receiptCode, null);
    assertThat(response.getStatusCode().value()).as("dossier: %s", response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  public List<Map<String, Object>> tasks(String user) {
    ResponseEntity<String> response = as(user).getForEntity("/api/v1/tasks", String.class);
    assertThat(response.getStatusCode().value()).as("tasks of %s: %s", user, response.getBody()).isEqualTo(200);
    try {
      return JSON.readValue(response.getBody(), LIST_TYPE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The dossier once it has reached the status (a worker's part, such as signing, may come first). */
  public Map<String, Object> dossierOnceIn(String user, String receiptCode, String status) {
    return org.awaitility.Awaitility.await().atMost(WORKERS_AT_MOST)
        .until(() -> dossier(user, receiptCode), d -> status.equals(d.get("status")));
  }

  /**
   * The one task of the dossier at this step that this user can see; waiting a little for it when a worker's part
   * comes before it (the outgoing document is signed before the counter returns it).
   */
  public Map<String, Object> task(String user, String receiptCode, String taskKey) {
    List<Map<String, Object>> mine = org.awaitility.Awaitility.await().atMost(WORKERS_AT_MOST)
        .ignoreExceptions().until(() -> tasks(user).stream()
            .filter(t -> receiptCode.equals(t.get("receiptCode")) && taskKey.equals(t.get("taskKey"))).toList(),
            found -> !found.isEmpty());
    assertThat(mine).as("tasks %s of %s for %s", taskKey, user, receiptCode).hasSize(1);
    return mine.get(0);
  }

  /** A small but real PDF, as an officer would scan or export. */
  public static byte[] pdf(String text) {
    String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Uploads a file to the dossier, at a step when taskId is given. */
  public ResponseEntity<Map<String, Object>> attach(String user, String receiptCode, String taskId, String kind,
      String fileName, byte[] content) {
    org.springframework.util.MultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
    body.add("kind", kind);
    if (taskId != null) {
      body.add("taskId", taskId);
    }
    body.add("file", new org.springframework.core.io.ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user).exchange("/api/v1/dossiers/" + receiptCode + "/documents", HttpMethod.POST,
        new HttpEntity<>(body, headers), OBJECT);
  }

  /**
   * Claims and completes the step as a diligent officer would: attaching first the file the step's model
   * requires; returns the dossier afterwards.
   */
  public Map<String, Object> complete(String user, String receiptCode, String taskKey, Map<String, Object> values) {
    String id = (String) task(user, receiptCode, taskKey).get("id");
    ResponseEntity<Map<String, Object>> claimed = call(user, HttpMethod.POST, "/api/v1/tasks/" + id + "/claim", null);
    assertThat(claimed.getStatusCode().value()).as("claim: %s", claimed.getBody()).isEqualTo(200);
    Object required = claimed.getBody().get("requiredAttachment");
    if (required != null) {
      ResponseEntity<Map<String, Object>> attached = attach(user, receiptCode, id, (String) required,
          required + ".pdf", pdf(receiptCode + " " + required));
      assertThat(attached.getStatusCode().value()).as("attach: %s", attached.getBody()).isEqualTo(201);
    }
    ResponseEntity<Map<String, Object>> done = call(user, HttpMethod.POST, "/api/v1/tasks/" + id + "/complete",
        Map.of("variables", values));
    assertThat(done.getStatusCode().value()).as("complete %s: %s", taskKey, done.getBody()).isEqualTo(200);
    return done.getBody();
  }
}

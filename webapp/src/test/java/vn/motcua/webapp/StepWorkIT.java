package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An officer's work on steps: files a step requires (enforced whatever the channel), bulk claiming, delegation,
 * batch approval where the model allows it, comments, and every action in the audit trail.
 */
class StepWorkIT extends PostgresIntegrationTest {

  private Api api;

  @Autowired
  private JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  /** A birth dossier received by the commune counter and waiting for appraisal. */
  private String atAppraisal() {
    String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    return code;
  }

  private String taskId(String user, String code, String key) {
    return (String) api.task(user, code, key).get("id");
  }

  @Test
  void shouldRefuseToCompleteAStepWithoutTheFileItsModelRequiresAndAcceptItOnceAttached() {
    // given
    String code = atAppraisal();
    String id = taskId("thuyhung.tuphap", code, "Task_Appraise");
    Map<String, Object> propose = Map.of("variables", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện"));

    // when
    ResponseEntity<Map<String, Object>> refused = api.call("thuyhung.tuphap", HttpMethod.POST,
        "/api/v1/tasks/" + id + "/complete", propose);

    // then
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("Bước này cần đính kèm: Dự thảo văn bản");
    assertThat(api.task("thuyhung.tuphap", code, "Task_Appraise")).containsEntry("id", id);

    // when: the draft is attached at this step
    ResponseEntity<Map<String, Object>> attached = api.attach("thuyhung.tuphap", code, id, "DRAFT",
        "Dự thảo giấy khai sinh.pdf", Api.pdf("Giấy khai sinh"));
    assertThat(attached.getStatusCode().value()).isEqualTo(201);
    ResponseEntity<Map<String, Object>> done = api.call("thuyhung.tuphap", HttpMethod.POST,
        "/api/v1/tasks/" + id + "/complete", propose);

    // then
    assertThat(done.getStatusCode().value()).isEqualTo(200);
    assertThat(done.getBody()).containsEntry("currentStage", "APPROVE");
  }

  @Test
  void shouldNotNeedTheFileWhenTheDecisionDoesNotCallForIt() {
    // given
    String code = atAppraisal();
    String id = taskId("thuyhung.tuphap", code, "Task_Appraise");

    // when: asking for a supplement needs no draft
    ResponseEntity<Map<String, Object>> done = api.call("thuyhung.tuphap", HttpMethod.POST,
        "/api/v1/tasks/" + id + "/complete", Map.of("variables", Map.of("appraisal", "SUPPLEMENT",
            "appraisalNote", "Thiếu", "missingDocuments", "Giấy chứng sinh")));

    // then
    assertThat(done.getStatusCode().value()).isEqualTo(200);
    assertThat(done.getBody()).containsEntry("status", "AWAITING_SUPPLEMENT");
  }

  @Test
  void shouldEnforceTheSameRulesWhenTheStepIsCompletedOutsideMotcua() {
    // given: the engine REST API, the path Camunda Tasklist and scripts take
    String code = atAppraisal();
    String id = taskId("thuyhung.tuphap", code, "Task_Appraise");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> body = Map.of("variables", Map.of(
        "appraisal", Map.of("value", "PROPOSE_APPROVE", "type", "String"),
        "appraisalNote", Map.of("value", "Đủ", "type", "String")));

    // when
    ResponseEntity<String> missingFile = as("admin").postForEntity("/engine-rest/task/" + id + "/complete",
        new HttpEntity<>(body, headers), String.class);
    ResponseEntity<String> badDecision = as("admin").postForEntity("/engine-rest/task/" + id + "/complete",
        new HttpEntity<>(Map.of("variables", Map.of("appraisal", Map.of("value", "WHATEVER", "type", "String"))),
            headers), String.class);

    // then
    assertThat(missingFile.getStatusCode().value()).as(missingFile.getBody()).isEqualTo(400);
    assertThat(missingFile.getBody()).contains("Dự thảo văn bản");
    assertThat(badDecision.getStatusCode().value()).as(badDecision.getBody()).isEqualTo(400);
    assertThat(badDecision.getBody()).contains("Kết quả thẩm định");
    assertThat(api.task("thuyhung.tuphap", code, "Task_Appraise")).containsEntry("id", id);
  }

  @Test
  void shouldClaimSeveralTasksAndSayWhichCouldNotBeClaimed() {
    // given: three new dossiers at the commune counter, one already held by a colleague
    List<String> ids = Arrays.asList(new String[3]);
    for (int i = 0; i < 3; i++) {
      String code = (String) api.submit("citizen", dossierRequest("2.000635", "06148")).get("receiptCode");
      ids.set(i, taskId("thuyhung.motcua", code, "Task_CheckCompleteness"));
    }
    api.call("thuyhung.motcua2", HttpMethod.POST, "/api/v1/tasks/" + ids.get(2) + "/claim", null);

    // when
    ResponseEntity<List> outcomes = as("thuyhung.motcua").exchange("/api/v1/tasks/claim", HttpMethod.POST,
        json(Map.of("taskIds", ids)), List.class);

    // then
    assertThat(outcomes.getStatusCode().value()).isEqualTo(200);
    assertThat(outcomes.getBody()).extracting(o -> ((Map<?, ?>) o).get("status")).containsExactly(200, 200, 409);
  }

  @Test
  void shouldHandATaskToAColleagueOfTheSameGroupOnlyAndAuditIt() {
    // given
    String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    String id = taskId("thuyhung.motcua", code, "Task_CheckCompleteness");
    assertThat(as("thuyhung.motcua").getForEntity("/api/v1/tasks/" + id + "/colleagues", List.class).getBody())
        .containsExactly("thuyhung.motcua2");

    // when
    ResponseEntity<Map<String, Object>> outsider = api.call("thuyhung.motcua", HttpMethod.POST,
        "/api/v1/tasks/" + id + "/delegate", Map.of("to", "thuyhung.chutich"));
    ResponseEntity<Map<String, Object>> colleague = api.call("thuyhung.motcua", HttpMethod.POST,
        "/api/v1/tasks/" + id + "/delegate", Map.of("to", "thuyhung.motcua2"));

    // then
    assertThat(outsider.getStatusCode().value()).isEqualTo(400);
    assertThat(colleague.getStatusCode().value()).isEqualTo(200);
    assertThat(colleague.getBody()).containsEntry("assignee", "thuyhung.motcua2");
    assertThat(history(code, "audit")).anySatisfy(entry -> assertThat(entry)
        .containsEntry("action", "TASK_DELEGATED").containsEntry("actor", "thuyhung.motcua")
        .containsEntry("detail", "thuyhung.motcua2"));
  }

  @Test
  void shouldSignSeveralDossiersWithOneDecisionWhereTheProcedureAllowsIt() {
    // given: two birth registrations and a marriage registration waiting for the commune chairman
    List<String> codes = List.of(proposed("1.001193"), proposed("1.001193"), proposed("1.000894"));
    List<String> ids = codes.stream().map(code -> taskId("thuyhung.chutich", code, "Task_Approve")).toList();

    // when
    ResponseEntity<List> outcomes = as("thuyhung.chutich").exchange("/api/v1/tasks/complete", HttpMethod.POST,
        json(Map.of("taskIds", ids, "variables", Map.of("approval", "SIGN"))), List.class);

    // then: each birth dossier was signed on its own; marriage needs both parties present, so no batch
    assertThat(outcomes.getBody()).extracting(o -> ((Map<?, ?>) o).get("status")).containsExactly(200, 200, 422);
    api.dossierOnceIn("citizen", codes.get(0), "AWAITING_RETURN");
    api.dossierOnceIn("citizen", codes.get(1), "AWAITING_RETURN");
    assertThat(api.dossier("citizen", codes.get(2))).containsEntry("currentStage", "APPROVE");
    assertThat(history(codes.get(1), "audit")).anySatisfy(entry -> assertThat(entry)
        .containsEntry("action", "TASK_COMPLETED").containsEntry("actor", "thuyhung.chutich")
        .containsEntry("step", "Task_Approve"));
  }

  @Test
  void shouldKeepCommentsAndEveryActionInTheAuditTrail() {
    // given
    String code = atAppraisal();

    // when
    ResponseEntity<Map<String, Object>> commented = api.call("thuyhung.tuphap", HttpMethod.POST,
        "/api/v1/dossiers/" + code + "/comments", Map.of("text", "Đã gọi điện xác nhận với gia đình."));
    ResponseEntity<Map<String, Object>> citizen = api.call("citizen", HttpMethod.POST,
        "/api/v1/dossiers/" + code + "/comments", Map.of("text", "Xin hỏi bao giờ xong?"));
    ResponseEntity<Map<String, Object>> empty = api.call("thuyhung.tuphap", HttpMethod.POST,
        "/api/v1/dossiers/" + code + "/comments", Map.of("text", "  "));

    // then
    assertThat(commented.getStatusCode().value()).isEqualTo(201);
    assertThat(citizen.getStatusCode().value()).isEqualTo(403);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(history(code, "comments")).singleElement().satisfies(c -> assertThat(c)
        .containsEntry("author", "thuyhung.tuphap").containsEntry("text", "Đã gọi điện xác nhận với gia đình."));
    assertThat(history(code, "audit")).extracting(e -> e.get("action"))
        .containsSubsequence("SUBMITTED", "TASK_CLAIMED", "TASK_COMPLETED", "COMMENTED");
    assertThat(history(code, "audit")).filteredOn(e -> "TASK_COMPLETED".equals(e.get("action")))
        .first().satisfies(e -> assertThat(e.get("detail").toString()).contains("\"completeness\":\"COMPLETE\""));
  }

  @Test
  void shouldStoreOnlyRealPdfJpegOrPngWithACleanNameAndServeItSafely() {
    // given
    String code = atAppraisal();
    long before = jdbc.queryForObject("select count(*) from dossier_document", Long.class);

    // when: a script disguised as a PDF, an empty file, a file too large, a wrong kind
    ResponseEntity<Map<String, Object>> disguised = api.attach("thuyhung.tuphap", code, null, "SCAN",
        "giay-to.pdf", "<script>alert(1)</script>".getBytes());
    ResponseEntity<Map<String, Object>> emptyFile = api.attach("thuyhung.tuphap", code, null, "SCAN",
        "rong.pdf", new byte[0]);
    byte[] huge = new byte[21 * 1024 * 1024];
    System.arraycopy(Api.pdf("x"), 0, huge, 0, 8);
    ResponseEntity<Map<String, Object>> tooLarge = api.attach("thuyhung.tuphap", code, null, "SCAN", "lon.pdf", huge);
    ResponseEntity<Map<String, Object>> badKind = api.attach("thuyhung.tuphap", code, null, "../etc", "a.pdf",
        Api.pdf("a"));

    // then
    assertThat(disguised.getStatusCode().value()).isEqualTo(415);
    assertThat(emptyFile.getStatusCode().value()).isEqualTo(400);
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(badKind.getStatusCode().value()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from dossier_document", Long.class)).isEqualTo(before);

    // when: a real PNG under a name that climbs out of its folder
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
    ResponseEntity<Map<String, Object>> hostile = api.attach("thuyhung.tuphap", code, null, "SCAN",
        "../../etc/<script>Giấy chứng sinh.png", png);

    // then: refused, nothing stored
    assertThat(hostile.getStatusCode().value()).isEqualTo(400);
    assertThat(hostile.getBody()).containsEntry("detail",
        "Tên tệp không hợp lệ: không được chứa thư mục (/, \\, ..), ký tự điều khiển hoặc các ký tự < > : \" | ? *.");
    assertThat(jdbc.queryForObject("select count(*) from dossier_document", Long.class)).isEqualTo(before);

    // when: the PNG under the name the phone gave it, with another extension
    ResponseEntity<Map<String, Object>> stored = api.attach("thuyhung.tuphap", code, null, "SCAN",
        "Giấy chứng sinh.exe", png);

    // then: stored under the extension of what it is
    assertThat(stored.getStatusCode().value()).isEqualTo(201);
    assertThat(stored.getBody()).containsEntry("fileName", "Giấy chứng sinh.png")
        .containsEntry("contentType", "image/png");
    ResponseEntity<byte[]> served = as("thuyhung.tuphap").getForEntity(
        "/api/v1/documents/" + stored.getBody().get("id") + "/content", byte[].class);
    assertThat(served.getBody()).isEqualTo(png);
    assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(served.getHeaders().getContentType().toString()).isEqualTo("image/png");
    assertThat(as("thuonglam.motcua").getForEntity("/api/v1/documents/" + stored.getBody().get("id") + "/content",
        String.class).getStatusCode().value()).isEqualTo(404);
  }

  /** A dossier of the procedure whose appraisal proposed approval, waiting for the commune chairman. */
  private String proposed(String procedure) {
    String code = atAppraisalOf(procedure);
    api.complete("thuyhung.tuphap", code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện"));
    return code;
  }

  private String atAppraisalOf(String procedure) {
    String code = (String) api.submit("citizen", dossierRequest(procedure, "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    return code;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> history(String code, String part) {
    return (List<Map<String, Object>>) api.call("thuyhung.tuphap", HttpMethod.GET,
        "/api/v1/dossiers/" + code + "/history", null).getBody().get(part);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}

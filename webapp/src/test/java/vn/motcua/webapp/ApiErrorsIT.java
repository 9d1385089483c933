package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a clear 4xx in the caller's language and changes nothing. */
class ApiErrorsIT extends PostgresIntegrationTest {

  private Api api;

  @Autowired
  private JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  private static Map<String, Object> birth(String commune) {
    return dossierRequest("1.001193", commune);
  }

  private long dossierCount() {
    return jdbc.queryForObject("select count(*) from dossier", Long.class);
  }

  @SuppressWarnings("unchecked")
  private static List<String> fields(ResponseEntity<Map<String, Object>> response) {
    return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
        .map(e -> (String) e.get("field")).toList();
  }

  @Test
  void shouldListEveryWrongFieldInVietnameseWhenASubmissionIsInvalid() {
    // given
    long before = dossierCount();
    Map<String, Object> request = new HashMap<>();
    request.put("communeCode", "6148");
    request.put("applicant", Map.of("fullName", "<script>alert(1)</script>", "idNumber", "12345",
        "phone", "12", "email", "not-an-email"));
    request.put("circumstances", List.of("no spaces allowed"));
    request.put("copies", 0);

    // when
    ResponseEntity<Map<String, Object>> response = api.call("citizen", HttpMethod.POST, "/api/v1/dossiers", request);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(response)).contains("procedureCode", "communeCode", "applicant.fullName",
        "applicant.idNumber", "applicant.phone", "applicant.email", "circumstances[0]", "copies");
    assertThat(response.getBody().get("detail").toString()).contains("Dữ liệu chưa hợp lệ");
    assertThat(response.getBody().toString()).contains("Số định danh cá nhân gồm đúng 12 chữ số");
    assertThat(dossierCount()).isEqualTo(before);
  }

  @Test
  void shouldAnswerInEnglishWhenTheCallerAsksForIt() {
    // given
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
    Map<String, Object> request = birth("06148");
    request.put("procedureCode", "9.999999");

    // when
    ResponseEntity<Map> response = as("citizen").exchange("/api/v1/dossiers", HttpMethod.POST,
        new HttpEntity<>(request, headers), Map.class);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(response.getBody().get("detail")).isEqualTo("There is no procedure with code 9.999999.");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "GET, /api/v1/dossiers/X06148-000000-0000, 404, error.dossier.notFound",
      "GET, /api/v1/procedures/9.999999, 404, error.procedure.notFound",
      "POST, /api/v1/tasks/no-such-task/claim, 404, error.task.notFound",
      "POST, /api/v1/dossiers/X06148-000000-0000/supplements, 404, error.dossier.notFound",
      "GET, /api/v1/dossiers?size=1000, 400, error.page",
      "GET, /api/v1/nothing-here, 404, error.noResource",
  })
  void shouldRefuseUnknownThingsWithAProblemAndCode(String method, String path, int status, String code) {
    // when
    ResponseEntity<Map<String, Object>> response = api.call("citizen", HttpMethod.valueOf(method), path, null);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getBody()).containsEntry("code", code);
  }

  @Test
  void shouldRefuseACommuneThatNoLongerExists() {
    // when: xã Khuôn Hà (Lâm Bình district) ceased on 30 June 2025, taken into xã Thượng Lâm
    ResponseEntity<Map<String, Object>> response = api.call("citizen", HttpMethod.POST, "/api/v1/dossiers",
        birth("02251"));

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).containsEntry("code", "error.commune.unknown");
  }

  @Test
  void shouldRefuseMalformedJsonWithoutStoringAnything() {
    // given
    long before = dossierCount();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    // when
    ResponseEntity<Map> response = as("citizen").exchange("/api/v1/dossiers", HttpMethod.POST,
        new HttpEntity<>("{\"procedureCode\": \"1.001193\", \"applicant\": [", headers), Map.class);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).containsEntry("code", "error.unreadable");
    assertThat(dossierCount()).isEqualTo(before);
  }

  @Test
  void shouldAskForCredentialsWhenNoneAreGiven() {
    // when
    ResponseEntity<Map> response = rest.getForEntity("/api/v1/tasks", Map.class);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(response.getBody().get("detail").toString()).contains("đăng nhập");
  }

  @Test
  void shouldKeepTheEngineApiForAdministratorsReformOfficersAndWorkers() {
    // when / then
    assertThat(api.call("citizen", HttpMethod.GET, "/engine-rest/task", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(api.call("thuyhung.motcua", HttpMethod.GET, "/engine-rest/task", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(as("caicach.langson").getForEntity("/engine-rest/engine", String.class).getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void shouldRefuseWrongPassword() {
    // when (a user no other test signs in as: the engine delays the next sign-in after a failure)
    ResponseEntity<Map> response = rest.withBasicAuth("thatkhe.chutich", "wrong").getForEntity("/api/v1/tasks",
        Map.class);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void shouldNotLetCitizensRecordCounterDossiersNorOfficersSubmitOnline() {
    // given
    Map<String, Object> counter = birth("06148");
    counter.put("channel", "COUNTER");

    // when / then
    ResponseEntity<Map<String, Object>> citizen = api.call("citizen", HttpMethod.POST, "/api/v1/dossiers", counter);
    assertThat(citizen.getStatusCode().value()).isEqualTo(400);
    assertThat(citizen.getBody()).containsEntry("code", "error.channel.citizenOnline");
    ResponseEntity<Map<String, Object>> officer = api.call("thuyhung.tuphap", HttpMethod.POST, "/api/v1/dossiers",
        counter);
    assertThat(officer.getStatusCode().value()).isEqualTo(403);
    assertThat(officer.getBody()).containsEntry("code", "error.counter.none");
  }

  @Test
  void shouldHideDossiersFromOfficersOfOtherAgenciesAndOtherCitizens() {
    // given
    String code = (String) api.submit("citizen", birth("06148")).get("receiptCode");

    // when / then: to whom it is not for, a dossier is answered as one that does not exist (finding 5 of the
    // integrity probe: "not yours" told that a receipt code exists)
    ResponseEntity<Map<String, Object>> foreign = api.call("thuonglam.motcua", HttpMethod.GET, "/api/v1/dossiers/"
        + code, null);
    ResponseEntity<Map<String, Object>> missing = api.call("thuonglam.motcua", HttpMethod.GET, "/api/v1/dossiers/"
        + code.substring(0, code.length() - 4) + "9999", null);
    assertThat(foreign.getStatusCode().value()).isEqualTo(404);
    assertThat(foreign.getBody().get("detail").toString().replace(code, "?"))
        .isEqualTo(missing.getBody().get("detail").toString().replaceAll("\\S+-9999", "?"));
    assertThat(foreign.getBody().get("code")).isEqualTo(missing.getBody().get("code"));
    assertThat(api.call("tranthibinh", HttpMethod.GET, "/api/v1/dossiers/" + code, null)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(api.call("thuyhung.motcua", HttpMethod.GET, "/api/v1/dossiers/" + code, null)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(api.call("giamsat.thuyhung", HttpMethod.GET, "/api/v1/dossiers/" + code, null)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(api.tasks("thuonglam.motcua")).noneMatch(t -> code.equals(t.get("receiptCode")));
  }

  @Test
  void shouldAnswerConflictWhenATaskIsHeldBySomeoneElseOrAlreadyDone() {
    // given: a birth dossier waiting at the commune specialist
    String code = (String) api.submit("citizen", birth("06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    String taskId = (String) api.task("thuyhung.tuphap", code, "Task_Appraise").get("id");
    api.call("thuyhung.tuphap", HttpMethod.POST, "/api/v1/tasks/" + taskId + "/claim", null);

    // when: the leader, who is not a candidate, tries; then a colleague holding nothing tries
    ResponseEntity<Map<String, Object>> foreign = api.call("thuyhung.chutich", HttpMethod.POST,
        "/api/v1/tasks/" + taskId + "/complete", Map.of("variables", Map.of("appraisal", "PROPOSE_APPROVE")));

    // then
    assertThat(foreign.getStatusCode().value()).isEqualTo(403);

    // when: the specialist completes it twice
    api.attach("thuyhung.tuphap", code, taskId, "DRAFT", "du-thao.pdf", Api.pdf("dự thảo"));
    Map<String, Object> values = Map.of("variables", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện"));
    assertThat(api.call("thuyhung.tuphap", HttpMethod.POST, "/api/v1/tasks/" + taskId + "/complete", values)
        .getStatusCode().value()).isEqualTo(200);
    ResponseEntity<Map<String, Object>> again = api.call("thuyhung.tuphap", HttpMethod.POST,
        "/api/v1/tasks/" + taskId + "/complete", values);

    // then
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody()).containsEntry("code", "error.task.alreadyCompleted");
  }

  @Test
  void shouldRefuseFieldsOutsideTheStepsFormWithoutTouchingTheTask() {
    // given
    String code = (String) api.submit("citizen", birth("06148")).get("receiptCode");
    String taskId = (String) api.task("thuyhung.motcua", code, "Task_CheckCompleteness").get("id");
    assertThat(api.call("thuyhung.motcua", HttpMethod.POST, "/api/v1/tasks/" + taskId + "/claim", null)
        .getStatusCode().value()).isEqualTo(200);

    // when: the holder completes it with a field that is not on the step's form
    ResponseEntity<Map<String, Object>> invalid = api.call("thuyhung.motcua", HttpMethod.POST,
        "/api/v1/tasks/" + taskId + "/complete", Map.of("variables", Map.of("completeness", "COMPLETE",
            "dossierDeadline", "2030-01-01")));

    // then: unknown fields never reach the engine
    assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(invalid)).containsExactly("dossierDeadline");
    assertThat(api.task("thuyhung.motcua", code, "Task_CheckCompleteness")).containsEntry("assignee", "thuyhung.motcua");
  }

  @Test
  void shouldAnswerConflictWhenAColleagueHoldsTheTask() {
    // given: both counter officers of Thụy Hùng commune see the new dossier; one claims it
    String code = (String) api.submit("citizen", birth("06148")).get("receiptCode");
    String taskId = (String) api.task("thuyhung.motcua2", code, "Task_CheckCompleteness").get("id");
    assertThat(api.call("thuyhung.motcua", HttpMethod.POST, "/api/v1/tasks/" + taskId + "/claim", null)
        .getStatusCode().value()).isEqualTo(200);

    // when
    ResponseEntity<Map<String, Object>> claim = api.call("thuyhung.motcua2", HttpMethod.POST,
        "/api/v1/tasks/" + taskId + "/claim", null);
    ResponseEntity<Map<String, Object>> complete = api.call("thuyhung.motcua2", HttpMethod.POST,
        "/api/v1/tasks/" + taskId + "/complete", Map.of("variables", Map.of("completeness", "COMPLETE")));

    // then
    assertThat(claim.getStatusCode().value()).isEqualTo(409);
    assertThat(claim.getBody().get("detail").toString()).contains("thuyhung.motcua");
    assertThat(complete.getStatusCode().value()).isEqualTo(409);
    assertThat(api.dossier("citizen", code)).containsEntry("status", "SUBMITTED");
  }

  @Test
  void shouldAnswerConflictWhenSupplementingADossierThatWasNotAskedFor() {
    // given
    String code = (String) api.submit("citizen", birth("06148")).get("receiptCode");

    // when
    ResponseEntity<Map<String, Object>> response = api.call("citizen", HttpMethod.POST,
        "/api/v1/dossiers/" + code + "/supplements", null);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat(response.getBody()).containsEntry("code", "error.supplement.notAwaited");
  }
}

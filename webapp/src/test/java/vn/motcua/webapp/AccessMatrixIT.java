package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who may read and change what, in tables: reading endpoints of the API and pages, the API's changes and the pages'
 * forms, for every role, with two agencies (or jurisdictions, or citizens) on each side of a dossier of Thụy Hùng commune — its owner
 * and another citizen, its commune's counter, specialist and leader and another commune's counter, the supervisor of
 * its district and one of another province, a reform officer, an administrator, and nobody signed in. {@code Y}:
 * answered; {@code N}: refused (401, 403, 404, or the sign-in page); {@code C}: allowed, but not in this state (409).
 * The engine's own API and the Camunda webapps are {@link EngineAccessIT}'s.
 */
class AccessMatrixIT extends PostgresIntegrationTest {

  /** The people of the table's columns, in order. */
  private static final List<String> PEOPLE = List.of("-", "citizen", "tranthibinh", "thuyhung.motcua",
      "thatkhe.motcua", "thuyhung.tuphap", "thuyhung.chutich", "giamsat.thuyhung", "giamsat.trucninh",
      "caicach.langson", "admin");
  private static final String HEADER =
      "anon own-citizen other-citizen counter-A counter-B specialist-A leader-A supervisor-A supervisor-B reform admin";

  @LocalServerPort
  private int port;
  @Autowired
  private TaskService tasks;
  @Autowired
  private RepositoryService repository;
  @Autowired
  private vn.motcua.webapp.citizen.IdentityLookups lookups;
  @Autowired
  private org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void shouldAnswerEachReaderOnlyWhatTheirRoleAndPlaceAllow() {
    // given: a birth registration of Thụy Hùng commune at its counter, with a scanned component
    Api api = new Api(rest);
    String d = birthRegistration(api);
    String t = counterCheck(d);
    String doc = String.valueOf(api.attach("thuyhung.motcua", d, t, "SCAN", "to-khai.pdf", Api.pdf("tờ khai"))
        .getBody().get("id"));
    // and one decided by its chairman, whose result the signing service has signed
    String s = birthRegistration(api);
    api.complete("thuyhung.motcua", s, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    api.complete("thuyhung.tuphap", s, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện"));
    api.complete("thuyhung.chutich", s, "Task_Approve", Map.of("approval", "SIGN"));
    api.task("thuyhung.motcua", s, "Task_ReturnResult");
    List<?> documents = as("citizen").getForObject("/api/v1/dossiers/" + s + "/documents", List.class);
    String signed = documents.stream().map(Map.class::cast).filter(document -> document.get("signedFrom") != null)
        .map(document -> String.valueOf(document.get("id"))).findFirst().orElseThrow();
    String model = repository.createProcessDefinitionQuery().processDefinitionKey("birthRegistration")
        .latestVersion().singleResult().getId();
    // and the applicant's look-up in the population registry, which only they may read the answer of
    String lookup = lookups.start("020190001234", "citizen");

    // the table: path, then Y/N for each person of PEOPLE
    Map<String, String> api1 = new LinkedHashMap<>();
    api1.put("/api/v1/procedures", "Y Y Y Y Y Y Y Y Y Y Y");
    api1.put("/api/v1/procedures/1.001193", "Y Y Y Y Y Y Y Y Y Y Y");
    api1.put("/api/v1/dossiers", "N Y Y Y Y Y Y Y Y Y Y");
    api1.put("/api/v1/dossiers/" + d, "N Y N Y N Y Y Y N Y Y");
    api1.put("/api/v1/dossiers/" + d + "/history", "N Y N Y N Y Y Y N Y Y");
    api1.put("/api/v1/dossiers/" + d + "/documents", "N Y N Y N Y Y Y N Y Y");
    api1.put("/api/v1/dossiers/" + d + "/fee-payments", "N Y N Y N Y Y Y N Y Y");
    api1.put("/api/v1/documents/" + doc + "/content", "N Y N Y N Y Y Y N Y Y");
    api1.put("/api/v1/documents/" + signed + "/content", "N Y N Y N Y Y Y N Y Y");
    api1.put("/api/v1/documents/" + signed + "/signature", "N Y N Y N Y Y Y N Y Y");
    api1.put("/api/v1/tasks", "N N N Y Y Y Y Y Y Y Y");
    // a step is for its group (the commune's counter), not for the agency's other roles, supervisors or admins
    api1.put("/api/v1/tasks/" + t, "N N N Y N N N N N N N");
    api1.put("/api/v1/tasks/" + t + "/colleagues", "N N N Y N N N N N N N");
    api1.put("/api/v1/board/overview", "N N N N N N N Y Y Y Y");
    api1.put("/api/v1/board/lists/overdue", "N N N N N N N Y Y Y Y");
    api1.put("/api/v1/board/exports/lists/overdue.csv", "N N N N N N N Y Y Y Y");
    api1.put("/api/v1/board/exports/kpis.xlsx", "N N N N N N N Y Y Y Y");
    api1.put("/api/v1/board/exports/report.pdf", "N N N N N N N Y Y Y Y");
    api1.put("/engine-rest/process-definition", "N N N N N N N N N Y Y");
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/thu-tuc", "Y Y Y Y Y Y Y Y Y Y Y");
    pages.put("/thu-tuc/1.001193", "Y Y Y Y Y Y Y Y Y Y Y");
    pages.put("/thu-tuc/ma-qr", "Y Y Y Y Y Y Y Y Y Y Y");
    pages.put("/tra-cuu", "Y Y Y Y Y Y Y Y Y Y Y");
    // the published diagram of a procedure's model, which tracking shows
    pages.put("/tra-cuu/so-do/" + model, "Y Y Y Y Y Y Y Y Y Y Y");
    pages.put("/cong-dan", "N Y Y N N N N N N N N");
    pages.put("/cong-dan/nop/1.001193/giay-to", "N Y Y N N N N N N N N");
    pages.put("/cong-dan/tra-cuu-dan-cu/" + lookup, "N Y N N N N N N N N N");
    pages.put("/cong-dan/ho-so/" + d, "N Y N N N N N N N N N");
    pages.put("/cong-dan/tep/" + doc, "N Y N N N N N N N N N");
    pages.put("/cong-dan/tep/" + signed, "N Y N N N N N N N N N");
    pages.put("/workbench", "N N N Y Y Y Y Y Y Y Y");
    pages.put("/workbench/queue", "N N N Y Y Y Y Y Y Y Y");
    pages.put("/workbench/tiep-nhan", "N N N Y Y N N N N N N");
    pages.put("/workbench/tiep-nhan/1.001193/giay-to", "N N N Y Y N N N N N N");
    pages.put("/workbench/tasks/" + t, "N N N Y N N N N N N N");
    pages.put("/workbench/dossiers/" + d, "N N N Y N Y Y Y N Y Y");
    pages.put("/workbench/documents/" + doc, "N N N Y N Y Y Y N Y Y");
    pages.put("/workbench/documents/" + signed, "N N N Y N Y Y Y N Y Y");
    pages.put("/board", "N N N N N N N Y Y Y Y");
    pages.put("/board/mo-hinh", "N N N N N N N N N Y Y");
    pages.put("/board/mo-hinh/cat-giam", "N N N N N N N N N Y Y");
    pages.put("/board/mo-hinh/gia-dinh", "N N N N N N N N N Y Y");
    pages.put("/board/exports/lists/overdue.csv", "N N N N N N N Y Y Y Y");
    pages.put("/board/exports/kpis.xlsx", "N N N N N N N Y Y Y Y");
    pages.put("/board/exports/report.pdf", "N N N N N N N Y Y Y Y");
    pages.put("/board/mo-hinh/xem/bang/fee", "N N N N N N N N N Y Y");
    pages.put("/board/mo-hinh/xem/bang/fee/1/xml", "N N N N N N N N N Y Y");

    // when
    Map<String, WebSession> sessions = new LinkedHashMap<>();
    List<String> wrong = new ArrayList<>();
    api1.forEach((path, expected) -> check(path, expected, wrong, person -> api(person, path)));
    pages.forEach((path, expected) -> check(path, expected, wrong, person -> page(sessions, person, path)));

    // then
    assertThat(api1.size() + pages.size()).isEqualTo(47);
    assertThat(wrong).as("cells answered otherwise (columns: %s)", HEADER).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldLetEachPersonChangeOnlyWhatTheirRoleAndPlaceAllow() {
    // given: a birth registration and a copy certification (fee owed) of Thụy Hùng commune
    Api api = new Api(rest);
    String d = birthRegistration(api);
    String t = counterCheck(d);
    String owing = copiesOwing(api);
    String owingOnline = copiesOwing(api);
    String d2 = birthRegistration(api);
    String t2 = counterCheck(d2);
    String t3 = counterCheck(birthRegistration(api));

    // the table: what is sent, then for each person Y (done), C (allowed, but not in this state: 409) or N (refused);
    // the refused go first, so that what an allowed person does cannot hide a refusal
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"/api/v1/tasks/" + t + "/claim", null, "N N N Y N N N N N N N"});
    rows.add(new Object[] {"/api/v1/tasks/" + t + "/unclaim", null, "N N N Y N N N N N N N"});
    // comments are between those who handle the dossier
    rows.add(new Object[] {"/api/v1/dossiers/" + d + "/comments", Map.of("text", "Đề nghị kiểm tra lại tờ khai"),
        "N N N Y N Y Y N N N N"});
    rows.add(new Object[] {"/api/v1/dossiers/" + owing + "/fee-payments", Map.of("receiptNumber", "BL-0001"),
        "N N N Y N N N N N N N"});
    rows.add(new Object[] {"/api/v1/dossiers/" + d + "/rating", Map.of("score", 5), "N C N N N N N N N N N"});
    // the applicant hands a supplement in online, or at the counter, which records it
    rows.add(new Object[] {"/api/v1/dossiers/" + d + "/supplements", null, "N C N C N N N N N N N"});
    rows.add(new Object[] {"/api/v1/board/index-inputs", Map.of("unitCode", "20", "month", "2026-10",
        "component", "DataReuse", "numerator", 6, "denominator", 10), "N N N N N N N N N Y Y"});
    rows.add(new Object[] {"/api/v1/tasks/" + t + "/complete", Map.of("variables", Map.of("completeness", "COMPLETE")),
        "N N N Y N N N N N N N"});
    rows.add(new Object[] {"/api/v1/tasks/" + t2 + "/delegate", Map.of("to", "thuyhung.motcua2"),
        "N N N Y N N N N N N N"});
    rows.add(new Object[] {"/api/v1/dossiers/" + owingOnline + "/fee-payments/online", null, "N Y N N N N N N N N N"});
    rows.add(new Object[] {"/api/v1/dossiers/" + d2 + "/obligations-paid", Map.of("paymentReference", "BL-0002"),
        "N N N C N C C N N N N"});
    // files come from the applicant and the officers handling the dossier, not from those who watch over it
    rows.add(new Object[] {"upload " + d2, (java.util.function.Function<String, Integer>) person -> upload(person, d2),
        "N Y N Y N Y Y N N N N"});
    rows.add(new Object[] {"deploy fee.dmn", (java.util.function.Function<String, Integer>) person ->
        Models.deploy(person.equals("-") ? rest : as(person), "fee unchanged",
            Map.of("fee.dmn", Models.shipped("decisions/fee.dmn"))).getStatusCode().value(),
        "N N N N N N N N N Y Y"});
    // several tasks claimed at once: the answer says, for each, what happened (here the one task's status)
    rows.add(new Object[] {"/api/v1/tasks/claim", (java.util.function.Function<String, Integer>) person ->
        batchOutcome(person, "/api/v1/tasks/claim", Map.of("taskIds", List.of(t3))), "N N N Y N N N N N N N"});

    // when
    List<String> wrong = new ArrayList<>();
    for (Object[] row : rows) {
      String path = (String) row[0];
      String[] cells = ((String) row[2]).split(" ");
      String[] got = new String[cells.length];
      boolean differs = false;
      for (int i : refusedFirst(cells)) {
        int status = row[1] instanceof java.util.function.Function<?, ?> send
            ? ((java.util.function.Function<String, Integer>) send).apply(PEOPLE.get(i))
            : post(PEOPLE.get(i), path, row[1]);
        String cell = status >= 200 && status < 300 ? "Y" : status == 409 ? "C" : "N";
        got[i] = cell + "(" + status + ")";
        differs |= !cell.equals(cells[i]) || cell.equals("N") && status != 401 && status != 403 && status != 404;
      }
      if (differs) {
        wrong.add(path + ": expected " + row[2] + ", got " + String.join(" ", got));
      }
    }

    // then
    assertThat(wrong).as("cells answered otherwise (columns: %s)", HEADER).isEmpty();
  }

  @Test
  void shouldLetEachPersonSendOnlyThePageFormsTheirRoleAndPlaceAllow() {
    // given: a birth registration waiting at the counter, another for delegation, and a copy certification whose fee
    // is owed at the counter and one owed online, all of Thụy Hùng commune
    Api api = new Api(rest);
    String d = birthRegistration(api);
    String t = counterCheck(d);
    String d2 = birthRegistration(api);
    String t2 = counterCheck(d2);
    String t3 = counterCheck(birthRegistration(api));
    String owing = copiesOwing(api);
    String owingOnline = copiesOwing(api);
    WebSession.FilePart page = new WebSession.FilePart("trang.pdf", Api.pdf("trang"));
    // and a draft of an e-form the applicant saved, which only they may remove
    Long draft = jdbc.queryForObject("insert into application_draft (owner, procedure_code, fields, saved_at)"
        + " values ('citizen', '1.001193', '{}', current_timestamp) returning id", Long.class);

    // the table: the form a page sends, then for each person Y (let through: done, or answered why not now — 409 or
    // a validation message) or N (refused: 401, 403, 404, or sent to the sign-in page); the refused go first
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"/workbench/tasks/" + t + "/claim", Map.of(), "N N N Y N N N N N N N"});
    rows.add(new Object[] {"/workbench/tasks/" + t + "/unclaim", Map.of(), "N N N Y N N N N N N N"});
    rows.add(new Object[] {"/workbench/tasks/" + t + "/comments", Map.of("text", "Đề nghị kiểm tra lại tờ khai"),
        "N N N Y N N N N N N N"});
    rows.add(new Object[] {"/workbench/tasks/" + t2 + "/delegate", Map.of("to", "thuyhung.motcua2"),
        "N N N Y N N N N N N N"});
    rows.add(new Object[] {"/workbench/dossiers/" + owing + "/phi", Map.of("receiptNumber", "BL-0003"),
        "N N N Y N N N N N N N"});
    // the reception is for counters, each recording at its own (an empty form gets the form's messages)
    rows.add(new Object[] {"/workbench/tiep-nhan/1.001193", Map.of(), "N N N Y Y N N N N N N"});
    rows.add(new Object[] {"/workbench/tasks/" + t + "/complete", Map.of("completeness", "COMPLETE"),
        "N N N Y N N N N N N N"});
    rows.add(new Object[] {"/cong-dan/nop/1.001193", Map.of(), "N Y Y N N N N N N N N"});
    rows.add(new Object[] {"/cong-dan/ho-so/" + d + "/danh-gia", Map.of("score", "5"), "N Y N N N N N N N N N"});
    rows.add(new Object[] {"/cong-dan/ho-so/" + d2 + "/bo-sung", Map.of("files", page), "N Y N N N N N N N N N"});
    rows.add(new Object[] {"/cong-dan/ho-so/" + owingOnline + "/thanh-toan", Map.of(), "N Y N N N N N N N N N"});
    rows.add(new Object[] {"/board/mo-hinh", Map.of("name", "trống"), "N N N N N N N N N Y Y"});
    rows.add(new Object[] {"/board/mo-hinh/gia-dinh", Map.of("months", "3"), "N N N N N N N N N Y Y"});
    rows.add(new Object[] {"/board/mo-hinh/du-lieu", Map.of(), "N N N N N N N N N Y Y"});
    // (a version that is no number: the form is answered with why, and nothing is moved)
    rows.add(new Object[] {"/board/mo-hinh/chuyen/birthRegistration", Map.of("from", "v?"),
        "N N N N N N N N N Y Y"});
    // the citizen asks the population registry for their own data, to fill the e-form
    rows.add(new Object[] {"/cong-dan/tra-cuu-dan-cu", Map.of(), "N Y Y N N N N N N N N"});
    rows.add(new Object[] {"/cong-dan/nhap/" + draft + "/xoa", Map.of(), "N Y N N N N N N N N N"});
    rows.add(new Object[] {"/workbench/tasks/" + t3 + "/documents", Map.of("kind", "SCAN", "file", page),
        "N N N Y N N N N N N N"});
    // the queue's actions on several tasks answer, for each, what happened; the panel of several steps only shows
    // the steps that are the person's
    rows.add(new Object[] {"/workbench/tasks/batch", Map.of("taskIds", t3), "N N N Y N N N N N N N"});
    rows.add(new Object[] {"/workbench/tasks/claim", Map.of("taskIds", t3), "N N N Y Y Y Y Y Y Y Y"});
    rows.add(new Object[] {"/workbench/tasks/batch/complete", Map.of("taskIds", t3), "N N N Y Y Y Y Y Y Y Y"});

    // when
    Map<String, WebSession> sessions = new LinkedHashMap<>();
    List<String> wrong = new ArrayList<>();
    for (Object[] row : rows) {
      String path = (String) row[0];
      String[] cells = ((String) row[2]).split(" ");
      String[] got = new String[cells.length];
      boolean differs = false;
      for (int i : refusedFirst(cells)) {
        HttpResponse<String> answer = form(sessions, PEOPLE.get(i), path, (Map<?, ?>) row[1]);
        int status = answer.statusCode();
        boolean refused = status == 401 || status == 403 || status == 404
            || status == 302 && answer.headers().firstValue("Location").orElse("").contains("/login");
        got[i] = (refused ? "N" : "Y") + "(" + status + ")";
        differs |= refused != cells[i].equals("N") || status >= 500;
      }
      if (differs) {
        wrong.add(path + ": expected " + row[2] + ", got " + String.join(" ", got));
      }
    }

    // then
    assertThat(wrong).as("cells answered otherwise (columns: %s)", HEADER).isEmpty();
  }

  /** A page's form as the person's browser sends it: with the session and the page's CSRF token. */
  @SuppressWarnings("unchecked")
  private HttpResponse<String> form(Map<String, WebSession> sessions, String person, String path, Map<?, ?> fields) {
    if (person.equals("-")) {
      try {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + path)).header("Content-Type",
            "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException | InterruptedException failed) {
        throw new IllegalStateException(failed);
      }
    }
    WebSession session = sessions.computeIfAbsent(person, p -> new WebSession(port, p));
    if (fields.values().stream().anyMatch(WebSession.FilePart.class::isInstance) || path.startsWith("/board/mo-hinh")
        || path.startsWith("/cong-dan/nop") || path.startsWith("/workbench/tiep-nhan")) {
      return session.postMultipart("/login", path, (Map<String, ?>) fields);
    }
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach((name, value) -> values.put((String) name, (String) value));
    return session.post("/login", path, values);
  }

  /** The columns in the order to send them: the refused first, so that what an allowed person does cannot hide one. */
  private static List<Integer> refusedFirst(String[] cells) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      if (cells[i].equals("N")) {
        order.add(i);
      }
    }
    for (int i = 0; i < cells.length; i++) {
      if (!cells[i].equals("N")) {
        order.add(i);
      }
    }
    return order;
  }

  /** A birth registration of Thụy Hùng commune, submitted online by its applicant: the receipt code. */
  private static String birthRegistration(Api api) {
    return (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
  }

  /** A copy certification of Thụy Hùng commune whose fee is owed: the receipt code. */
  private static String copiesOwing(Api api) {
    return (String) api.submitOwing("citizen", dossierRequest("2.000815", "06148", "copies", 1, "pages", 2))
        .get("receiptCode");
  }

  /** The dossier's completeness check at the counter: the task id. */
  private String counterCheck(String receiptCode) {
    return tasks.createTaskQuery().processInstanceBusinessKey(receiptCode)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();
  }

  /** A scanned page filed with the dossier through the API. */
  private int upload(String person, String receiptCode) {
    org.springframework.util.MultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
    form.add("kind", "SCAN");
    form.add("file", new org.springframework.core.io.ByteArrayResource(Api.pdf("trang")) {
      @Override
      public String getFilename() {
        return "trang.pdf";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return (person.equals("-") ? rest : as(person)).exchange("/api/v1/dossiers/" + receiptCode + "/documents",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class).getStatusCode().value();
  }

  private int post(String person, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return (person.equals("-") ? rest : as(person))
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
  }

  /** The status of the one task of a batch as the answer tells it, or the answer's own status when refused. */
  private int batchOutcome(String person, String path, Object body) {
    ResponseEntity<String> answer = (person.equals("-") ? rest : as(person)).postForEntity(path, body, String.class);
    try {
      return answer.getStatusCode().is2xxSuccessful()
          ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.getBody()).get(0).get("status").asInt()
          : answer.getStatusCode().value();
    } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
      throw new IllegalStateException(answer.getBody(), unreadable);
    }
  }

  private void check(String path, String expected, List<String> wrong, java.util.function.Function<String, Integer> ask) {
    String[] cells = expected.split(" ");
    assertThat(cells).as(path).hasSize(PEOPLE.size());
    StringBuilder got = new StringBuilder();
    boolean differs = false;
    for (int i = 0; i < cells.length; i++) {
      int status = ask.apply(PEOPLE.get(i));
      boolean answered = status >= 200 && status < 300;
      got.append(answered ? "Y" : "N").append('(').append(status).append(") ");
      differs |= answered != cells[i].equals("Y");
    }
    if (differs) {
      wrong.add(path + ": expected " + expected + ", got " + got.toString().trim());
    }
  }

  private int api(String person, String path) {
    HttpHeaders headers = new HttpHeaders();
    // JSON where an endpoint answers it, else what it answers (the exports)
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
    ResponseEntity<String> answer = (person.equals("-") ? rest : as(person))
        .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    return answer.getStatusCode().value();
  }

  /** A page as the person's browser gets it (redirects to the sign-in page count as refusals). */
  private int page(Map<String, WebSession> sessions, String person, String path) {
    if (person.equals("-")) {
      try {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
      } catch (java.io.IOException | InterruptedException failed) {
        throw new IllegalStateException(failed);
      }
    }
    HttpResponse<String> answer = sessions.computeIfAbsent(person, p -> new WebSession(port, p)).get(path);
    return answer.statusCode();
  }
}

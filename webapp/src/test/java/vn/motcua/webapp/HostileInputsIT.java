package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The corpus of hostile and broken inputs the API, the uploads and the model deployments meet (the citizens' e-form
 * has its own, {@code CitizenInputsIT}): malformed and wrongly encoded JSON, nesting and number bombs, huge fields,
 * SQL and script injection, control characters, impossible values and dates, unknown codes, path traversal, zip bombs
 * and programs disguised as documents, XXE and entity expansion in models. Each is answered with a 4xx and its problem
 * code — never a 5xx — and nothing of any of them is stored.
 */
class HostileInputsIT extends PostgresIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private TaskService tasks;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private ExternalTaskService externalTasks;
  private Api api;

  /** One hostile input: what it is, how it is sent, the status and problem code (or message) it must get. */
  private record Case(String name, Supplier<ResponseEntity<String>> send, int status, String code) {
  }

  @Test
  void shouldAnswerEveryHostileInputWithA4xxAndItsReasonAndStoreNothing() throws IOException {
    // given: a birth registration waiting at Thụy Hùng's counter, and what is stored so far
    api = new Api(rest);
    String dossier = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    String task = tasks.createTaskQuery().processInstanceBusinessKey(dossier)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();
    // and the workers done with what the submission asked of them (its notice writes to the trail when sent)
    await().atMost(Duration.ofSeconds(30)).until(() -> workLeft(dossier) == 0);
    Map<String, Long> before = stored();

    // when
    List<Case> corpus = corpus(dossier, task);
    List<String> wrong = new ArrayList<>();
    for (Case c : corpus) {
      ResponseEntity<String> answer = c.send().get();
      String body = answer.getBody() == null ? "" : answer.getBody();
      if (answer.getStatusCode().value() != c.status() || !body.contains(c.code())) {
        wrong.add(c.name() + ": expected " + c.status() + " " + c.code() + ", got " + answer.getStatusCode().value()
            + " " + body.substring(0, Math.min(300, body.length())));
      }
    }

    // then: each answered as expected, and nothing stored
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
    assertThat(wrong).as("answers that were not as expected").isEmpty();
    assertThat(stored()).isEqualTo(before);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).as("the task untouched").isNull();
  }

  /** External tasks still open in the dossier's process instances (its notices among them). */
  private long workLeft(String dossier) {
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(dossier).list().stream()
        .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
    return externalTasks.createExternalTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).count();
  }

  private List<Case> corpus(String dossier, String task) throws IOException {
    List<Case> cases = new ArrayList<>();
    String submit = "/api/v1/dossiers";
    // JSON that cannot be read
    cases.add(json("truncated JSON", "citizen", submit, "{\"procedureCode\": \"1.001193\", \"applicant\": [",
        400, "error.unreadable"));
    cases.add(json("an array for an object", "citizen", submit, "[]", 400, "error.unreadable"));
    cases.add(json("a string for an object", "citizen", submit, "\"dossier\"", 400, "error.unreadable"));
    cases.add(json("an empty body", "citizen", submit, "", 400, "error.unreadable"));
    cases.add(send("invalid UTF-8 bytes", "citizen", HttpMethod.POST, submit, MediaType.APPLICATION_JSON,
        concat("{\"procedureCode\": \"1.001193\", \"communeCode\": \"06148\", \"applicant\": {\"fullName\": \"",
            new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\"}}"), 400, "error.unreadable"));
    cases.add(json("nesting 5,000 deep", "citizen", submit,
        "{\"circumstances\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400, "error.unreadable"));
    cases.add(json("a number with a million digits", "citizen", submit,
        body(Map.of("copies", "REPLACE")).replace("\"REPLACE\"", "1" + "0".repeat(1_000_000)), 400,
        "error.unreadable"));
    cases.add(json("an exponent bomb", "citizen", submit, body(Map.of("copies", "REPLACE"))
        .replace("\"REPLACE\"", "1e999999999"), 400, "error.unreadable"));
    cases.add(json("a number for a text", "citizen", submit, body(Map.of("communeCode", 6148)), 400,
        "error.validation"));
    cases.add(send("XML sent to the JSON API", "citizen", HttpMethod.POST, submit, MediaType.APPLICATION_XML,
        "<dossier><procedureCode>1.001193</procedureCode></dossier>".getBytes(StandardCharsets.UTF_8), 415,
        "error.mediaType"));
    cases.add(send("plain text sent to the JSON API", "citizen", HttpMethod.POST, submit, MediaType.TEXT_PLAIN,
        "procedureCode=1.001193".getBytes(StandardCharsets.UTF_8), 415, "error.mediaType"));
    // fields: size, format, injection
    cases.add(json("a name of 100,000 characters", "citizen", submit,
        body(Map.of("fullName", "Nguyễn ".repeat(14_300))), 400, "error.validation"));
    cases.add(json("a name with a NUL character", "citizen", submit, body(Map.of("fullName", "Nguyễn\u0000Văn An")),
        400, "error.validation"));
    cases.add(json("a name with a script", "citizen", submit,
        body(Map.of("fullName", "<script>alert(1)</script>")), 400, "error.validation"));
    cases.add(json("an address with a script", "citizen", submit,
        body(Map.of("address", "<img src=x onerror=alert(1)>")), 400, "error.validation"));
    cases.add(json("SQL in the procedure code", "citizen", submit,
        body(Map.of("procedureCode", "1.001193' OR '1'='1")), 404, "error.procedure.notFound"));
    cases.add(json("SQL in the commune code", "citizen", submit, body(Map.of("communeCode", "06148' --")), 400,
        "error.validation"));
    cases.add(json("SQL in the name", "citizen", submit,
        body(Map.of("fullName", "An'); DROP TABLE dossier; --")), 400, "error.validation"));
    cases.add(json("an unknown procedure", "citizen", submit, body(Map.of("procedureCode", "9.999999")), 404,
        "error.procedure.notFound"));
    cases.add(json("an unknown commune", "citizen", submit, body(Map.of("communeCode", "99999")), 400,
        "error.commune.unknown"));
    cases.add(json("an ID number of five digits", "citizen", submit, body(Map.of("idNumber", "12345")), 400,
        "error.validation"));
    cases.add(json("letters in the phone number", "citizen", submit, body(Map.of("phone", "09abc45678")), 400,
        "error.validation"));
    cases.add(json("an e-mail without a domain", "citizen", submit, body(Map.of("email", "an.nguyen@")), 400,
        "error.validation"));
    cases.add(json("no applicant", "citizen", submit, "{\"procedureCode\":\"1.001193\",\"communeCode\":\"06148\"}",
        400, "error.validation"));
    cases.add(json("copies below one", "citizen", submit, body(Map.of("copies", -5)), 400, "error.validation"));
    cases.add(json("a million copies", "citizen", submit, body(Map.of("copies", 1_000_000)), 400,
        "error.validation"));
    cases.add(json("pages beyond any document", "citizen", submit, body(Map.of("pages", 2_000_001)), 400,
        "error.validation"));
    cases.add(json("a circumstance that is a sentence", "citizen", submit,
        body(Map.of("circumstances", List.of("drop table dossier"))), 400, "error.validation"));
    cases.add(json("fifty circumstances", "citizen", submit,
        body(Map.of("circumstances", java.util.Collections.nCopies(50, "NO_BIRTH_CERTIFICATE"))), 400,
        "error.validation"));
    cases.add(json("a return method that does not exist", "citizen", submit,
        body(Map.of("returnMethod", "TELEPORT")), 400, "error.validation"));
    cases.add(json("a channel that does not exist", "citizen", submit, body(Map.of("channel", "FAX")), 400,
        "error.unreadable"));
    cases.add(json("a citizen recording a counter dossier", "citizen", submit, body(Map.of("channel", "COUNTER")),
        400, "error.channel.citizenOnline"));
    // reading: codes that are not codes
    cases.add(get("SQL as a receipt code", "citizen", "/api/v1/dossiers/X' OR '1'='1", 404, "error"));
    cases.add(get("a path out of the API", "citizen", "/api/v1/dossiers/..%2F..%2Fetc%2Fpasswd", 400, "error"));
    cases.add(get("a negative page", "thuyhung.motcua", "/api/v1/dossiers?page=-1", 400, "error"));
    cases.add(get("a page that is not a number", "thuyhung.motcua", "/api/v1/dossiers?page=abc", 400,
        "error.parameter"));
    cases.add(get("a task id that is a script", "thuyhung.motcua", "/api/v1/tasks/<script>", 404, "error"));
    // the counter's work on the task
    String complete = "/api/v1/tasks/" + task + "/complete";
    cases.add(json("a decision of the wrong type", "thuyhung.motcua", complete,
        "{\"variables\":{\"completeness\":42}}", 400, "completeness"));
    cases.add(json("a decision the form does not offer", "thuyhung.motcua", complete,
        "{\"variables\":{\"completeness\":\"MAYBE\"}}", 400, "completeness"));
    cases.add(json("variables that are a list", "thuyhung.motcua", complete, "{\"variables\":[1,2,3]}", 400,
        "error.unreadable"));
    cases.add(json("a field the step does not have", "thuyhung.motcua", complete,
        "{\"variables\":{\"completeness\":\"COMPLETE\",\"dossierDeadline\":\"2000-01-01\"}}", 400, "dossierDeadline"));
    cases.add(json("a task that does not exist", "thuyhung.motcua", "/api/v1/tasks/no-such-task/complete",
        "{\"variables\":{\"completeness\":\"COMPLETE\"}}", 404, "error.task.notFound"));
    cases.add(json("a batch of 101 tasks", "thuyhung.motcua", "/api/v1/tasks/claim",
        body101(), 400, "error.validation"));
    cases.add(json("an empty batch", "thuyhung.motcua", "/api/v1/tasks/claim", "{\"taskIds\":[]}", 400,
        "error.validation"));
    cases.add(json("a delegation to nobody", "thuyhung.motcua", "/api/v1/tasks/" + task + "/delegate", "{\"to\":\"\"}",
        400, "error.validation"));
    // comments and ratings
    String comments = "/api/v1/dossiers/" + dossier + "/comments";
    cases.add(json("an empty comment", "thuyhung.motcua", comments, "{\"text\":\"\"}", 400, "error.validation"));
    cases.add(json("a comment of a megabyte", "thuyhung.motcua", comments,
        "{\"text\":\"" + "a".repeat(1_000_000) + "\"}", 400, "error.validation"));
    cases.add(json("a rating of six stars", "citizen", "/api/v1/dossiers/" + dossier + "/rating",
        "{\"score\":6}", 400, "error.validation"));
    cases.add(json("a rating before the result", "citizen", "/api/v1/dossiers/" + dossier + "/rating",
        "{\"score\":5}", 409, "error"));
    // uploads
    String documents = "/api/v1/dossiers/" + dossier + "/documents";
    cases.add(upload("a zip bomb named .pdf", documents, "SCAN", "don.pdf", zipBomb(), 415,
        "document.type"));
    cases.add(upload("a Windows program named .pdf", documents, "SCAN", "don.pdf",
        new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, 415, "document.type"));
    cases.add(upload("a web page named .png", documents, "SCAN", "anh.png",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), 415, "document.type"));
    cases.add(upload("an empty file", documents, "SCAN", "don.pdf", new byte[0], 400, "document.empty"));
    cases.add(upload("a name climbing out of its folder", documents, "SCAN", "../../etc/passwd.pdf",
        Api.pdf("x"), 400, "document.name"));
    cases.add(upload("a kind of document that does not exist", documents, "MALWARE", "don.pdf", Api.pdf("x"), 400,
        "document.kind.unknown"));
    cases.add(upload("a kind of document that is a sentence", documents, "drop table", "don.pdf", Api.pdf("x"), 400,
        "document.kind.invalid"));
    cases.add(upload("a name with a NUL character", documents, "SCAN", "don\u0000.pdf", Api.pdf("x"), 400,
        "error.upload.part"));
    cases.add(upload("a file of 21 MB", documents, "SCAN", "don.pdf", oversize(), 413, "document.tooLarge"));
    // model deployments through the engine's API
    cases.add(deploy("a BPMN reading a file through an external entity", "xxe.bpmn", """
        <?xml version="1.0"?>
        <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
          <process id="xxe" name="&secret;" isExecutable="true" />
        </definitions>
        """, 400));
    cases.add(deploy("a DMN expanding entities a billion times", "laughs.dmn", """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="&lol4;" namespace="x" />
        """, 400));
    cases.add(deploy("a BPMN that is not XML", "broken.bpmn", "this is not a model", 400));
    cases.add(deploy("a BPMN cut off in the middle", "cut.bpmn",
        Models.shipped("processes/birth-registration.bpmn").substring(0, 2000), 400));
    cases.add(deploy("a fee table whose amount cannot be computed", "fee.dmn",
        Models.editRule(Models.shipped("decisions/fee.dmn"), "Rule_Driving", "<text>135000</text>",
            "<text>135000 +</text>"), 400));
    cases.add(deploy("a program deployed as a resource", "tool.exe", "MZ\u0090\u0000 program", 400));
    cases.add(deploy("a form that is a program", "check.exe", "#!/bin/sh\nrm -rf /", 400));
    // supervision
    cases.add(get("an impossible date", "giamsat.langson", "/api/v1/board/overview?period=2026-02-30", 400,
        "board.period.invalid"));
    cases.add(get("a month thirteen", "giamsat.langson", "/api/v1/board/overview?period=2026-13", 400,
        "board.period.invalid"));
    cases.add(get("a list that does not exist", "giamsat.langson", "/api/v1/board/lists/everything", 404,
        "board.list.unknown"));
    cases.add(json("an index figure above its total", "caicach.langson", "/api/v1/board/index-inputs",
        "{\"unitCode\":\"20\",\"month\":\"2026-10\",\"component\":\"DataReuse\",\"numerator\":9,\"denominator\":3}",
        400, "board.index.rate"));
    cases.add(json("an index component that does not exist", "caicach.langson", "/api/v1/board/index-inputs",
        "{\"unitCode\":\"20\",\"month\":\"2026-10\",\"component\":\"'; DROP TABLE index_input; --\",\"numerator\":1,"
            + "\"denominator\":3}", 400, "board.index.component"));
    cases.add(json("an index figure for month 2026-00", "caicach.langson", "/api/v1/board/index-inputs",
        "{\"unitCode\":\"20\",\"month\":\"2026-00\",\"component\":\"1.1\",\"numerator\":1,\"denominator\":3}", 400,
        "error.validation"));
    return cases;
  }

  /** The dossier request with one field (or applicant field) replaced. */
  @SuppressWarnings("unchecked")
  private static String body(Map<String, Object> change) {
    Map<String, Object> request = new HashMap<>(dossierRequest("1.001193", "06148"));
    Map<String, Object> applicant = new HashMap<>((Map<String, Object>) request.get("applicant"));
    change.forEach((field, value) -> {
      if (List.of("fullName", "idNumber", "phone", "email", "address").contains(field)) {
        applicant.put(field, value);
      } else {
        request.put(field, value);
      }
    });
    request.put("applicant", applicant);
    try {
      return JSON.writeValueAsString(request);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body101() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      ids.add("task-" + i);
    }
    return "{\"taskIds\":" + ids.stream().map(id -> "\"" + id + "\"").toList() + "}";
  }

  private Case json(String name, String user, String path, String body, int status, String code) {
    return send(name, user, HttpMethod.POST, path, MediaType.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8),
        status, code);
  }

  private Case get(String name, String user, String path, int status, String code) {
    return new Case(name, () -> as(user).exchange(path, HttpMethod.GET, null, String.class), status, code);
  }

  private Case send(String name, String user, HttpMethod method, String path, MediaType type, byte[] body,
      int status, String code) {
    return new Case(name, () -> {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(type);
      return as(user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }, status, code);
  }

  private Case upload(String name, String path, String kind, String fileName, byte[] content, int status,
      String code) {
    return new Case(name, () -> {
      MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
      form.add("kind", kind);
      form.add("file", new ByteArrayResource(content) {
        @Override
        public String getFilename() {
          return fileName;
        }
      });
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      return as("thuyhung.motcua").exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }, status, code);
  }

  /** A deployment through the engine's API: refused with the problem at the file. */
  private Case deploy(String name, String file, String content, int status) {
    return new Case(name, () -> {
      ResponseEntity<Map> answer = Models.deploy(as("caicach.langson"), name, Map.of(file, content));
      return ResponseEntity.status(answer.getStatusCode()).body(String.valueOf(answer.getBody()));
    }, status, file);
  }

  /** Ten megabytes of zeros compressed into a few kilobytes. */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("don.pdf"));
      out.write(new byte[10 * 1024 * 1024]);
      out.closeEntry();
    }
    return zip.toByteArray();
  }

  private static byte[] oversize() {
    byte[] pdf = Api.pdf("lớn");
    byte[] big = new byte[21 * 1024 * 1024];
    System.arraycopy(pdf, 0, big, 0, pdf.length);
    return big;
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** What is stored: dossiers, documents, comments, payments, deployments, definitions. */
  private Map<String, Long> stored() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table : List.of("dossier", "dossier_document", "dossier_comment", "dossier_audit", "fee_payment",
        "index_input", "model_change", "act_re_deployment", "act_re_procdef", "act_re_decision_def")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Finding 2 of the integrity probe (docs/security.md): an officer completed a step through Camunda Tasklist's API with
 * a stage deadline in 2030 and a forged applicant name, and wrote variables by hand. Now, through every door — the
 * Tasklist API, the engine REST API — a step takes only its form's fields, officers write no variable, due date or
 * assignee by hand, administrators and the workers do not write what motcua computes, and nothing changes when they
 * try. A due date past the holiday calendars never breaks the task list.
 */
class EngineWritesIT extends PostgresIntegrationTest {

  private static final String Y2030 = "2030-01-01T00:00:00.000+0700";

  @LocalServerPort
  private int port;
  @Autowired
  private TaskService tasks;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private ManagementService management;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  private String submitted() {
    return (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
  }

  private String atAppraisal() {
    String code = submitted();
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    return code;
  }

  private String atApproval() {
    String code = atAppraisal();
    api.complete("thuyhung.tuphap", code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện"));
    return code;
  }

  private Task task(String code, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult();
  }

  /** Everything of the dossier a write could change: its variables, and its open steps with due date and holder. */
  private Map<String, Object> state(String code) {
    Map<String, Object> state = new LinkedHashMap<>();
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("birthRegistration").singleResult().getId();
    state.put("variables", runtime.getVariables(instance));
    tasks.createTaskQuery().processInstanceBusinessKey(code).list().forEach(t -> state.put(t.getId(),
        t.getTaskDefinitionKey() + " due " + t.getDueDate() + " held by " + t.getAssignee()));
    return state;
  }

  @Test
  void shouldRefuseTheProbesCompletionThroughTasklistWithNothingChanged() {
    // given: the civil-status officer in Tasklist, the appraisal claimed there
    String code = atAppraisal();
    Task appraise = task(code, "Task_Appraise");
    CamundaSession tasklist = new CamundaSession(port, "thuyhung.tuphap", "demo", "tasklist");
    assertThat(tasklist.signedIn()).isTrue();
    assertThat(tasklist.send("POST", CamundaSession.ENGINE + "/task/" + appraise.getId() + "/claim",
        "{\"userId\": \"thuyhung.tuphap\"}").statusCode()).isEqualTo(204);
    Map<String, Object> before = state(code);

    // when: the probe's request — a decision, a stage deadline in 2030 and another applicant name
    HttpResponse<String> probe = tasklist.send("POST", CamundaSession.ENGINE + "/task/" + appraise.getId()
        + "/complete", "{\"variables\": {\"appraisal\": {\"value\": \"SUPPLEMENT\"}, \"missingDocuments\":"
        + " {\"value\": \"Giấy chứng sinh\"}, \"stageDeadline\": {\"value\": \"" + Y2030 + "\", \"type\": \"Date\"},"
        + " \"applicantName\": {\"value\": \"Forged Name\"}}}");

    // then: refused, each field named, nothing changed
    assertThat(probe.statusCode()).isEqualTo(400);
    assertThat(probe.body()).contains("\\\"stageDeadline\\\" không phải trường nhập của biểu mẫu bước này",
        "\\\"applicantName\\\" is not an input of this step's form");
    assertThat(state(code)).isEqualTo(before);

    // when: the step's own fields only
    HttpResponse<String> fair = tasklist.send("POST", CamundaSession.ENGINE + "/task/" + appraise.getId()
        + "/complete", "{\"variables\": {\"appraisal\": {\"value\": \"SUPPLEMENT\"}, \"missingDocuments\":"
        + " {\"value\": \"Giấy chứng sinh\"}, \"appraisalNote\": {\"value\": \"Thiếu giấy chứng sinh\"}}}");

    // then: the dossier goes on, the applicant's name as it was
    assertThat(fair.statusCode()).as(fair.body()).isEqualTo(204);
    assertThat(api.dossier("citizen", code)).containsEntry("status", "AWAITING_SUPPLEMENT");
    assertThat(runtime.getVariable(appraise.getProcessInstanceId(), "applicantName")).isEqualTo("Nguyễn Văn An");
  }

  @Test
  void shouldRefuseHandWrittenVariablesDueDatesAndAssigneesForEveryOfficerRoleThroughEveryDoor() {
    // given: one dossier at each officer's step, each claimed by its officer in Tasklist
    Map<String, String> steps = new LinkedHashMap<>();
    steps.put("thuyhung.motcua", submitted() + " Task_CheckCompleteness");
    steps.put("thuyhung.tuphap", atAppraisal() + " Task_Appraise");
    steps.put("thuyhung.chutich", atApproval() + " Task_Approve");
    Map<String, Map<String, Object>> before = new LinkedHashMap<>();
    steps.values().forEach(step -> before.put(step, state(step.split(" ")[0])));

    // when: each officer tries every hand-written change on their own step
    List<String> let = new ArrayList<>();
    steps.forEach((officer, step) -> {
      Task task = task(step.split(" ")[0], step.split(" ")[1]);
      String id = task.getId();
      CamundaSession tasklist = new CamundaSession(port, officer, "demo", "tasklist");
      assertThat(tasklist.send("POST", CamundaSession.ENGINE + "/task/" + id + "/claim", "{\"userId\": \"" + officer
          + "\"}").statusCode()).as("claim by %s", officer).isEqualTo(204);
      Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
      String engine = CamundaSession.ENGINE;
      answers.put("set a step variable", tasklist.send("PUT", engine + "/task/" + id + "/variables/stageDeadline",
          "{\"value\": \"" + Y2030 + "\", \"type\": \"Date\"}"));
      answers.put("modify step variables", tasklist.send("POST", engine + "/task/" + id + "/variables",
          "{\"modifications\": {\"applicantName\": {\"value\": \"Forged Name\"}}}"));
      answers.put("set a local variable", tasklist.send("PUT", engine + "/task/" + id + "/localVariables/note",
          "{\"value\": \"x\"}"));
      answers.put("remove a variable", tasklist.send("DELETE", engine + "/task/" + id + "/variables/receiptCode",
          null));
      answers.put("set a dossier variable", tasklist.send("PUT", engine + "/process-instance/"
          + task.getProcessInstanceId() + "/variables/dossierDeadline",
          "{\"value\": \"" + Y2030 + "\", \"type\": \"Date\"}"));
      answers.put("move the due date", tasklist.send("PUT", engine + "/task/" + id, "{\"name\": \"" + task.getName()
          + "\", \"due\": \"" + Y2030 + "\"}"));
      answers.put("hand to anyone", tasklist.send("POST", engine + "/task/" + id + "/assignee",
          "{\"userId\": \"thatkhe.chutich\"}"));
      answers.put("complete with more than the form", tasklist.send("POST", engine + "/task/" + id + "/complete",
          "{\"variables\": {\"stageDeadline\": {\"value\": \"" + Y2030 + "\", \"type\": \"Date\"}}}"));
      answers.put("submit the form with more", tasklist.send("POST", engine + "/task/" + id + "/submit-form",
          "{\"variables\": {\"feeAmount\": {\"value\": 0, \"type\": \"Long\"}}}"));
      ResponseEntity<String> engineRest = as(officer).exchange("/engine-rest/task/" + id + "/variables/stageDeadline",
          HttpMethod.PUT, json("{\"value\": \"" + Y2030 + "\", \"type\": \"Date\"}"), String.class);
      answers.forEach((what, answer) -> {
        if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
          let.add(officer + ": " + what + " answered " + answer.statusCode() + " " + answer.body());
        }
      });
      if (engineRest.getStatusCode().value() != 403) {
        let.add(officer + ": the engine REST API answered " + engineRest.getStatusCode());
      }
      // releasing one's own step stays possible
      assertThat(tasklist.send("POST", engine + "/task/" + id + "/unclaim", null).statusCode())
          .as("release by %s", officer).isEqualTo(204);
    });

    // then: all refused with a 4xx, and nothing of any dossier changed (but who holds each step)
    assertThat(let).isEmpty();
    steps.values().forEach(step -> assertThat(state(step.split(" ")[0])).as(step).isEqualTo(before.get(step)));
  }

  @Test
  void shouldRefuseAdministratorsAndWorkersWritingWhatMotcuaComputesThroughTheEngineApi() {
    // given
    String code = atAppraisal();
    Task appraise = task(code, "Task_Appraise");
    String instance = appraise.getProcessInstanceId();
    String timer = management.createJobQuery().processInstanceId(instance).timers().list().stream()
        .map(org.camunda.bpm.engine.runtime.Job::getId).findFirst().orElse(null);
    Map<String, Object> before = state(code);

    // when / then: what motcua computes, and legal time's dates, are refused to the administrator
    ResponseEntity<String> deadline = as("admin").exchange("/engine-rest/process-instance/" + instance
        + "/variables/stageDeadline", HttpMethod.PUT, json("{\"value\": \"" + Y2030 + "\", \"type\": \"Date\"}"),
        String.class);
    assertThat(deadline.getStatusCode().value()).isEqualTo(403);
    assertThat(deadline.getBody()).contains("Không ghi tay stageDeadline", "stageDeadline is not written by hand");
    ResponseEntity<String> name = as("admin").exchange("/engine-rest/task/" + appraise.getId() + "/variables",
        HttpMethod.POST, json("{\"modifications\": {\"applicantName\": {\"value\": \"Forged Name\"}}}"),
        String.class);
    assertThat(name.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> due = as("admin").exchange("/engine-rest/task/" + appraise.getId(), HttpMethod.PUT,
        json("{\"name\": \"x\", \"due\": \"" + Y2030 + "\"}"), String.class);
    assertThat(due.getStatusCode().value()).isEqualTo(403);
    assertThat(due.getBody()).contains("they are not changed by hand");
    if (timer != null) {
      assertThat(as("admin").exchange("/engine-rest/job/" + timer + "/duedate", HttpMethod.PUT,
          json("{\"duedate\": \"" + Y2030 + "\"}"), String.class).getStatusCode().value()).isEqualTo(403);
    }
    ResponseEntity<String> worker = rest.withBasicAuth("motcua-worker", WORKER_PASSWORD).exchange(
        "/engine-rest/process-instance/" + instance + "/variables/signedDocumentId", HttpMethod.PUT,
        json("{\"value\": 1, \"type\": \"Long\"}"), String.class);
    assertThat(worker.getStatusCode().value()).isIn(403);
    assertThat(state(code)).isEqualTo(before);

    // when: an administrator repairs something motcua does not compute (logged)
    ResponseEntity<String> repair = as("admin").exchange("/engine-rest/process-instance/" + instance
        + "/variables/appraisalNote", HttpMethod.PUT, json("{\"value\": \"Sửa lỗi chính tả\"}"), String.class);

    // then
    assertThat(repair.getStatusCode().value()).isEqualTo(204);
    assertThat(runtime.getVariable(instance, "appraisalNote")).isEqualTo("Sửa lỗi chính tả");
  }

  @Test
  void shouldListAStepWhoseDueDateLiesPastTheCalendarsWhenItsOfficerAsks() {
    // given: a step due in 2030, as a database from before these rules may hold
    String code = atApproval();
    Task approve = task(code, "Task_Approve");
    tasks.setDueDate(approve.getId(), Date.from(java.time.Instant.parse("2030-01-01T10:00:00Z")));

    // when
    List<Map<String, Object>> listed = api.tasks("thuyhung.chutich");

    // then: listed, its working days counted by the fallback past 2027
    assertThat(listed).filteredOn(t -> approve.getId().equals(t.get("id"))).singleElement()
        .satisfies(t -> assertThat(((Number) t.get("remainingWorkingDays")).doubleValue()).isGreaterThan(700));
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}

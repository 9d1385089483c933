package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the engine directly — the engine REST API and the Camunda webapps — under Camunda's authorizations
 * (people/EngineAuthorizations), in one table: a citizen, a counter officer, a supervisor, a reform officer, an
 * administrator and the workers' account. Finding 3 of the integrity probe (docs/security.md): a reform officer read
 * every applicant's personal data through the variable and history endpoints; now reform officers and supervisors
 * read models, not dossiers, and what an administrator reads there is recorded. motcua's own API and pages are
 * {@link AccessMatrixIT}'s.
 */
class EngineAccessIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;
  @Autowired
  private TaskService tasks;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private org.camunda.bpm.engine.RuntimeService runtime;

  @Test
  void shouldLetEachRoleUseTheEngineApiAndTheCamundaWebappsOnlyForItsWork() {
    // given: a dossier in the engine, waiting at the counter
    String d = (String) new Api(rest).submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    org.camunda.bpm.engine.task.Task check = tasks.createTaskQuery().processInstanceBusinessKey(d).singleResult();
    String instance = check.getProcessInstanceId();
    String taskId = check.getId();
    // and a look-up at the population registry, whose answers the engine keeps in history (variableHistory)
    String lookup = runtime.startProcessInstanceByKey("identityLookup", Map.of("applicantIdNumber", "020190001234",
        "requestedBy", "citizen")).getId();
    long readsBefore = jdbc.queryForObject("select count(*) from engine_read where username = 'admin'", Long.class);
    List<String> people = List.of("citizen", "thuyhung.motcua", "giamsat.thuyhung", "caicach.langson", "admin",
        "motcua-worker");
    String header = "citizen counter supervisor reform admin worker";

    // the table: what is asked, then for each person Y (allowed) or N (refused: 401, 403, 404), or a count of what
    // the engine lets them see (some: one or more, many: more than one); the Camunda webapps: signing in to each
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("sign in to Tasklist", "N Y N N Y N");
    expected.put("sign in to Cockpit", "N N N Y Y N");
    expected.put("sign in to Admin", "N N N N Y N");
    expected.put("GET /engine-rest/process-instance/" + instance, "N N N N Y Y");
    // the workers see the instances their external tasks are part of, not the officers' tasks or other people
    expected.put("GET /engine-rest/task/count?processInstanceId=" + instance, "N N N 0 1 0");
    expected.put("GET /engine-rest/user/count", "N N N 1 many 1");
    // a dossier's data: its variables now and in history, its instance's history (the probe's reads)
    expected.put("GET /engine-rest/variable-instance/count?processInstanceIdIn=" + instance, "N N N 0 many many");
    expected.put("GET /engine-rest/process-instance/" + instance + "/variables", "N N N N Y Y");
    expected.put("GET /engine-rest/history/variable-instance/count?processInstanceId=" + lookup, "N N N 0 some 0");
    expected.put("GET /engine-rest/history/process-instance/count?processInstanceId=" + instance, "N N N 0 1 0");
    expected.put("GET /engine-rest/history/task/count?processInstanceId=" + instance, "N N N 0 1 0");
    expected.put("GET /engine-rest/history/detail/count?processInstanceId=" + instance, "N N N 0 - 0");
    // the models
    expected.put("GET /engine-rest/process-definition/count?key=birthRegistration", "N N N some some some");
    expected.put("GET /engine-rest/deployment/count", "N N N some some 0");
    // the counter officer in Tasklist: their step's variables (its form), not the dossier's elsewhere
    expected.put("tasklist GET /api/engine/engine/default/task/" + taskId + "/variables", "N Y N N Y N");
    expected.put("tasklist GET /api/engine/engine/default/variable-instance/count?processInstanceIdIn=" + instance,
        "N 0 N N many N");
    // the reform officer in Cockpit: the models, no dossier's instance or variables
    expected.put("cockpit GET /api/engine/engine/default/variable-instance/count?processInstanceIdIn=" + instance,
        "N N N 0 many N");
    expected.put("cockpit POST /api/cockpit/plugin/base/default/process-instance/count", "N N N 0 some N");
    expected.put("cockpit GET /api/engine/engine/default/process-definition/count?key=birthRegistration",
        "N N N some some N");
    expected.put("DELETE /engine-rest/process-instance/" + instance, "N N N N - N");
    expected.put("POST /engine-rest/authorization/create", "N N N N - N");
    expected.put("deploy fee.dmn", "N N N Y Y N");

    // when
    List<String> wrong = new ArrayList<>();
    expected.forEach((what, cells) -> {
      String[] want = cells.split(" ");
      StringBuilder got = new StringBuilder();
      boolean differs = false;
      for (int i = 0; i < people.size(); i++) {
        if (want[i].equals("-")) {
          got.append("- ");
          continue;
        }
        String answer = engineAsk(people.get(i), what);
        got.append(answer).append(' ');
        differs |= !(answer.equals(want[i]) || answer.matches("\\d+") && (want[i].equals("many")
            && Integer.parseInt(answer) > 1 || want[i].equals("some") && Integer.parseInt(answer) > 0));
      }
      if (differs) {
        wrong.add(what + ": expected " + cells + ", got " + got.toString().trim());
      }
    });

    // then
    assertThat(wrong).as("cells answered otherwise (columns: %s)", header).isEmpty();
    assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).as("the dossier still waits").isOne();
    // the administrator's reads of the dossier's data are on record, with the dossier they asked for
    assertThat(jdbc.queryForList("select query, target from engine_read where username = 'admin' order by id")
        .stream().skip(readsBefore).map(Object::toString).toList())
        .anySatisfy(read -> assertThat(read).contains("VariableInstanceQueryImpl", instance))
        .anySatisfy(read -> assertThat(read).contains("HistoricVariableInstanceQueryImpl", lookup))
        .anySatisfy(read -> assertThat(read).contains("GetExecutionVariablesCmd", instance));
  }

  /** Y/N, or the count the engine answered, for a person using the engine directly. */
  private String engineAsk(String person, String what) {
    String password = person.equals("motcua-worker") ? WORKER_PASSWORD : "demo";
    if (what.startsWith("sign in to ")) {
      return new CamundaSession(port, person, password, what.substring("sign in to ".length()).toLowerCase())
          .signedIn() ? "Y" : "N";
    }
    if (what.startsWith("tasklist ") || what.startsWith("cockpit ")) {
      String[] request = what.split(" ", 3);
      CamundaSession webapp = new CamundaSession(port, person, password, request[0]);
      if (!webapp.signedIn()) {
        return "N";
      }
      HttpResponse<String> answer = webapp.send(request[1], request[2], request[1].equals("POST") ? "{}" : null);
      if (answer.statusCode() != 200) {
        assertThat(answer.statusCode()).as(what + " for " + person).isIn(401, 403, 404);
        return "N";
      }
      return what.contains("/count") ? answer.body().replaceAll("\\D", "") : "Y";
    }
    TestRestTemplate as = rest.withBasicAuth(person, password);
    if (what.equals("deploy fee.dmn")) {
      return Models.deploy(as, "fee unchanged", Map.of("fee.dmn", Models.shipped("decisions/fee.dmn")))
          .getStatusCode().is2xxSuccessful() ? "Y" : "N";
    }
    String[] request = what.split(" ", 2);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    Object body = request[1].endsWith("/authorization/create")
        ? Map.of("type", 1, "permissions", List.of("ALL"), "userId", person, "resourceType", 0, "resourceId", "*")
        : null;
    ResponseEntity<Map> answer = as.exchange(request[1], HttpMethod.valueOf(request[0]), new HttpEntity<>(body,
        headers), Map.class);
    if (!answer.getStatusCode().is2xxSuccessful()) {
      // 404: the engine does not show what a person may not read
      assertThat(answer.getStatusCode().value()).as(what + " for " + person).isIn(401, 403, 404);
      return "N";
    }
    return request[1].contains("/count") ? String.valueOf(answer.getBody().get("count")) : "Y";
  }
}

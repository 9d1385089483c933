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

/**
 * Who may use the engine directly — the engine REST API and the Camunda webapps — under Camunda's authorizations
 * (people/EngineAuthorizations), in one table: a citizen, a counter officer, a supervisor, a reform officer, an
 * administrator and the workers' account. motcua's own API and pages are {@link AccessMatrixIT}'s.
 */
class EngineAccessIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;
  @Autowired
  private TaskService tasks;

  @Test
  void shouldLetEachRoleUseTheEngineApiAndTheCamundaWebappsOnlyForItsWork() {
    // given: a dossier in the engine, waiting at the counter
    String d = (String) new Api(rest).submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    String instance = tasks.createTaskQuery().processInstanceBusinessKey(d).singleResult().getProcessInstanceId();
    List<String> people = List.of("citizen", "chiminh.motcua", "giamsat.trangdinh", "caicach.langson", "admin",
        "motcua-worker");
    String header = "citizen counter supervisor reform admin worker";

    // the table: what is asked, then for each person Y (allowed) or N (refused: 401, 403), or a count of what the
    // engine lets them see; the Camunda webapps: signing in to each
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("sign in to Tasklist", "N Y N N Y N");
    expected.put("sign in to Cockpit", "N N N Y Y N");
    expected.put("sign in to Admin", "N N N N Y N");
    expected.put("GET /engine-rest/process-instance/" + instance, "N N N Y Y Y");
    // the workers see the instances their external tasks are part of, not the officers' tasks or other people
    expected.put("GET /engine-rest/task/count?processInstanceId=" + instance, "N N N 0 1 0");
    expected.put("GET /engine-rest/user/count", "N N N 1 many 1");
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
        differs |= !(answer.equals(want[i]) || want[i].equals("many") && answer.matches("\\d+")
            && Integer.parseInt(answer) > 1);
      }
      if (differs) {
        wrong.add(what + ": expected " + cells + ", got " + got.toString().trim());
      }
    });

    // then
    assertThat(wrong).as("cells answered otherwise (columns: %s)", header).isEmpty();
    assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).as("the dossier still waits").isOne();
  }

  /** Y/N, or the count the engine answered, for a person using the engine directly. */
  private String engineAsk(String person, String what) {
    String password = person.equals("motcua-worker") ? WORKER_PASSWORD : "demo";
    if (what.startsWith("sign in to ")) {
      return camundaSignIn(person, password, what.substring("sign in to ".length()).toLowerCase()) == 200 ? "Y" : "N";
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
      assertThat(answer.getStatusCode().value()).as(what + " for " + person).isIn(401, 403);
      return "N";
    }
    return request[1].contains("/count") ? String.valueOf(answer.getBody().get("count")) : "Y";
  }

  /** Signs in to a Camunda webapp as its login page does: 200 when the person may use that webapp. */
  private int camundaSignIn(String person, String password, String app) {
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
        .cookieHandler(new java.net.CookieManager()).build();
    String base = "http://localhost:" + port + "/camunda";
    try {
      HttpResponse<Void> welcome = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
          base + "/app/" + app + "/default/")).build(), HttpResponse.BodyHandlers.discarding());
      String token = welcome.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
          .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElse("");
      return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              base + "/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + person + "&password=" + password))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException | InterruptedException failed) {
      throw new IllegalStateException(failed);
    }
  }
}

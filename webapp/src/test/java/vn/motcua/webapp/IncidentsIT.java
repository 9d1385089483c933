package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import vn.motcua.workers.simulator.SimulatedSystem.Faults;
import vn.motcua.workers.simulator.Simulators;

/**
 * A call to another system that keeps failing ends as an incident: in Cockpit (the engine's incident), on the
 * supervisor's board and in the dossier's trail; the operator's retry, once the system is back, resolves it and the
 * dossier goes on.
 */
class IncidentsIT extends PostgresIntegrationTest {

  @Autowired
  private Simulators simulators;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private ExternalTaskService externalTasks;

  @AfterEach
  void heal() {
    simulators.signing().faults(Faults.NONE);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldShowAnIncidentOnTheBoardUntilTheOperatorRetriesIt() {
    // given: the signing service is down
    simulators.signing().faults(new Faults(0, 1.0, 0, 0));
    Api api = new Api(rest);
    String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    api.complete("thuyhung.tuphap", code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện"));

    // when: the result is approved, and every attempt to sign it fails
    api.complete("thuyhung.chutich", code, "Task_Approve", Map.of("approval", "SIGN"));

    // then: an incident in the engine, as Cockpit shows it
    Incident incident = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createIncidentQuery()
        .incidentType(Incident.EXTERNAL_TASK_HANDLER_TYPE).list().stream()
        .filter(i -> code.equals(runtime.createProcessInstanceQuery().processInstanceId(i.getProcessInstanceId())
            .singleResult().getBusinessKey())).findFirst().orElse(null), i -> i != null);
    assertThat(incident.getActivityId()).isEqualTo("Task_SignOutcome");
    assertThat(incident.getIncidentMessage()).contains("503");
    // then: on the supervisor's board, with the reason
    List<Map<String, Object>> rows = (List<Map<String, Object>>) api.call("giamsat.thuyhung", HttpMethod.GET,
        "/api/v1/board/lists/incidents", null).getBody().get("rows");
    assertThat(rows).filteredOn(r -> code.equals(r.get("receiptCode"))).singleElement()
        .satisfies(r -> assertThat((String) r.get("incident")).contains("503"));
    assertThat(trail(api, code)).contains("INCIDENT_RAISED");

    // when: the signing service is back and the operator retries (as Cockpit's "retry" does)
    simulators.signing().faults(Faults.NONE);
    externalTasks.setRetries(incident.getConfiguration(), 1);

    // then: the dossier goes on; the incident is gone from the board
    api.dossierOnceIn("citizen", code, "AWAITING_RETURN");
    assertThat(((List<Map<String, Object>>) api.call("giamsat.thuyhung", HttpMethod.GET,
        "/api/v1/board/lists/incidents", null).getBody().get("rows")))
        .noneSatisfy(r -> assertThat(r.get("receiptCode")).isEqualTo(code));
    assertThat(trail(api, code)).contains("INCIDENT_RAISED", "INCIDENT_RESOLVED", "DOCUMENT_SIGNED");
  }

  @SuppressWarnings("unchecked")
  private static List<String> trail(Api api, String code) {
    return ((List<Map<String, Object>>) api.call("citizen", HttpMethod.GET, "/api/v1/dossiers/" + code + "/history",
        null).getBody().get("audit")).stream().map(e -> (String) e.get("action")).toList();
  }
}

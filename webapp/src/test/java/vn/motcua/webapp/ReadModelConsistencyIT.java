package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The read model never disagrees with the engine: it is written in the engine's transaction, so what a dossier says
 * about its step is what the engine holds, and an engine change the read model cannot record does not happen.
 */
class ReadModelConsistencyIT extends PostgresIntegrationTest {

  @Autowired
  private TaskService tasks;
  @Autowired
  private RuntimeService runtime;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @Test
  void shouldShowTheStepTheEngineHoldsAtEveryPointOfADossier() {
    // given: a land dossier taken through several agencies, with a supplement on the way
    String code = (String) api.submit("citizen", dossierRequest("1.013978", "06148")).get("receiptCode");
    assertMatchesEngine(code);
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    assertMatchesEngine(code);
    api.complete("thuyhung.tuphap", code, "Task_VerifyLandOrigin", Map.of("landVerification", "SUPPLEMENT",
        "landOriginNote", "Thiếu giấy tờ", "missingDocuments", "Biên lai thuế đất các năm 1995-2000"));

    // when: the dossier waits for the applicant
    Map<String, Object> waiting = api.dossier("citizen", code);

    // then
    assertThat(waiting).containsEntry("status", "AWAITING_SUPPLEMENT");
    assertThat(waiting.get("currentAgency")).isNull();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).count()).isZero();
    List<Map<String, Object>> stages = stages(waiting);
    assertThat(stages.get(stages.size() - 1)).containsEntry("candidateGroup", "APPLICANT")
        .containsEntry("state", "OPEN");

    // when: the applicant supplements
    api.call("citizen", org.springframework.http.HttpMethod.POST, "/api/v1/dossiers/" + code + "/supplements", null);

    // then
    assertMatchesEngine(code);
    Map<String, Object> resumed = api.dossier("citizen", code);
    assertThat(resumed).containsEntry("status", "IN_PROGRESS");
    assertThat(stages(resumed)).filteredOn(s -> "SUPPLEMENT".equals(s.get("stage")))
        .singleElement().satisfies(s -> assertThat(s).containsEntry("state", "COMPLETED")
            .containsEntry("candidateGroup", "APPLICANT"));
  }

  @Test
  void shouldRollBackTheEngineWhenTheReadModelRefusesTheChange() {
    // given: a dossier that is finished (refused at the counter)
    String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "REFUSE",
        "refusalReason", "Hồ sơ giả mạo"));
    assertThat(api.dossier("citizen", code)).containsEntry("status", "REFUSED");

    // when: someone starts the procedure again for the same receipt code, bypassing motcua, via the engine API
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = as("admin").postForEntity(
        "/engine-rest/process-definition/key/birthRegistration/start",
        new HttpEntity<>(Map.of("businessKey", code, "variables", Map.of(
            "receivingAgency", Map.of("value", "X06148", "type", "String"))), headers), String.class);

    // then: the read model cannot reopen a finished dossier, so the engine keeps nothing of it
    assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    assertThat(api.dossier("citizen", code)).containsEntry("status", "REFUSED");
  }

  /** The dossier's current step, agency and open stage are exactly the engine's single open task. */
  private void assertMatchesEngine(String code) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(code).list();
    assertThat(open).hasSize(1);
    Task task = open.get(0);
    Map<String, Object> dossier = api.dossier("citizen", code);
    assertThat(dossier.get("currentStep")).isEqualTo(task.getName());
    List<Map<String, Object>> openStages = stages(dossier).stream().filter(s -> "OPEN".equals(s.get("state")))
        .toList();
    assertThat(openStages).singleElement().satisfies(stage -> {
      assertThat(stage.get("step")).isEqualTo(task.getName());
      String group = tasks.getIdentityLinksForTask(task.getId()).get(0).getGroupId();
      assertThat(stage.get("candidateGroup")).isEqualTo(group);
      assertThat(((Map<?, ?>) dossier.get("currentAgency")).get("code"))
          .isEqualTo(group.substring(0, group.lastIndexOf('.')));
    });
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> stages(Map<String, Object> dossier) {
    return (List<Map<String, Object>>) dossier.get("stages");
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The product's promise: a reform is an edit of models. A reform officer cuts a processing time and moves a stage
 * to the commune by redeploying the decision tables through the engine's REST API; new dossiers follow, with no
 * Java change and no restart.
 */
class ModelChangeIT extends PostgresIntegrationTest {

  private static final String PROCESSING_TIME = "decisions/processing-time.dmn";
  private static final String ROUTING = "decisions/routing.dmn";

  @org.springframework.beans.factory.annotation.Autowired
  private org.camunda.bpm.engine.RepositoryService repository;
  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    now("2026-11-16T09:00");
  }

  @AfterEach
  void restoreTheShippedTables() {
    Models.deploy(as("caicach.langson"), "restore", Map.of(PROCESSING_TIME, Models.shipped(PROCESSING_TIME),
        ROUTING, Models.shipped(ROUTING)));
  }

  @Test
  void shouldApplyAShorterTimeAndAReroutedStageToNewDossiersWhenOnlyTheDecisionsAreRedeployed() {
    // given: construction permits take 15 working days; household businesses are handled by the applicant's commune
    String processingTime = Models.editRule(Models.shipped(PROCESSING_TIME), "Rule_Construction",
        "<text>15</text>", "<text>10</text>");
    String routing = Models.editRule(Models.shipped(ROUTING), "Rule_HouseholdHandle2",
        "<text>\"X\" + communeCode</text>", "<text>\"X06040\"</text>");

    // when: the reform officer deploys the two edited tables
    ResponseEntity<Map> deployed = Models.deploy(as("caicach.langson"), "reform-2026-11",
        Map.of(PROCESSING_TIME, processingTime,
        ROUTING, routing));
    assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);

    // then: the catalog shows the new time
    Map<String, Object> permit = api.call("citizen", org.springframework.http.HttpMethod.GET,
        "/api/v1/procedures/1.013225", null).getBody();
    assertThat(((Map<?, ?>) permit.get("processingWorkingDays")).get("COUNTER")).isEqualTo(10.0);

    // and a new permit dossier gets 10 working days from its receipt
    String permitCode = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", permitCode, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    assertThat(api.dossier("citizen", permitCode).get("deadline")).isEqualTo("2026-11-30T09:00:00+07:00");

    // and a new household business dossier is received by its commune but handled where the table now says
    String householdCode = (String) api.submit("citizen", dossierRequest("1.001612", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", householdCode, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    Map<String, Object> accept = api.task("thatkhe.motcua", householdCode, "Task_AcceptTransfer");
    assertThat(accept.get("candidateGroups")).isEqualTo(List.of("X06040.counter"));
    api.complete("thatkhe.motcua", householdCode, "Task_AcceptTransfer", Map.of("transferAccepted", true));
    assertThat(api.task("thatkhe.tuphap", householdCode, "Task_Appraise").get("candidateGroups"))
        .isEqualTo(List.of("X06040.specialist"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldShowAScheduledCutAheadApplyItFromItsDayAndKeepEarlierDossiersOnTheirOwnTime() {
    // given: the construction permit cut from 15 to 10 working days, the table's version tag scheduling it for
    // 1 December 2026
    String scheduled = Models.editRule(Models.shipped(PROCESSING_TIME), "Rule_Construction", "<text>15</text>",
            "<text>10</text>")
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"2026-12-01\"");
    ResponseEntity<Map> deployed = Models.deploy(as("caicach.langson"), "reform scheduled for 2026-12-01",
        Map.of(PROCESSING_TIME, scheduled));
    assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
    try {
      // then: the catalog shows today's time and the time from the day
      Map<String, Object> permit = api.call("citizen", org.springframework.http.HttpMethod.GET,
          "/api/v1/procedures/1.013225", null).getBody();
      assertThat(((Map<?, ?>) permit.get("processingWorkingDays")).get("COUNTER")).isEqualTo(15.0);
      Map<String, Object> upcoming = (Map<String, Object>) permit.get("upcoming");
      assertThat(upcoming.get("from")).isEqualTo("2026-12-01");
      assertThat(((Map<?, ?>) upcoming.get("processingWorkingDays")).get("COUNTER")).isEqualTo(10.0);
      String page = rest.getForObject("/thu-tuc/1.013225?lang=vi", String.class);
      assertThat(page).contains("Từ ngày 01/12/2026").contains("10 ngày làm việc").contains("15 ngày làm việc");
      // and the permit's code before 1 July 2025, which its dossiers of then keep
      assertThat(page).contains("1.009997 (đến 30/06/2025; hồ sơ tiếp nhận đến ngày này giữ mã cũ)");
      assertThat((List<Map<String, Object>>) permit.get("formerCodes")).containsExactly(
          Map.of("code", "1.009997", "until", "2025-06-30"));

      // when: a permit submitted before the day is received on it, and another is submitted on the day
      String before = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");
      now("2026-12-01T09:00");
      String after = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");
      for (String code : List.of(before, after)) {
        api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
      }

      // then: the earlier dossier keeps 15 days from its receipt, the new one has 10; the catalog shows 10 now
      assertThat(api.dossier("citizen", before).get("deadline")).isEqualTo("2026-12-22T09:00:00+07:00");
      assertThat(api.dossier("citizen", after).get("deadline")).isEqualTo("2026-12-15T09:00:00+07:00");
      permit = api.call("citizen", org.springframework.http.HttpMethod.GET, "/api/v1/procedures/1.013225", null)
          .getBody();
      assertThat(((Map<?, ?>) permit.get("processingWorkingDays")).get("COUNTER")).isEqualTo(10.0);
      assertThat(permit.get("upcoming")).isNull();
    } finally {
      repository.deleteDeployment((String) deployed.getBody().get("id"), true);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRefuseThroughTheEngineApiAModelThatBreaksMotcuasRulesWithEveryProblem() {
    // given: a reform officer's draft, as Camunda Modeler's deploy dialog sends it
    String draft = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Draft" targetNamespace="https://motcua.vn">
          <bpmn:process id="draftHouseholdRegistration" isExecutable="true" camunda:historyTimeToLive="180">
            <bpmn:extensionElements><camunda:properties>
              <camunda:property name="procedureCode" value="1.001612" />
              <camunda:property name="level" value="COMMUNE" />
              <camunda:property name="onlineServiceLevel" value="FULL" />
            </camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="StartEvent_Submitted" />
            <bpmn:sequenceFlow id="Flow_1a2b3c4" sourceRef="StartEvent_Submitted" targetRef="Task_Appraise" />
            <bpmn:userTask id="Task_Appraise" name="Thẩm định" camunda:candidateGroups="X06148.specialist" />
          </bpmn:process>
        </bpmn:definitions>
        """.strip();

    // when
    ResponseEntity<Map> refused = Models.deploy(as("caicach.langson"), "reform draft",
        Map.of("draft-household.bpmn", draft));

    // then: refused, with each problem at its element, and nothing deployed
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    List<Map<String, Object>> errors = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
        refused.getBody().get("details")).get("draft-household.bpmn")).get("errors");
    assertThat(errors).extracting(e -> e.get("mainElementId"))
        .containsExactly("Flow_1a2b3c4", "Task_Appraise", "Task_Appraise");
    assertThat(errors).extracting(e -> (String) e.get("message")).anySatisfy(m -> assertThat(m)
        .startsWith("Bước Task_Appraise phải giao cho nhóm của cơ quan do định tuyến xác định"));
    assertThat(errors).extracting(e -> (String) e.get("message")).anySatisfy(m -> assertThat(m)
        .startsWith("Bước Task_Appraise chưa có thời hạn (dueDate)"));
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("draftHouseholdRegistration").count())
        .isZero();
  }
}

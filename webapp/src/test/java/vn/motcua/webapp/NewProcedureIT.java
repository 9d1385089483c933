package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Zero Java: a procedure motcua has never run — death registration (đăng ký khai tử, 1.000656) — is added by models
 * alone: its BPMN, made of the shared building blocks, and its rows in the processing-time, fee, required-documents
 * and routing tables, deployed together through the engine's REST API as Camunda Modeler does. It is published in the
 * catalog at once, and a dossier goes through the commune's counter, its civil-status officer and its chairman to its
 * result.
 */
class NewProcedureIT extends PostgresIntegrationTest {

  private static final String CODE = "1.000656";
  private static final List<String> TABLES = List.of("processing-time.dmn", "fee.dmn", "required-documents.dmn",
      "routing.dmn");

  @Autowired
  private RepositoryService repository;
  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    now("2026-11-16T09:00");
  }

  @AfterEach
  void withdrawTheProcedure() {
    // withdrawn from the catalog as an operator would (the dossier and its history stay), the shipped tables back
    repository.suspendProcessDefinitionByKey("deathRegistration");
    Map<String, String> shipped = new LinkedHashMap<>();
    for (String table : TABLES) {
      shipped.put(table, Models.shipped("decisions/" + table));
    }
    assertThat(Models.deploy(as("caicach.langson"), "restore", shipped).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRunABrandNewProcedureDeployedAsModelsAloneToItsResult() {
    // given: the new procedure's model and its rows in the four tables
    Map<String, String> files = new LinkedHashMap<>();
    files.put("death-registration.bpmn", Models.shipped("reform/death-registration.bpmn"));
    files.put("appraise.form", Models.shipped("forms/appraise.form"));
    files.put("approve.form", Models.shipped("forms/approve.form"));
    files.put("processing-time.dmn", before(Models.shipped("decisions/processing-time.dmn"), "Rule_Marriage", """
        <rule id="Rule_Death">
          <description>Đăng ký khai tử: trong ngày (quy tắc 15 giờ)</description>
          <inputEntry id="InputEntry_Death_ProcedureCode"><text>"1.000656"</text></inputEntry>
          <inputEntry id="InputEntry_Death_Channel"><text>-</text></inputEntry>
          <inputEntry id="InputEntry_Death_Level"><text>-</text></inputEntry>
          <inputEntry id="InputEntry_Death_RuleSetVersion"><text>-</text></inputEntry>
          <inputEntry id="InputEntry_Death_Circumstance"><text>-</text></inputEntry>
          <outputEntry id="OutputEntry_Death_WorkingDays"><text>0</text></outputEntry>
        </rule>
        """));
    files.put("fee.dmn", before(Models.shipped("decisions/fee.dmn"), "Rule_Marriage", """
        <rule id="Rule_Death">
          <inputEntry id="InputEntry_Death_ProcedureCode"><text>"1.000656"</text></inputEntry>
          <inputEntry id="InputEntry_Death_ApplicantCategory"><text>-</text></inputEntry>
          <inputEntry id="InputEntry_Death_ProvinceCode"><text>-</text></inputEntry>
          <inputEntry id="InputEntry_Death_Channel"><text>-</text></inputEntry>
          <outputEntry id="OutputEntry_Death_Amount"><text>0</text></outputEntry>
          <outputEntry id="OutputEntry_Death_Basis"><text>"Miễn lệ phí đăng ký khai tử"</text></outputEntry>
        </rule>
        """));
    files.put("required-documents.dmn", before(Models.shipped("decisions/required-documents.dmn"),
        "Rule_MarriageDeclaration", document("DeathDeclaration", "TO_KHAI_KHAI_TU", "Tờ khai đăng ký khai tử",
            "Death registration declaration") + document("DeathNotice", "GIAY_BAO_TU", "Giấy báo tử",
            "Death notice")));
    String communeProcedures = "<text>\"1.001193\",\"1.000894\",\"2.000635\",\"2.000815\"</text>";
    String routing = Models.shipped("decisions/routing.dmn");
    assertThat(routing).contains(communeProcedures);
    files.put("routing.dmn", routing.replace(communeProcedures,
        "<text>\"1.001193\",\"1.000894\",\"2.000635\",\"2.000815\",\"1.000656\"</text>"));

    // when: deployed through the engine's REST API, as Camunda Modeler's deploy dialog does
    ResponseEntity<Map> deployed = Models.deploy(as("caicach.langson"), "Đăng ký khai tử", files);

    // then: published with its legal time, fee and documents
    assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
    Map<String, Object> procedure = api.call("citizen", HttpMethod.GET, "/api/v1/procedures/" + CODE, null)
        .getBody();
    assertThat(procedure).containsEntry("name", "Đăng ký khai tử").containsEntry("level", "COMMUNE");
    assertThat(((Map<String, Object>) procedure.get("processingWorkingDays")).get("COUNTER")).isEqualTo(0.0);
    assertThat(((Map<String, Map<String, Object>>) procedure.get("fees")).get("ONLINE")).containsEntry("amount", 0);
    assertThat((List<Map<String, Object>>) procedure.get("documents")).extracting(d -> d.get("name"))
        .containsExactly("Tờ khai đăng ký khai tử", "Giấy báo tử");

    // when: a dossier is submitted online and the commune's officers do each step
    String code = (String) api.submit("citizen", dossierRequest(CODE, "06148")).get("receiptCode");
    assertThat(api.task("thuyhung.motcua", code, "Task_CheckCompleteness").get("candidateGroups"))
        .isEqualTo(List.of("X06148.counter"));
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    api.complete("thuyhung.tuphap", code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Hồ sơ đủ điều kiện"));
    api.complete("thuyhung.chutich", code, "Task_Approve", Map.of("approval", "SIGN"));
    api.complete("thuyhung.motcua", code, "Task_ReturnResult", Map.of("returnMethod", "COUNTER",
        "receivedBy", "Nguyễn Văn An"));

    // then: the result returned the same day, within the legal time
    Map<String, Object> dossier = await().atMost(Duration.ofSeconds(30))
        .until(() -> api.dossier("citizen", code), d -> d.get("finishedAt") != null);
    assertThat(dossier).containsEntry("status", "RESULT_RETURNED").containsEntry("procedureName", "Đăng ký khai tử")
        .containsEntry("deadline", "2026-11-16T17:00:00+07:00");
    assertThat(dossier.get("timeliness")).isIn("EARLY", "ON_TIME");
  }

  private static String document(String id, String code, String name, String nameEn) {
    return """
        <rule id="Rule_%1$s">
          <inputEntry id="InputEntry_%1$s_ProcedureCode"><text>"1.000656"</text></inputEntry>
          <inputEntry id="InputEntry_%1$s_Circumstances"><text>-</text></inputEntry>
          <outputEntry id="OutputEntry_%1$s_DocumentCode"><text>"%2$s"</text></outputEntry>
          <outputEntry id="OutputEntry_%1$s_Name"><text>"%3$s"</text></outputEntry>
          <outputEntry id="OutputEntry_%1$s_NameEn"><text>"%4$s"</text></outputEntry>
          <outputEntry id="OutputEntry_%1$s_Form"><text>"ORIGINAL"</text></outputEntry>
          <outputEntry id="OutputEntry_%1$s_ResultOf"><text></text></outputEntry>
        </rule>
        """.formatted(id, code, name, nameEn);
  }

  /** A table with new rules placed before one of its rules, as an edit in the Modeler would. */
  private static String before(String dmn, String ruleId, String rules) {
    int at = dmn.indexOf("<rule id=\"" + ruleId + "\">");
    assertThat(at).as("rule %s", ruleId).isPositive();
    return dmn.substring(0, at) + rules + dmn.substring(at);
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Rolling a new version of a procedure out to running dossiers: a reform officer deploys a construction permit whose
 * appraisal step has a new id (from Camunda Modeler, through the engine API); the models page shows the dossiers left
 * on the old version; the preview says which can move (one waiting at the completeness check) and which cannot (one
 * at the appraisal, which the new version lacks); the chosen dossier moves and carries on in the new version, the
 * other stays and carries on in the old; the log says who deployed and who moved what.
 */
class MigrationIT extends PostgresIntegrationTest {

  private static final String MODEL = "processes/construction-permit.bpmn";
  private static final String[] FORMS = {"forms/appraise-construction.form", "forms/approve.form",
      "forms/inspect-site.form"};

  @LocalServerPort
  private int port;
  @Autowired
  private RepositoryService repository;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private TaskService tasks;
  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    now("2026-11-16T09:00");
  }

  /** Deploys the model and its forms as Camunda Modeler's deploy dialog does. */
  private ResponseEntity<Map> deploy(String name, String model) {
    Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put("construction-permit.bpmn", model);
    for (String form : FORMS) {
      files.put(form, Models.shipped(form));
    }
    return Models.deploy(as("caicach.langson"), name, files);
  }

  @AfterEach
  void restoreTheShippedModel() {
    deploy("restore construction permit", Models.shipped(MODEL));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldMoveTheDossiersTheNewVersionCanTakeAndLogWhoDeployedAndMoved() throws Exception {
    // given: one permit at the completeness check, one at the appraisal, on the version in force
    int old = repository.createProcessDefinitionQuery().processDefinitionKey("constructionPermit").latestVersion()
        .singleResult().getVersion();
    String waiting = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");
    String appraised = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", appraised, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));

    // when: a version whose appraisal step is Task_AppraiseDossier is deployed from Camunda Modeler
    ResponseEntity<Map> deployed = deploy("appraisal renamed",
        Models.shipped(MODEL).replace("\"Task_Appraise\"", "\"Task_AppraiseDossier\""));
    assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
    int latest = old + 1;

    // then: the models page shows the dossiers left on the old version and the deployment in the log
    WebDriver browser = Browser.driver();
    Browser.signIn(port, "caicach.langson", "board-title");
    browser.get("http://localhost:" + port + "/board/mo-hinh?lang=vi");
    assertThat(browser.findElement(By.id("models-changes")).getText())
        .contains("caicach.langson Triển khai appraisal renamed constructionPermit v" + latest);
    browser.findElement(By.id("migrate-constructionPermit-" + old)).click();

    // and the preview: the waiting dossier can move, the appraised one cannot
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("migration-dossiers")));
    Browser.screenshot("migration-preview");
    assertThat(row(browser, waiting)).contains("CallActivity_Intake", "Được");
    assertThat(row(browser, appraised)).contains("Task_Appraise",
        "Không — phiên bản mới không có bước Task_Appraise");
    assertThat(browser.findElements(By.id("move-" + appraised))).isEmpty();

    // when: only the waiting dossier is chosen and moved
    ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('input[name=dossier]')"
        + ".forEach(box => box.checked = box.value === arguments[0])", waiting);
    browser.findElement(By.id("migration-run")).click();

    // then: it moved, the other stayed; each carries on in its own version
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("migration-outcome")));
    assertThat(browser.findElement(By.id("migration-outcome")).getText())
        .startsWith("Đã chuyển 1 hồ sơ sang phiên bản mới.");
    String target = (String) deployed.getBody().get("id");
    assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceBusinessKey(waiting)
        .processDefinitionKey("constructionPermit").singleResult().getProcessDefinitionId()).getDeploymentId()).isEqualTo(target);
    api.complete("thuyhung.motcua", waiting, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(waiting).taskDefinitionKey("Task_AppraiseDossier")
        .count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(appraised).taskDefinitionKey("Task_Appraise")
        .count()).isEqualTo(1);

    // and the dossier's trail and the models log say who moved it
    Map<String, Object> trail = api.call("thuyhung.motcua", HttpMethod.GET,
        "/api/v1/dossiers/" + waiting + "/history", null).getBody();
    assertThat(trail.toString()).contains("MIGRATED", "constructionPermit v" + old + " → v" + latest);
    browser.get("http://localhost:" + port + "/board/mo-hinh?lang=vi");
    assertThat(browser.findElement(By.id("models-changes")).getText()).contains("caicach.langson Chuyển hồ sơ sang"
        + " phiên bản mới constructionPermit v" + old + " → v" + latest + " moved 1: " + waiting);
  }

  @Test
  void shouldRefuseARollOutThatDoesNotExistOrToNoNewerVersion() {
    // given: a dossier running, then a new version deployed
    String running = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");
    assertThat(deploy("appraisal renamed",
        Models.shipped(MODEL).replace("\"Task_Appraise\"", "\"Task_AppraiseDossier\""))
        .getStatusCode().value()).isEqualTo(200);
    WebSession officer = new WebSession(port, "caicach.langson");
    int latest = repository.createProcessDefinitionQuery().processDefinitionKey("constructionPermit").latestVersion()
        .singleResult().getVersion();
    String before = "/board/mo-hinh/chuyen/constructionPermit?from=" + (latest - 1) + "&lang=vi";

    // when / then: an unknown model, a version that does not exist, the latest version itself, not a number
    assertThat(officer.get("/board/mo-hinh/chuyen/noSuchModel?from=1&lang=vi").statusCode()).isEqualTo(404);
    var missing = officer.get("/board/mo-hinh/chuyen/constructionPermit?from=999&lang=vi");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("Mô hình constructionPermit không có phiên bản 999.");
    var same = officer.get("/board/mo-hinh/chuyen/constructionPermit?from=" + latest + "&lang=vi");
    assertThat(same.statusCode()).isEqualTo(400);
    assertThat(same.body()).contains("là phiên bản mới nhất của constructionPermit; không có gì để chuyển.");
    assertThat(officer.get("/board/mo-hinh/chuyen/constructionPermit?from=abc&lang=vi").statusCode())
        .isEqualTo(400);

    // and a dossier that does not run on the version is refused before anything moves
    var notRunning = officer.post(before, before, Map.of("dossier", "X06148-261116-9999"));
    assertThat(notRunning.statusCode()).isEqualTo(400);
    assertThat(notRunning.body()).contains("Hồ sơ X06148-261116-9999 không chạy trên phiên bản " + (latest - 1)
        + " của constructionPermit.");
    assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceBusinessKey(running)
        .processDefinitionKey("constructionPermit").singleResult().getProcessDefinitionId()).getVersion()).as("nothing moved").isEqualTo(latest - 1);

    // and a supervisor may not
    assertThat(new WebSession(port, "giamsat.trucninh").get("/board/mo-hinh/chuyen/constructionPermit?from=1")
        .statusCode()).isEqualTo(403);
  }

  private static String row(WebDriver browser, String receiptCode) {
    return browser.findElement(By.cssSelector("#migration-dossiers tr[data-code='" + receiptCode + "']")).getText();
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reform officers browse the deployed models: a procedure drawn by the bpmn-js viewer, a decision table by the dmn-js
 * viewer (the bpmn.io watermark kept), every version listed, and what changed in a table between two versions, rule
 * by rule, cell by cell.
 */
class ModelBrowserIT extends PostgresIntegrationTest {

  private static final String PROCESSING_TIME = "decisions/processing-time.dmn";

  @LocalServerPort
  private int port;
  @Autowired
  private RepositoryService repository;

  @AfterEach
  void restoreTheShippedTable() {
    repository.createDeployment().name("restore processing time").addString("processing-time.dmn",
        Models.shipped(PROCESSING_TIME)).deploy();
  }

  @Test
  void shouldDrawEachModelListItsVersionsAndShowWhatChangedInATableRuleByRule() {
    // given: the building permit cut from 15 to 10 days in a new version of the processing-time table
    repository.createDeployment().name("Cắt giảm thời hạn cấp phép xây dựng").addString("processing-time.dmn",
        Models.editRule(Models.shipped(PROCESSING_TIME), "Rule_Construction", "<text>15</text>", "<text>10</text>"))
        .deploy();
    int latest = (int) repository.createDecisionDefinitionQuery().decisionDefinitionKey("processingTime")
        .latestVersion().singleResult().getVersion();

    // when: the reform officer opens the table from the models page
    WebDriver browser = Browser.driver();
    Browser.signIn(port, "caicach.langson", "board-title");
    browser.get("http://localhost:" + port + "/board/mo-hinh?lang=vi");
    browser.findElement(By.id("browse-processingTime")).click();

    // then: the table is drawn, its versions listed, and the changed rule shown with its cell before and after
    Browser.waiting().until(ExpectedConditions.attributeToBe(By.id("model-viewer"), "data-ready", "true"));
    Browser.screenshot("model-browse-table");
    assertThat(browser.findElement(By.id("browse-title")).getText())
        .isEqualTo("Bảng quyết định processingTime — phiên bản " + latest);
    assertThat(browser.findElements(By.cssSelector("#model-viewer .tjs-table tbody tr"))).hasSizeGreaterThan(5);
    assertThat(browser.findElements(By.cssSelector("#model-viewer .powered-by"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#browse-version-list tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(browser.findElement(By.cssSelector("#browse-version-list tr[data-version='" + latest + "']"))
        .getText()).contains("Cắt giảm thời hạn cấp phép xây dựng");
    assertThat(browser.findElements(By.cssSelector("#browse-diff tbody tr"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector("#browse-diff tr[data-rule='Rule_Construction']")).getText())
        .contains("Sửa", "\"1.009997\"", "15 → 10");
    assertThat(browser.findElement(By.cssSelector("#browse-diff tr[data-rule='Rule_Construction'] td.changed"))
        .getText()).isEqualTo("15 → 10");

    // when: compared with itself
    new Select(browser.findElement(By.id("browse-compare"))).selectByValue(String.valueOf(latest));
    browser.findElement(By.id("browse-compare-run")).click();

    // then
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("browse-no-change")));

    // when: a procedure's process is opened
    browser.get("http://localhost:" + port + "/board/mo-hinh?lang=vi");
    browser.findElement(By.id("browse-constructionPermit")).click();

    // then: drawn with the bpmn-js viewer
    Browser.waiting().until(ExpectedConditions.attributeToBe(By.id("model-viewer"), "data-ready", "true"));
    Browser.screenshot("model-browse-process");
    assertThat(browser.findElements(By.cssSelector("#model-viewer .djs-element"))).hasSizeGreaterThan(20);
    assertThat(browser.findElements(By.cssSelector("#model-viewer .bjs-powered-by"))).isNotEmpty();
  }

  @Test
  void shouldAnswerAClearErrorForAModelOrVersionThatDoesNotExist() {
    // given
    WebSession officer = new WebSession(port, "caicach.langson");

    // when / then
    var unknown = officer.get("/board/mo-hinh/xem/bang/noSuchTable?lang=vi");
    assertThat(unknown.statusCode()).isEqualTo(404);
    var missing = officer.get("/board/mo-hinh/xem/bang/processingTime?version=999&lang=vi");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("processingTime không có phiên bản 999.");
    assertThat(officer.get("/board/mo-hinh/xem/quy-trinh/constructionPermit?version=abc&lang=vi").statusCode())
        .isEqualTo(400);
    assertThat(officer.get("/board/mo-hinh/xem/thu/constructionPermit").statusCode()).isEqualTo(404);
    assertThat(officer.get("/board/mo-hinh/xem/quy-trinh/constructionPermit/999/xml").statusCode()).isEqualTo(404);
    assertThat(new WebSession(port, "giamsat.trucninh").get("/board/mo-hinh/xem/bang/processingTime").statusCode())
        .isEqualTo(403);
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A specialist's and a leader's day in the workbench, in a real browser. */
class WorkbenchBrowserIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;

  private Api api;
  private WebDriver browser;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    browser = Browser.driver();
  }

  private void signIn(String user) {
    Browser.signIn(port, user, "queue");
  }

  /** A dossier of the procedure received by the Thụy Hùng counter, waiting for appraisal. */
  private String atAppraisal(String procedure) {
    String code = (String) api.submit("citizen", dossierRequest(procedure, "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    return code;
  }

  private List<String> queueOrder() {
    return browser.findElements(By.cssSelector("#tasks tbody tr")).stream()
        .map(row -> row.getAttribute("data-receipt")).toList();
  }

  private WebElement row(String receiptCode) {
    return browser.findElement(By.cssSelector("#tasks tr[data-receipt='" + receiptCode + "']"));
  }

  @Test
  void shouldTakeASpecialistThroughClaimingAttachingAndCompletingInDueOrder() throws Exception {
    // given: a dossier received last Thursday (now overdue), one due today and one due tomorrow
    now("2026-11-12T10:00");
    String overdue = atAppraisal("2.000635");
    now("2026-11-16T09:00");
    String tomorrow = atAppraisal("2.000815");
    String today = atAppraisal("1.001193");
    now("2026-11-16T09:30");

    // when
    signIn("thuyhung.tuphap");
    Browser.screenshot("workbench-specialist-queue");

    // then: soonest due first, overdue in red, due today marked
    assertThat(queueOrder()).containsSubsequence(overdue, today, tomorrow);
    assertThat(row(overdue).getAttribute("class")).contains("overdue");
    assertThat(row(today).getAttribute("class")).contains("due-soon");

    // when: the specialist claims today's dossier and opens it
    row(today).findElement(By.cssSelector("button.claim")).click();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("step-form")));
    assertThat(browser.findElement(By.id("task-panel")).getText()).contains("Giấy chứng sinh", "Quá trình xử lý");

    // and tries to propose the result without the draft
    decide("PROPOSE_APPROVE", "Hồ sơ đủ điều kiện, đã kiểm tra Sổ hộ tịch");
    WebElement refusal = Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("attachment-error")));
    Browser.screenshot("workbench-specialist-refused-without-file");
    assertThat(browser.findElement(By.id("field-missingDocuments")).isDisplayed())
        .as("the missing-documents field only shows for a supplement").isFalse();

    // then
    assertThat(refusal.getText()).contains("Bước này cần đính kèm: Dự thảo văn bản");

    // when: the draft is attached and the step completed
    Path draft = Files.createTempFile("du-thao-giay-khai-sinh", ".pdf");
    Files.write(draft, Api.pdf("Dự thảo Giấy khai sinh"));
    browser.findElement(By.id("upload-file")).sendKeys(draft.toAbsolutePath().toString());
    browser.findElement(By.id("upload")).click();
    Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-panel"), "Đã đính kèm tệp"));
    decide("PROPOSE_APPROVE", "Hồ sơ đủ điều kiện, đã kiểm tra Sổ hộ tịch");
    WebElement done = Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
    Browser.screenshot("workbench-specialist-completed");

    // then: the dossier is with the leader, and it left the specialist's queue
    assertThat(done.getText()).contains("Đã hoàn thành", today, "Ký Giấy khai sinh");
    Browser.waiting().until(driver -> !queueOrder().contains(today));
    assertThat(api.dossier("citizen", today)).containsEntry("currentStage", "APPROVE");
  }

  private void decide(String appraisal, String note) {
    browser.findElement(By.cssSelector("#step-form input[name='appraisal'][value='" + appraisal + "']")).click();
    WebElement noteField = browser.findElement(By.cssSelector("#step-form textarea[name='appraisalNote']"));
    noteField.clear();
    noteField.sendKeys(note);
    browser.findElement(By.id("complete")).click();
  }

  @Test
  void shouldLetALeaderSignSeveralDossiersWithOneConfirmation() {
    // given: two birth registrations proposed by the specialist
    now("2026-11-16T09:00");
    List<String> codes = List.of(atAppraisal("1.001193"), atAppraisal("1.001193"));
    codes.forEach(code -> api.complete("thuyhung.tuphap", code, "Task_Appraise",
        Map.of("appraisal", "PROPOSE_APPROVE", "appraisalNote", "Đủ điều kiện")));

    // when: the chairman selects both and approves them at once
    signIn("thuyhung.chutich");
    codes.forEach(code -> row(code).findElement(By.cssSelector("input[name='taskIds']")).click());
    browser.findElement(By.id("batch-selected")).click();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("batch-form")));
    browser.findElement(By.cssSelector("#batch-form input[name='approval'][value='SIGN']")).click();
    Browser.screenshot("workbench-leader-batch");
    browser.findElement(By.id("batch-complete")).click();
    Browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
    Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), "Đã hoàn thành 2 hồ sơ"));
    Browser.screenshot("workbench-leader-signed");

    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    Browser.screenshot("workbench-leader-phone");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));

    // then: each dossier went on to the counter on its own (once its result was signed), with its own audit entry
    for (String code : codes) {
      api.dossierOnceIn("citizen", code, "AWAITING_RETURN");
    }
    assertThat(queueOrder()).doesNotContainAnyElementsOf(codes);
  }
}

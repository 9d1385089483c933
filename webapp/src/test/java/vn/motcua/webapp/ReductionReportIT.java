package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reduction report, computed from the models: after a reform officer shortens the building permit from 15 to 10
 * working days and deploys the table, the report shows that procedure's time before and after and the days cut in
 * total, with their share.
 */
class ReductionReportIT extends PostgresIntegrationTest {

  private static final String PROCESSING_TIME = "/decisions/processing-time.dmn";

  @LocalServerPort
  private int port;

  private String shipped() throws Exception {
    return new String(getClass().getResourceAsStream(PROCESSING_TIME).readAllBytes(), StandardCharsets.UTF_8);
  }

  private void deploy(WebDriver browser, String content) throws Exception {
    Path file = Files.createDirectories(Path.of("target", "uploads")).resolve("processing-time.dmn");
    Files.writeString(file, content);
    browser.get("http://localhost:" + port + "/board/mo-hinh?lang=vi");
    browser.findElement(By.id("models-files")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("models-deploy")).click();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("models-deployed")));
  }

  @AfterEach
  void restoreTheShippedTable() throws Exception {
    deploy(Browser.driver(), shipped());
  }

  @Test
  void shouldShowTheDaysCutByTheLatestChangeOfTheProcessingTimes() throws Exception {
    // given: the shipped table in force, then the building permit cut from 15 to 10 working days
    WebDriver browser = Browser.driver();
    Browser.signIn(port, "caicach.langson", "board-title");
    String shipped = shipped();
    int rule = shipped.indexOf("<rule id=\"Rule_Construction\">");
    String shorter = shipped.substring(0, rule) + shipped.substring(rule).replaceFirst(
        "<outputEntry id=\"OutputEntry_Construction_WorkingDays\"><text>15</text>",
        "<outputEntry id=\"OutputEntry_Construction_WorkingDays\"><text>10</text>");
    assertThat(shorter).isNotEqualTo(shipped);
    deploy(browser, shipped);

    // when
    deploy(browser, shorter);
    browser.findElement(By.id("reduction-link")).click();

    // then: the permit 15 → 10, the others unchanged, 5 days cut in total
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reduction-rows")));
    Browser.screenshot("reduction-report");
    assertThat(browser.findElement(By.cssSelector("#reduction-rows tr[data-code='1.013225']")).getText())
        .contains("Cấp giấy phép xây dựng", "15 → 10", "75.000 → 75.000", "3 → 3");
    assertThat(browser.findElement(By.cssSelector("#reduction-rows tr[data-code='1.001193']")).getText())
        .contains("0 → 0", "0 → 0", "2 → 2");
    assertThat(browser.findElement(By.id("reduction-total")).getText()).startsWith("Cắt giảm 5 trên tổng ")
        .matches("Cắt giảm 5 trên tổng (\\d+) ngày làm việc \\((\\d+(,\\d)?)%\\); còn \\d+ ngày\\.");

    // when: only the building permit is chosen
    browser.findElement(By.id("procedure-1.013225")).click();
    browser.findElement(By.id("reduction-compare")).click();

    // then: its row alone, and the share of its own time
    Browser.waiting().until(ExpectedConditions.textToBe(By.id("reduction-total"),
        "Cắt giảm 5 trên tổng 15 ngày làm việc (33,3%); còn 10 ngày."));
    assertThat(browser.findElements(By.cssSelector("#reduction-rows tbody tr"))).hasSize(1);

    // when: the same version on both sides
    String latest = new Select(browser.findElement(By.id("after-processingTime"))).getFirstSelectedOption()
        .getAttribute("value");
    new Select(browser.findElement(By.id("before-processingTime"))).selectByValue(latest);
    browser.findElement(By.id("reduction-compare")).click();

    // then: nothing cut
    Browser.waiting().until(ExpectedConditions.textToBe(By.id("reduction-total"),
        "Cắt giảm 0 trên tổng 10 ngày làm việc (0%); còn 10 ngày."));

    // when: a version that does not exist is asked for
    browser.get("http://localhost:" + port + "/board/mo-hinh/cat-giam?lang=vi&before.processingTime=999");

    // then: said so, and the default comparison shown
    assertThat(browser.findElement(By.id("reduction-error")).getText())
        .isEqualTo("Bảng processingTime không có phiên bản \"999\".");
    var refused = new WebSession(port, "caicach.langson").get("/board/mo-hinh/cat-giam?procedure=9.999999&lang=vi");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Không có thủ tục đang công bố mã &quot;9.999999&quot;.");
  }
}

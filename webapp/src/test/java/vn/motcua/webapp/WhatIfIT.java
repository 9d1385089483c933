package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What-if: two household businesses of November 2026 (three working days; one returned late), replayed against a
 * proposed processing-time table giving five days and a proposed routing table moving the handling to the province:
 * the on-time rate would have gone from 50% to 100%, and the commune's dossiers to the province.
 */
class WhatIfIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;
  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @Test
  void shouldReplayTheFinishedDossiersAgainstTheProposedTablesAndShowTheOnTimeRateAndLoadBeforeAndAfter()
      throws Exception {
    // given: two dossiers received on Monday 2 November 2026 (due Thursday 09:00): one returned on Tuesday, one on
    // Friday
    now("2026-11-02T09:00");
    String onTime = handled();
    String late = handled();
    now("2026-11-03T10:00");
    returned(onTime);
    now("2026-11-06T10:00");
    returned(late);
    now("2026-11-09T09:00");

    // when: the officer replays the last month with five days and the province handling it proposed
    Path time = proposal("processing-time.dmn", "Rule_HouseholdCommune", "<text>3</text>", "<text>5</text>");
    Path routing = proposal("routing.dmn", "Rule_HouseholdHandle2", "<text>\"X\" + communeCode</text>",
        "<text>\"T\" + provinceCode</text>");
    WebDriver browser = Browser.driver();
    Browser.signIn(port, "caicach.langson", "board-title");
    browser.get("http://localhost:" + port + "/board/mo-hinh?lang=vi");
    browser.findElement(By.id("whatif-link")).click();
    browser.findElement(By.id("whatif-months")).clear();
    browser.findElement(By.id("whatif-months")).sendKeys("1");
    browser.findElement(By.id("whatif-files")).sendKeys(time + "\n" + routing);
    browser.findElement(By.id("whatif-run")).click();

    // then: 50% on time → 100%; the commune's two dossiers would have gone to the province
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("whatif-total")));
    Browser.screenshot("what-if");
    assertThat(browser.findElement(By.id("whatif-result")).getText())
        .isEqualTo("Hồ sơ giải quyết từ 09/10/2026 đến 09/11/2026, theo bảng đề xuất: processingTime, routing");
    assertThat(browser.findElement(By.id("whatif-total")).getText())
        .isEqualTo("2 hồ sơ; tỷ lệ đúng hạn 50,0% (thực tế) → 100,0% (giả định).");
    assertThat(browser.findElement(By.cssSelector("#whatif-procedures tr[data-code='1.001612']")).getText())
        .contains("Đăng ký thành lập hộ kinh doanh", "2", "50,0% → 100,0%");
    assertThat(browser.findElement(By.cssSelector("#whatif-agencies tr[data-agency='X06148']")).getText())
        .endsWith("4 2 -2");
    assertThat(browser.findElement(By.cssSelector("#whatif-agencies tr[data-agency='T20']")).getText())
        .endsWith("0 2 +2");
  }

  @Test
  void shouldRefuseAReplayWithoutATableWithABrokenOneOrWithAnImpossiblePeriod() throws Exception {
    // given
    WebSession officer = new WebSession(port, "caicach.langson");
    String page = "/board/mo-hinh/gia-dinh?lang=vi";
    String fee = Models.shipped("decisions/fee.dmn");
    WebSession.FilePart table = new WebSession.FilePart("processing-time.dmn",
        Models.shipped("decisions/processing-time.dmn").getBytes(StandardCharsets.UTF_8));

    // when / then
    assertThat(officer.postMultipart(page, page, Map.of("months", "3")).body())
        .contains("Hãy chọn ít nhất một bảng đề xuất (.dmn).");
    var tooLong = officer.postMultipart(page, page, Map.of("months", "25", "files", table));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("Số tháng phải là số từ 1 đến 24.");
    var notANumber = officer.postMultipart(page, page, Map.of("months", "ba", "files", table));
    assertThat(notANumber.statusCode()).isEqualTo(400);
    var other = officer.postMultipart(page, page, Map.of("months", "3", "files",
        new WebSession.FilePart("fee.dmn", fee.getBytes(StandardCharsets.UTF_8))));
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(other.body()).contains("Tệp &quot;fee.dmn&quot; không có bảng processingTime hay routing.");
    var broken = officer.postMultipart(page, page, Map.of("months", "3", "files",
        new WebSession.FilePart("processing-time.dmn", "<definitions>not a table".getBytes(StandardCharsets.UTF_8))));
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("Không đọc được bảng quyết định trong tệp &quot;processing-time.dmn&quot;.");
    assertThat(new WebSession(port, "giamsat.trucninh").get(page).statusCode()).isEqualTo(403);
  }

  /** A household business of Thụy Hùng commune, received, appraised and approved at once. */
  private String handled() {
    String code = (String) api.submit("citizen", dossierRequest("1.001612", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    api.complete("thuyhung.tuphap", code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Hồ sơ đủ điều kiện"));
    api.complete("thuyhung.chutich", code, "Task_Approve", Map.of("approval", "SIGN"));
    return code;
  }

  private void returned(String code) {
    api.complete("thuyhung.motcua", code, "Task_ReturnResult", Map.of("returnMethod", "COUNTER",
        "receivedBy", "Nguyễn Văn An"));
    await().atMost(Duration.ofSeconds(30)).until(() -> api.dossier("citizen", code).get("finishedAt") != null);
  }

  /** A shipped table with one rule edited, written where the browser can upload it. */
  private static Path proposal(String file, String ruleId, String from, String to) throws IOException {
    String edited = Models.editRule(Models.shipped("decisions/" + file), ruleId, from, to);
    Path path = Files.createDirectories(Path.of("target", "uploads", "what-if")).resolve(file);
    Files.writeString(path, edited);
    return path.toAbsolutePath();
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A district supervisor's look at the board in a real browser: filters, a dossier's timeline, downloads. */
class BoardBrowserIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;

  private Api api;
  private WebDriver browser;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    browser = Browser.driver();
    browser.manage().window().setSize(new Dimension(1400, 1000));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void signIn(String user) {
    Browser.signIn(port, user, "filters");
  }

  /** Copies certified at Thụy Hùng, taken by its specialist on Monday and still not done. */
  private String overdueCopyCertification() {
    now("2026-11-09T09:00");
    String code = (String) api.submit("citizen", dossierRequest("2.000815", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    String id = (String) api.task("thuyhung.tuphap", code, "Task_Appraise").get("id");
    api.call("thuyhung.tuphap", org.springframework.http.HttpMethod.POST, "/api/v1/tasks/" + id + "/claim", null);
    return code;
  }

  private List<String> listed() {
    return browser.findElements(By.cssSelector("#board-rows a.dossier-link")).stream().map(a -> a.getText())
        .toList();
  }

  @Test
  void shouldFilterTheBoardOpenADossiersTimelineAndDownloadItsListAndReport() throws Exception {
    // given: a dossier of Thụy Hùng commune, one working day overdue on Wednesday 11 November
    String code = overdueCopyCertification();
    now("2026-11-11T09:00");

    // when: the province's supervisor narrows the board to Thụy Hùng, the procedure and the officer holding it
    signIn("giamsat.langson");
    assertThat(browser.findElement(By.id("board-title")).getText()).contains("Tỉnh Lạng Sơn");
    new Select(browser.findElement(By.id("filter-unit"))).selectByValue("06148");
    new Select(browser.findElement(By.id("filter-procedure"))).selectByValue("2.000815");
    browser.findElement(By.id("filter-officer")).sendKeys("thuyhung.tuphap");
    browser.findElement(By.id("apply-filters")).click();
    Browser.waiting().until(ExpectedConditions.urlContains("officer=thuyhung.tuphap"));
    Browser.screenshot("board-supervisor-filtered");

    // then: the overdue tab lists it, late in red, with who holds it
    assertThat(browser.findElement(By.id("board-title")).getText()).contains("Xã Thụy Hùng");
    assertThat(browser.findElement(By.id("tab-overdue")).getAttribute("class")).contains("active");
    assertThat(listed()).contains(code);
    var row = browser.findElement(By.xpath("//table[@id='board-rows']//tr[.//a[text()='" + code + "']]"));
    assertThat(row.getAttribute("class")).contains("overdue");
    assertThat(row.getText()).contains("thuyhung.tuphap", "quá 1 ngày");
    assertThat(browser.findElement(By.id("kpi-overdue")).getText()).isNotEqualTo("0");

    // when: another list, then a procedure with nothing overdue
    browser.findElement(By.id("tab-due-soon")).click();
    Browser.waiting().until(ExpectedConditions.urlContains("list=due-soon"));
    assertThat(listed()).doesNotContain(code);
    browser.findElement(By.id("tab-overdue")).click();
    Browser.waiting().until(ExpectedConditions.urlContains("list=overdue"));

    // when: the supervisor opens the dossier
    browser.findElement(By.linkText(code)).click();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
    Browser.screenshot("board-dossier-timeline");

    // then: its timeline shows who handed it to whom and the step still open
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains(code);
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("Ủy ban nhân dân xã Thụy Hùng");
    browser.navigate().back();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("export-list-xlsx")));

    // when: the list is downloaded as a spreadsheet
    browser.findElement(By.id("export-list-xlsx")).click();
    Path xlsx = Browser.downloaded("motcua-overdue", ".xlsx");

    // then: it opens, with Vietnamese headings and the dossier
    List<String> cells = new ArrayList<>();
    try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheetAt(0);
      for (Row r : sheet) {
        r.forEach(cell -> cells.add(cell.toString()));
      }
    }
    assertThat(cells).contains("Mã hồ sơ", "Hạn trả", "Còn lại (ngày làm việc)", code, "thuyhung.tuphap");

    // when: the periodic report is downloaded
    browser.findElement(By.id("export-report")).click();
    Path pdf = Browser.downloaded("motcua-bao-cao", ".pdf");

    // then: a PDF whose text reads in Vietnamese, with its diacritics
    PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
    String text = new PdfTextExtractor(reader).getTextFromPage(1);
    reader.close();
    assertThat(text).contains("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "Xã Thụy Hùng",
        "Kết quả tiếp nhận, giải quyết", "Vy Văn Quang");
  }

  @Test
  void shouldReadOnAPhoneWithoutScrollingSideways() {
    // given
    signIn("giamsat.langson");

    // when
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.navigate().refresh();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("kpis")));
    Browser.screenshot("board-phone");

    // then
    long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    Object wide = ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
            + " > document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.'"
            + " + e.className).join(', ');");
    assertThat(overflow).as("too wide: %s", wide).isLessThanOrEqualTo(0);
    assertThat(browser.findElement(By.id("board-title")).getText()).contains("Tỉnh Lạng Sơn");
    browser.manage().window().setSize(new Dimension(1400, 1000));
  }

  @Test
  void shouldLandASupervisorOnTheBoardAndLetThemOpenTheirOwnTasks() {
    // when
    signIn("giamsat.thuyhung");

    // then: the board is their home; the escalations addressed to them wait in the workbench
    assertThat(browser.getCurrentUrl()).endsWith("/board");
    browser.findElement(By.id("my-tasks")).click();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
    assertThat(browser.getCurrentUrl()).contains("/workbench");
  }

  @Test
  void shouldShowTheCommuneAndTheProvinceSupervisorEachTheirOwnScopeToday() {
    // given: in December 2026 a birth is received at Thụy Hùng and one at Thất Khê
    now("2026-12-08T09:00");
    for (String[] place : new String[][] {{"06148", "thuyhung.motcua"}, {"06040", "thatkhe.motcua"}}) {
      String code = (String) api.submit("citizen", dossierRequest("1.001193", place[0])).get("receiptCode");
      api.complete(place[1], code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    }

    // when: the commune's supervisor opens the board
    signIn("giamsat.thuyhung");

    // then: their commune only, nothing to rank below it, only their centre's reception
    assertThat(browser.findElement(By.id("board-title")).getText()).contains("Xã Thụy Hùng", "12/2026");
    assertThat(browser.findElements(By.cssSelector("#ranking tr.ranked"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#reception-table tbody tr"))).extracting(
        row -> row.getAttribute("data-agency")).containsExactly("X06148");

    // when: the province's supervisor opens it
    signIn("giamsat.langson");

    // then: the province, its communes ranked in today's structure (no district), every centre's reception
    assertThat(browser.findElement(By.id("board-title")).getText()).contains("Tỉnh Lạng Sơn", "12/2026");
    List<WebElement> ranked = browser.findElements(By.cssSelector("#ranking tr.ranked"));
    assertThat(ranked).extracting(row -> row.getAttribute("data-unit")).contains("06148", "06040");
    assertThat(ranked).extracting(row -> row.getAttribute("data-part")).doesNotContain("THREE_LEVEL");
    assertThat(browser.findElement(By.id("ranking")).getText()).doesNotContain("Huyện");
    assertThat(browser.findElements(By.cssSelector("#reception-table tbody tr"))).extracting(
        row -> row.getAttribute("data-agency")).contains("X06148", "X06040");
  }

  @Test
  void shouldShowAWrongFilterOnThePageAndNotTheDossiersOfAnotherCommune() {
    // given
    signIn("giamsat.thuyhung");

    // when: another commune, typed into the address
    browser.get(url("/board?unit=06040"));

    // then
    assertThat(browser.findElement(By.id("board-error")).getText())
        .contains("Đơn vị 06040 không thuộc phạm vi giám sát của bạn");
    assertThat(browser.findElement(By.id("board-title")).getText()).contains("Xã Thụy Hùng");
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A citizen's whole journey in a real browser: from the catalog to the e-form pre-filled from the population registry,
 * a checklist that follows their answers, uploads (a disguised file refused), the receipt; asked to supplement, they
 * see exactly what is missing and hand it in; they download the signed result and rate the service.
 */
class CitizenJourneyIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;
  @Autowired
  private JdbcTemplate jdbc;

  private Api api;
  private WebDriver browser;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    browser = Browser.driver();
    browser.manage().deleteAllCookies();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static Path file(String name, byte[] content) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "uploads"));
    return Files.write(dir.resolve(name), content);
  }

  private long dossiersOf(String user) {
    return jdbc.queryForObject("select count(*) from dossier where submitted_by = ?", Long.class, user);
  }

  @Test
  void shouldTakeACitizenFromTheCatalogThroughSupplementToTheSignedResultAndTheRating() throws Exception {
    // given: the procedure's page, signed out
    browser.get(url("/thu-tuc/1.001193?lang=vi"));

    // when: the citizen applies online and signs in on the way
    browser.findElement(By.id("apply-online")).click();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("citizen");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("sign-in")).click();

    // then: the e-form, pre-filled from the national population registry through the worker
    Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lookup-status"),
        "Cơ sở dữ liệu quốc gia về dân cư"));
    // the pre-filled part of the form is swapped in by htmx: an element found before the swap goes stale
    Browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> !d.findElement(By.id("apply-address")).getAttribute("value").isEmpty());
    assertThat(browser.findElement(By.id("apply-title")).getText()).isEqualTo("Nộp hồ sơ trực tuyến: Đăng ký khai sinh");
    assertThat(browser.findElement(By.id("apply-fullName")).getAttribute("value")).isEqualTo("Nguyễn Văn An");
    assertThat(browser.findElement(By.id("apply-idNumber")).getAttribute("value")).isEqualTo("020190001234");
    assertThat(browser.findElement(By.id("apply-address")).getAttribute("value"))
        .isEqualTo("Thôn Bản Mới, xã Thụy Hùng, tỉnh Lạng Sơn");
    assertThat(browser.findElements(By.id("file_GIAY_CHUNG_SINH"))).hasSize(1);

    // when: the child was born without a birth certificate
    browser.findElement(By.id("circumstance-NO_BIRTH_CERTIFICATE")).click();

    // then: the checklist asks for the witness statement instead, as the decision table says
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("file_VAN_BAN_NGUOI_LAM_CHUNG")));
    assertThat(browser.findElements(By.id("file_GIAY_CHUNG_SINH"))).isEmpty();

    // when: a script named like a PDF goes with the declaration
    long before = dossiersOf("citizen");
    new Select(browser.findElement(By.id("apply-communeCode"))).selectByValue("06148");
    browser.findElement(By.id("apply-phone")).sendKeys("0912345678");
    browser.findElement(By.id("returnMethod-POST")).click();
    browser.findElement(By.id("file_TO_KHAI_KHAI_SINH")).sendKeys(
        file("to-khai.pdf", "<script>alert(1)</script>".getBytes()).toAbsolutePath().toString());
    browser.findElement(By.id("file_VAN_BAN_NGUOI_LAM_CHUNG")).sendKeys(
        file("lam-chung.pdf", Api.pdf("làm chứng")).toAbsolutePath().toString());
    browser.findElement(By.id("apply-submit")).click();

    // then: refused with a message on that file, the answers kept, nothing stored
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problem-file_TO_KHAI_KHAI_SINH")));
    assertThat(browser.findElement(By.id("apply-error")).getText())
        .isEqualTo("Hồ sơ chưa nộp được: hãy sửa các mục được đánh dấu bên dưới.");
    assertThat(browser.findElement(By.id("problem-file_TO_KHAI_KHAI_SINH")).getText())
        .isEqualTo("Chỉ nhận tệp PDF, JPEG hoặc PNG (nhận biết theo nội dung tệp).");
    assertThat(browser.findElement(By.id("apply-phone")).getAttribute("value")).isEqualTo("0912345678");
    assertThat(browser.findElement(By.id("problem-postalAddress")).getText())
        .isEqualTo("Nhận kết quả qua bưu chính cần địa chỉ nhận.");
    assertThat(browser.findElement(By.id("circumstance-NO_BIRTH_CERTIFICATE")).isSelected()).isTrue();
    assertThat(dossiersOf("citizen")).isEqualTo(before);

    // when: real files this time, and the result by post to their address
    browser.findElement(By.id("apply-postalAddress")).sendKeys("Số 12, thôn Bản Mới, xã Thụy Hùng, tỉnh Lạng Sơn");
    browser.findElement(By.id("file_TO_KHAI_KHAI_SINH")).sendKeys(
        file("tờ khai khai sinh.pdf", Api.pdf("tờ khai")).toAbsolutePath().toString());
    browser.findElement(By.id("file_VAN_BAN_NGUOI_LAM_CHUNG")).sendKeys(
        file("lam-chung.pdf", Api.pdf("làm chứng")).toAbsolutePath().toString());
    browser.findElement(By.id("apply-submit")).click();

    // then: the dossier with its receipt code and the two components
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-code")));
    Browser.screenshot("citizen-submitted");
    String code = browser.findElement(By.id("receipt-code")).getText();
    assertThat(code).startsWith("X06148-");
    assertThat(browser.findElement(By.id("dossier-notice")).getText()).startsWith("Đã nộp hồ sơ.");
    assertThat(browser.findElement(By.id("dossier-files")).getText()).contains("tờ khai khai sinh.pdf",
        "lam-chung.pdf");
    assertThat(jdbc.queryForList("select requirement_code from dossier_document d join dossier x on x.id ="
        + " d.dossier_id where x.receipt_code = ? order by d.id", String.class, code))
        .containsExactly("TO_KHAI_KHAI_SINH", "VAN_BAN_NGUOI_LAM_CHUNG");

    // when: the counter finds the witness's identity paper missing
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "SUPPLEMENT",
        "missingDocuments", "Bản sao giấy tờ tùy thân của người làm chứng"));
    browser.get(url("/cong-dan/ho-so/" + code));

    // then: the citizen sees exactly what is missing, and the written guidance (form 02)
    assertThat(browser.findElement(By.id("dossier-status")).getText()).isEqualTo("Chờ bổ sung hồ sơ");
    assertThat(browser.findElement(By.id("missing-documents")).getText())
        .isEqualTo("Bản sao giấy tờ tùy thân của người làm chứng");
    assertThat(browser.findElements(By.cssSelector("#dossier-files li[data-kind='SUPPLEMENT_GUIDANCE']")))
        .hasSize(1);

    // when: they hand it in
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
    browser.findElement(By.id("supplement-files")).sendKeys(
        file("cccd-nguoi-lam-chung.png", png).toAbsolutePath().toString());
    browser.findElement(By.id("supplement-submit")).click();

    // then: the dossier is back with the counter
    Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-notice"),
        "Đã nộp bổ sung"));
    assertThat(browser.findElements(By.id("supplement"))).isEmpty();
    assertThat(browser.findElement(By.id("dossier-files")).getText()).contains("cccd-nguoi-lam-chung.png");

    // when: the commune receives, appraises, approves, and returns the result online
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    api.complete("thuyhung.tuphap", code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện"));
    api.complete("thuyhung.chutich", code, "Task_Approve", Map.of("approval", "SIGN",
        "approvalNote", "Đồng ý đăng ký khai sinh"));
    // then: the counter's return step already says how and where the applicant asked for it
    String returnTask = (String) api.task("thuyhung.motcua", code, "Task_ReturnResult").get("id");
    @SuppressWarnings("unchecked")
    Map<String, Object> asked = (Map<String, Object>) ((Map<String, Object>) api.call("thuyhung.motcua",
        HttpMethod.GET, "/api/v1/tasks/" + returnTask, null).getBody().get("form")).get("values");
    assertThat(asked).containsEntry("returnMethod", "POST")
        .containsEntry("postalAddress", "Số 12, thôn Bản Mới, xã Thụy Hùng, tỉnh Lạng Sơn");
    api.complete("thuyhung.motcua", code, "Task_ReturnResult", Map.of("returnMethod", "ONLINE"));
    browser.get(url("/cong-dan/ho-so/" + code));

    // then: the signed result, downloadable, whose signature anyone can verify
    assertThat(browser.findElement(By.id("dossier-status")).getText()).isEqualTo("Đã trả kết quả");
    var signed = browser.findElement(By.cssSelector("#dossier-files li[data-kind='RESULT'] .badge"));
    assertThat(signed.getText()).isEqualTo("Đã ký số: Ủy ban nhân dân xã Thụy Hùng");
    try (var earlier = Files.list(Browser.downloads())) { // a download of an earlier run under the same name
      for (Path stale : earlier.filter(f -> f.getFileName().toString().startsWith("result-" + code)).toList()) {
        Files.delete(stale);
      }
    }
    signed.findElement(By.xpath("..")).findElement(By.tagName("a")).click();
    byte[] result = Files.readAllBytes(Browser.downloaded("result-" + code + "-ky-so", ".pdf"));
    HttpHeaders pdf = new HttpHeaders();
    pdf.setContentType(MediaType.APPLICATION_PDF);
    assertThat(rest.exchange("/api/v1/signatures/verify", HttpMethod.POST, new HttpEntity<>(result, pdf), Map.class)
        .getBody()).containsEntry("valid", true);

    // when: they rate the service
    browser.findElement(By.id("score-5")).click();
    browser.findElement(By.id("reason-ON_TIME")).click();
    browser.findElement(By.id("reason-CLEAR_GUIDANCE")).click();
    browser.findElement(By.id("rating-comment")).sendKeys("Cán bộ hướng dẫn tận tình");
    browser.findElement(By.id("rating-submit")).click();

    // then: once, counted for the index
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("rating-given")));
    Browser.screenshot("citizen-rated");
    assertThat(browser.findElement(By.id("rating-given")).getText()).isEqualTo("Ông/Bà đã đánh giá 5/5. Cảm ơn Ông/Bà.");
    assertThat(jdbc.queryForMap("select rating, rating_reasons, rating_comment from dossier where receipt_code = ?",
        code)).containsEntry("rating", 5).containsEntry("rating_reasons", "ON_TIME,CLEAR_GUIDANCE")
        .containsEntry("rating_comment", "Cán bộ hướng dẫn tận tình");
    assertThat(api.call("citizen", HttpMethod.POST, "/api/v1/dossiers/" + code + "/rating",
        Map.of("score", 1)).getStatusCode().value()).isEqualTo(409);
    assertThat(browser.findElements(By.id("rating-submit"))).isEmpty();
    assertThat(List.of(browser.findElement(By.id("my-dossiers")).getText())).containsExactly("Hồ sơ của tôi");
  }
}

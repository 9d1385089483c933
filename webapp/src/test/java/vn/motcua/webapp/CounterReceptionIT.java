package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counter receives dossiers in person and by post: on the reception page, in a real browser, it records one with
 * the scanned components and hands over the receipt-and-appointment voucher (form 01), or asks for every missing
 * document at once (form 02). The voucher is a PDF whose text reads in Vietnamese with its diacritics, with the
 * receipt code, the documents received and the appointment date, and whose QR code reads the receipt code.
 */
class CounterReceptionIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;
  @Autowired
  private JdbcTemplate jdbc;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @Test
  void shouldRecordAnInPersonDossierOnTheReceptionPageAndPrintItsVoucher() throws Exception {
    // given: Monday morning, the Thụy Hùng counter officer opens the reception page
    now("2026-11-16T09:00");
    WebDriver browser = Browser.driver();
    Browser.signIn(port, "thuyhung.motcua", "queue-title");
    browser.findElement(By.id("reception")).click();
    new Select(Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("choose-procedure"))))
        .selectByValue("2.000815");
    browser.findElement(By.id("choose")).click();

    // when: the applicant hands in the original on paper and the copy, which is scanned, but forgot the commune
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reception-form")));
    assertThat(browser.findElement(By.id("channel-COUNTER")).isSelected()).isTrue();
    browser.findElement(By.id("apply-fullName")).sendKeys("Nguyễn Văn An");
    browser.findElement(By.id("apply-idNumber")).sendKeys("020190001234");
    WebElement pages = browser.findElement(By.id("apply-pages"));
    pages.clear();
    pages.sendKeys("3");
    browser.findElement(By.id("paper_BAN_CHINH")).click();
    browser.findElement(By.id("reception-fee-receipt")).sendKeys("BL-0000123");
    browser.findElement(By.id("file_BAN_SAO_CAN_CHUNG_THUC")).sendKeys(
        scan("ban-sao.pdf", Api.pdf("bản sao")).toString());
    long before = jdbc.queryForObject("select count(*) from dossier", Long.class);
    browser.findElement(By.id("reception-submit")).click();

    // then: the place is asked for, nothing is recorded, and what was entered stays
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reception-error")));
    assertThat(browser.findElement(By.id("problem-communeCode")).getText())
        .isEqualTo("Chưa nhập mã xã (phường, thị trấn).");
    assertThat(browser.findElement(By.id("paper_BAN_CHINH")).isSelected()).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from dossier", Long.class)).isEqualTo(before);

    // when: with the commune and the scan again, it is recorded
    new Select(browser.findElement(By.id("apply-communeCode"))).selectByValue("06148");
    browser.findElement(By.id("file_BAN_SAO_CAN_CHUNG_THUC")).sendKeys(
        scan("ban-sao.pdf", Api.pdf("bản sao")).toString());
    browser.findElement(By.id("reception-submit")).click();

    // then: the completeness check opens, already taken by the officer, with nothing listed as missing
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("step-form")));
    String code = browser.findElement(By.cssSelector("#task-panel p.muted a")).getText();
    assertThat(code).startsWith("X06148-");
    assertThat(browser.findElement(By.id("unclaim")).isDisplayed()).isTrue();
    assertThat(jdbc.queryForObject("select text from dossier_comment c join dossier d on d.id = c.dossier_id"
        + " where d.receipt_code = ?", String.class, code))
        .isEqualTo("Đã nhận bản giấy, chưa số hóa:\n1. Bản chính giấy tờ, văn bản làm cơ sở chứng thực (bản chính)");

    assertThat(jdbc.queryForObject("select p.receipt_number || ' ' || p.status from fee_payment p join dossier d"
        + " on d.id = p.dossier_id where d.receipt_code = ?", String.class, code)).isEqualTo("BL-0000123 PAID");

    // when: the officer finds it complete
    browser.findElement(By.cssSelector("input[name=completeness][value=COMPLETE]")).click();
    browser.findElement(By.id("complete")).click();

    // then: the voucher (form 01) is there to print, and reads right
    WebElement voucher = Browser.waiting().until(
        ExpectedConditions.presenceOfElementLocated(By.id("letter-RECEIPT_VOUCHER")));
    Browser.screenshot("counter-received");
    String text = pdfText(download(voucher.getAttribute("href")));
    assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + code,
        "Hình thức nộp: trực tiếp tại Bộ phận Một cửa",
        "Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 17/11/2026");
  }

  @Test
  void shouldListEveryMissingDocumentInTheSupplementGuidanceOfAPostalDossier() throws Exception {
    // given: a birth registration arrives by post with the declaration only
    now("2026-11-16T10:00");
    WebDriver browser = Browser.driver();
    Browser.signIn(port, "thuyhung.motcua", "queue-title");
    browser.get("http://localhost:" + port + "/workbench/tiep-nhan?thu-tuc=1.001193&lang=vi");
    browser.findElement(By.id("channel-POSTAL")).click();
    browser.findElement(By.id("apply-fullName")).sendKeys("Trần Thị Bình");
    browser.findElement(By.id("apply-idNumber")).sendKeys("008188004321");
    new Select(browser.findElement(By.id("apply-communeCode"))).selectByValue("06148");
    browser.findElement(By.id("file_TO_KHAI_KHAI_SINH")).sendKeys(scan("to-khai.pdf", Api.pdf("tờ khai")).toString());

    // when: it is recorded
    browser.findElement(By.id("reception-submit")).click();

    // then: the check lists the birth certificate as missing; asking for it issues form 02 naming it
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("step-form")));
    String code = browser.findElement(By.cssSelector("#task-panel p.muted a")).getText();
    browser.findElement(By.cssSelector("input[name=completeness][value=SUPPLEMENT]")).click();
    WebElement missing = browser.findElement(By.cssSelector("textarea[name=missingDocuments]"));
    Browser.waiting().until(ExpectedConditions.visibilityOf(missing));
    assertThat(missing.getAttribute("value")).isEqualTo("1. Giấy chứng sinh (bản chính)");
    browser.findElement(By.id("complete")).click();
    WebElement guidance = Browser.waiting().until(
        ExpectedConditions.presenceOfElementLocated(By.id("letter-SUPPLEMENT_GUIDANCE")));
    assertThat(pdfText(download(guidance.getAttribute("href")))).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "mã hồ sơ " + code, "1. Giấy chứng sinh (bản chính)");
    assertThat(api.dossier("thuyhung.motcua", code)).containsEntry("status", "AWAITING_SUPPLEMENT")
        .containsEntry("channel", "POSTAL");
  }

  @Test
  void shouldHandTheApplicantTheRefusalWithItsReasonsWhenTheCounterRefusesTheDossier() throws Exception {
    // given: a marriage registration handed in at the Thụy Hùng counter by people of another province
    now("2026-11-16T11:00");
    WebDriver browser = Browser.driver();
    Browser.signIn(port, "thuyhung.motcua", "queue-title");
    browser.get("http://localhost:" + port + "/workbench/tiep-nhan?thu-tuc=1.000894&lang=vi");
    browser.findElement(By.id("apply-fullName")).sendKeys("Lò Văn Tú");
    browser.findElement(By.id("apply-idNumber")).sendKeys("014095001122");
    new Select(browser.findElement(By.id("apply-communeCode"))).selectByValue("06148");
    browser.findElement(By.id("paper_TO_KHAI_KET_HON")).click();
    browser.findElement(By.id("reception-submit")).click();

    // when: the officer refuses it, with the reason
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("step-form")));
    String code = browser.findElement(By.cssSelector("#task-panel p.muted a")).getText();
    browser.findElement(By.cssSelector("input[name=completeness][value=REFUSE]")).click();
    WebElement reason = browser.findElement(By.cssSelector("textarea[name=refusalReason]"));
    Browser.waiting().until(ExpectedConditions.visibilityOf(reason));
    reason.sendKeys("Hai bên nam, nữ không cư trú tại xã Thụy Hùng; nộp tại UBND xã nơi cư trú");
    browser.findElement(By.id("complete")).click();

    // then: the refusal (form 03) is there to print, with the reason, and the dossier is closed
    WebElement refusal = Browser.waiting().until(
        ExpectedConditions.presenceOfElementLocated(By.id("letter-RECEPTION_REFUSAL")));
    assertThat(pdfText(download(refusal.getAttribute("href")))).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Hai bên nam, nữ không cư trú tại xã Thụy Hùng", "ỦY BAN NHÂN DÂN XÃ THỤY HÙNG");
    assertThat(api.dossier("thuyhung.motcua", code)).containsEntry("status", "REFUSED");
  }

  private static java.nio.file.Path scan(String name, byte[] content) throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "uploads"));
    return java.nio.file.Files.write(dir.resolve(name), content).toAbsolutePath();
  }

  /** A file the page links to, fetched in the browser's session. */
  private byte[] download(String href) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.COOKIE, "JSESSIONID=" + Browser.driver().manage().getCookieNamed("JSESSIONID").getValue());
    return rest.exchange(href, HttpMethod.GET, new HttpEntity<>(headers), byte[].class).getBody();
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @Test
  void shouldHandTheApplicantAVoucherWithTheReceiptCodeTheDocumentsAndTheAppointment() throws Exception {
    // given: Monday morning at the Thụy Hùng counter, an applicant asks for certified copies in person
    now("2026-11-16T09:00");
    Map<String, Object> submitted = api.submit("thuyhung.motcua", dossierRequest("2.000815", "06148",
        "channel", "COUNTER", "pages", 3));
    String code = (String) submitted.get("receiptCode");
    assertThat(api.attach("thuyhung.motcua", code, null, "SCAN", "ban-chinh.pdf", Api.pdf("bản chính"))
        .getStatusCode().value()).isEqualTo(201);

    // when: the officer finds it complete
    Map<String, Object> received = api.complete("thuyhung.motcua", code, "Task_CheckCompleteness",
        Map.of("completeness", "COMPLETE"));

    // then: the voucher is filed with the dossier, once
    List<Map<String, Object>> vouchers = rest.withBasicAuth("thuyhung.motcua", "demo").exchange(
            "/api/v1/dossiers/" + code + "/documents", HttpMethod.GET, null,
            new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody().stream()
        .filter(d -> "RECEIPT_VOUCHER".equals(d.get("kind"))).toList();
    assertThat(vouchers).singleElement().satisfies(d -> assertThat(d).containsEntry("fileName",
        "receipt-voucher-" + code + ".pdf"));
    byte[] pdf = rest.withBasicAuth("thuyhung.motcua", "demo").getForObject(
        "/api/v1/documents/" + vouchers.get(0).get("id") + "/content", byte[].class);

    // then: its text, as any PDF reader extracts it
    String appointment = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy")
        .format(OffsetDateTime.parse((String) api.dossier("thuyhung.motcua", code).get("deadline"))
            .atZoneSameInstant(VN));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu số 01", "Mã hồ sơ: " + code,
          "Bộ phận Tiếp nhận và Trả kết quả – Ủy ban nhân dân xã Thụy Hùng tiếp nhận hồ sơ của Ông/Bà Nguyễn Văn An",
          "số định danh cá nhân 020190001234", "Hình thức nộp: trực tiếp tại Bộ phận Một cửa",
          "Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 16/11/2026",
          "Thời gian trả kết quả giải quyết hồ sơ: " + appointment);
      assertThat(appointment).isEqualTo("09 giờ 00 phút, ngày 17/11/2026"); // one working day

      // then: the QR code on the printed page reads the receipt code
      java.awt.image.BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
      assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
          new BufferedImageLuminanceSource(page)))).getText()).isEqualTo(code);
    }
    assertThat(received.get("status")).isEqualTo("IN_PROGRESS");
  }
}

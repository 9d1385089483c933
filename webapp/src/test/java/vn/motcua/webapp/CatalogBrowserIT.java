package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen finds a procedure in the public catalog, without signing in, reads what the models say of it, and its
 * QR code, read back from the screen, opens the same page; a counter prints the sheet of QR codes.
 */
class CatalogBrowserIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;

  private WebDriver browser;

  @BeforeEach
  void setUp() {
    browser = Browser.driver();
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(1200, 1000));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void shouldLetACitizenFindAProcedureReadItAndOpenItFromItsQrCode() throws Exception {
    // given: the catalog, signed out
    browser.get(url("/thu-tuc?lang=vi"));

    // when: the citizen browses what one agency handles
    new Select(browser.findElement(By.id("catalog-agency")))
        .selectByValue("Sở Giao thông vận tải (Sở Xây dựng từ 01/3/2025)");
    browser.findElement(By.id("catalog-find")).click();

    // then: that agency's procedure alone
    Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("catalog-count"), "1 thủ tục"));
    assertThat(browser.findElement(By.cssSelector("#catalog-results li")).getText()).contains("1.002809");
    new Select(browser.findElement(By.id("catalog-agency"))).selectByValue("");

    // when: the citizen looks for "khai sinh" among commune procedures
    browser.findElement(By.id("catalog-q")).sendKeys("khai sinh");
    new Select(browser.findElement(By.id("catalog-level"))).selectByValue("COMMUNE");
    browser.findElement(By.id("catalog-find")).click();
    Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("catalog-count"), "1 thủ tục"));

    // then: one procedure, fully online
    WebElement result = browser.findElement(By.cssSelector("#catalog-results li"));
    assertThat(result.getText()).contains("Đăng ký khai sinh", "1.001193", "Toàn trình");

    // when: it opens the procedure
    result.findElement(By.tagName("a")).click();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("procedure-qr")));
    Browser.screenshot("catalog-procedure");

    // then: what the deployed models say, in Vietnamese
    assertThat(browser.findElement(By.id("procedure-title")).getText()).isEqualTo("Đăng ký khai sinh");
    assertThat(browser.findElement(By.id("procedure-time")).getText())
        .contains("Nộp trực tuyến: trong ngày (nhận sau 15 giờ thì trả ngày làm việc tiếp theo)");
    assertThat(browser.findElement(By.id("procedure-fee")).getText()).contains("miễn phí");
    assertThat(browser.findElement(By.id("procedure-documents")).getText())
        .contains("Tờ khai đăng ký khai sinh (bản chính)", "Giấy chứng sinh (bản chính)");
    assertThat(browser.findElements(By.cssSelector("#procedure-steps li"))).hasSizeGreaterThanOrEqualTo(3);

    // then: its QR code, as a phone's camera reads it from the screen, is this page's address
    String scanned = scan(browser.findElement(By.cssSelector("#procedure-qr svg")).getScreenshotAs(OutputType.BYTES));
    assertThat(scanned).isEqualTo(url("/thu-tuc/1.001193"));
    browser.get(scanned + "?lang=en");
    assertThat(browser.findElement(By.id("procedure-title")).getText()).isEqualTo("Birth registration");
    assertThat(browser.findElement(By.id("procedure-online")).getText()).isEqualTo("Full process online");
  }

  @Test
  void shouldPrintASheetOfQrCodesAndSayWhenAProcedureDoesNotExist() throws Exception {
    // when: the counter opens the sheet of commune procedures
    browser.get(url("/thu-tuc/ma-qr?level=COMMUNE&lang=vi"));

    // then: a QR code per commune procedure, each readable
    var cards = browser.findElements(By.cssSelector("#qr-grid figure"));
    assertThat(cards).hasSizeGreaterThanOrEqualTo(4);
    Browser.screenshot("catalog-qr-sheet");
    String first = scan(cards.get(0).findElement(By.tagName("svg")).getScreenshotAs(OutputType.BYTES));
    assertThat(first).startsWith(url("/thu-tuc/"));
    assertThat(cards.get(0).getText()).contains(first.substring(first.lastIndexOf('/') + 1));

    // when: someone opens a procedure code that does not exist
    browser.get(url("/thu-tuc/9.999999?lang=vi"));

    // then: the catalog says so
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
        .isEqualTo("Không tìm thấy thủ tục có mã 9.999999.");
  }

  private static String scan(byte[] png) throws IOException, NotFoundException, com.google.zxing.ChecksumException,
      com.google.zxing.FormatException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
        .getText();
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A citizen saves the e-form half done, with one file uploaded, and comes back to it from their dossiers: what they
 * typed and the file are still there, and the dossier they then submit has both files; the draft is gone. Nobody
 * else can open it.
 */
class DraftIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;
  @Autowired
  private JdbcTemplate jdbc;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String file(String name, byte[] content) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "uploads"));
    return Files.write(dir.resolve(name), content).toAbsolutePath().toString();
  }

  @Test
  void shouldKeepTheFieldsAndTheFilesOfASavedDraftUntilTheDossierIsSubmittedFromIt() throws Exception {
    // given: the citizen fills in part of a birth registration and uploads the declaration only
    WebDriver browser = Browser.driver();
    Browser.signIn(port, "tranthibinh", "my-dossiers");
    browser.get(url("/cong-dan/nop/1.001193?lang=vi"));
    // the applicant's part is swapped in once the population registry answered: type after that, not into the old one
    Browser.waiting().until(d -> !d.findElements(By.cssSelector("p#lookup-status")).isEmpty());
    new Select(browser.findElement(By.id("apply-communeCode"))).selectByValue("06148");
    browser.findElement(By.id("apply-phone")).sendKeys("0987654321");
    browser.findElement(By.id("file_TO_KHAI_KHAI_SINH")).sendKeys(file("to-khai-nhap.pdf", Api.pdf("tờ khai")));

    // when: they save it as a draft
    browser.findElement(By.id("apply-save-draft")).click();

    // then: the form comes back with what they typed and the file kept; nothing submitted
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("apply-notice")));
    assertThat(browser.findElement(By.id("apply-notice")).getText()).startsWith("Đã lưu nháp");
    assertThat(browser.findElement(By.id("apply-phone")).getAttribute("value")).isEqualTo("0987654321");
    assertThat(new Select(browser.findElement(By.id("apply-communeCode"))).getFirstSelectedOption()
        .getAttribute("value")).isEqualTo("06148");
    assertThat(browser.findElement(By.id("draft_TO_KHAI_KHAI_SINH")).isSelected()).isTrue();
    assertThat(browser.findElement(By.cssSelector("label:has(#draft_TO_KHAI_KHAI_SINH)")).getText())
        .contains("to-khai-nhap.pdf");
    assertThat(jdbc.queryForObject("select count(*) from dossier where submitted_by = 'tranthibinh'", Long.class))
        .isZero();
    String draftPage = browser.getCurrentUrl();

    // then: someone else cannot open it
    assertThat(new WebSession(port, "citizen").get(draftPage.substring(draftPage.indexOf("/cong-dan")))
        .statusCode()).isEqualTo(403);

    // when: later, from their dossiers, they continue and add the birth certificate
    browser.get(url("/cong-dan?lang=vi"));
    browser.findElement(By.cssSelector("#my-drafts a")).click();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("file_GIAY_CHUNG_SINH")))
        .sendKeys(file("giay-chung-sinh.pdf", Api.pdf("giấy chứng sinh")));
    browser.findElement(By.id("apply-submit")).click();

    // then: the dossier has both files, and the draft is gone
    String code = Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-code")))
        .getText();
    assertThat(jdbc.queryForList("select d.requirement_code || ' ' || d.file_name from dossier_document d join"
        + " dossier x on x.id = d.dossier_id where x.receipt_code = ? order by d.id", String.class, code))
        .containsExactly("TO_KHAI_KHAI_SINH to-khai-nhap.pdf", "GIAY_CHUNG_SINH giay-chung-sinh.pdf");
    assertThat(jdbc.queryForObject("select count(*) from application_draft where owner = 'tranthibinh'",
        Long.class)).isZero();
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The citizen's and the counter's pages on a phone (390 px wide: nothing to scroll sideways) and by keyboard alone:
 * every field has a label a screen reader reads, nothing jumps the tab order, and a form can be filled and sent
 * without a mouse.
 */
class PhoneAndKeyboardIT extends PostgresIntegrationTest {

  @LocalServerPort
  private int port;

  private final WebDriver browser = Browser.driver();

  @AfterEach
  void wideAgain() {
    browser.manage().window().setSize(new Dimension(1400, 1000));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** The page at phone width: no sideways scrolling, every field labelled, no positive tab index; a screenshot. */
  private void fitsAPhoneAndIsLabelled(String name) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    long overflow = (Long) js.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    Object wide = js.executeScript("return [...document.querySelectorAll('body *')].filter(e =>"
        + " e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5)"
        + ".map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');");
    assertThat(overflow).as("%s too wide: %s", name, wide).isLessThanOrEqualTo(0);
    @SuppressWarnings("unchecked")
    List<String> unlabelled = (List<String>) js.executeScript("return [...document.querySelectorAll("
        + "'input:not([type=hidden]), select, textarea')].filter(e => e.labels.length === 0"
        + " && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')).map(e => e.name || e.id);");
    assertThat(unlabelled).as("%s: fields without a label", name).isEmpty();
    assertThat((Long) js.executeScript("return document.querySelectorAll('[tabindex]:not([tabindex=\"0\"])"
        + ":not([tabindex=\"-1\"])').length;")).as("%s: positive tab index", name).isZero();
    Browser.screenshot("phone-" + name);
  }

  @Test
  void shouldServeTheCitizenOnAPhoneAndByKeyboard() {
    // given: a dossier waiting for its fee, and the citizen on a phone
    Api api = new Api(rest);
    String owing = (String) api.submitOwing("citizen", dossierRequest("2.000635", "06148")).get("receiptCode");
    Browser.signIn(port, "citizen", "my-dossiers");
    browser.manage().window().setSize(new Dimension(390, 844));

    // then: the catalog, a procedure, the e-form, the dossier with its fee, the lookup
    browser.get(url("/thu-tuc?lang=vi"));
    fitsAPhoneAndIsLabelled("catalog");
    browser.get(url("/thu-tuc/1.001193"));
    fitsAPhoneAndIsLabelled("procedure");
    browser.get(url("/cong-dan/nop/1.001193"));
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
    fitsAPhoneAndIsLabelled("apply");
    browser.get(url("/cong-dan/ho-so/" + owing));
    assertThat(browser.findElement(By.id("pay-online")).isDisplayed()).isTrue();
    fitsAPhoneAndIsLabelled("dossier-fee");
    browser.get(url("/tra-cuu"));
    fitsAPhoneAndIsLabelled("tracking");

    // when: by keyboard alone, the lookup is filled and sent
    WebElement code = browser.findElement(By.id("tracking-code"));
    code.click();
    browser.switchTo().activeElement().sendKeys(owing);
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("tracking-digits");
    browser.switchTo().activeElement().sendKeys("1234");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);

    // then
    assertThat(Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-status")))
        .getText()).isEqualTo("Chờ nộp phí, lệ phí");
    fitsAPhoneAndIsLabelled("tracking-result");
  }

  @Test
  void shouldServeTheCounterOnASmallScreenAndByKeyboard() {
    // given
    Browser.signIn(port, "thuyhung.motcua", "queue-title");
    browser.manage().window().setSize(new Dimension(390, 844));

    // when: the reception page is reached and a procedure chosen by keyboard
    browser.get(url("/workbench/tiep-nhan?lang=vi"));
    fitsAPhoneAndIsLabelled("reception-choose");
    browser.findElement(By.id("choose-procedure")).sendKeys("2.000815");
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("choose");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);

    // then: the reception form, fit for the screen and fully labelled
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reception-form")));
    assertThat(browser.findElement(By.id("reception-title")).getText())
        .isEqualTo("Tiếp nhận hồ sơ: Chứng thực bản sao từ bản chính");
    fitsAPhoneAndIsLabelled("reception-form");
    assertThat(browser.findElements(By.id("paper_BAN_CHINH"))).hasSize(1);
  }
}

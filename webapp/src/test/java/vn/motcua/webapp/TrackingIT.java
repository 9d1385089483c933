package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anyone with the receipt code and the last four digits of the applicant's ID number or phone follows the dossier
 * without signing in: status, appointment, the steps so far, and the procedure's diagram (bpmn-js) with the step it
 * is at marked. A wrong code and wrong digits get the same answer; repeated failures are refused for a while.
 */
class TrackingIT extends PostgresIntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort
  private int port;

  private String atAppraisal() {
    Api api = new Api(rest);
    String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    return code;
  }

  @Test
  void shouldShowTheStatusTheStepsAndTheDiagramWithTheCurrentStepToWhoeverHoldsTheCodeAndTheDigits() {
    // given: a birth registration at appraisal, and someone not signed in
    String code = atAppraisal();
    WebDriver browser = Browser.driver();
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/thu-tuc?lang=vi");
    browser.findElement(By.id("track-dossier")).click();

    // when: the digits are wrong
    browser.findElement(By.id("tracking-code")).sendKeys(code);
    browser.findElement(By.id("tracking-digits")).sendKeys("9999");
    browser.findElement(By.id("tracking-submit")).click();

    // then: nothing about the dossier, only that this code and these digits do not match
    assertThat(Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-problem")))
        .getText()).startsWith("Không tìm thấy hồ sơ có mã và 4 chữ số cuối như đã nhập.");
    assertThat(browser.findElements(By.id("tracking-status"))).isEmpty();

    // when: the last four digits of the ID number
    browser.findElement(By.id("tracking-digits")).clear();
    browser.findElement(By.id("tracking-digits")).sendKeys("1234");
    browser.findElement(By.id("tracking-submit")).click();

    // then: its status, appointment and steps
    assertThat(Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-status")))
        .getText()).isEqualTo("Đang giải quyết");
    assertThat(browser.findElement(By.id("tracking-receipt-code")).getText()).isEqualTo(code);
    assertThat(browser.findElement(By.id("tracking-timeline")).getText())
        .contains("Kiểm tra tính đầy đủ, hợp lệ của hồ sơ", "Ủy ban nhân dân xã Thụy Hùng");

    // then: the diagram drawn by bpmn-js, the appraisal marked, the bpmn.io watermark kept
    Browser.waiting().until(d -> d.findElement(By.id("diagram")).getAttribute("data-ready") != null);
    assertThat(browser.findElement(By.id("diagram")).getAttribute("data-ready")).isEqualTo("true");
    assertThat(browser.findElements(By.cssSelector("#diagram [data-element-id='Task_Appraise'].current-step")))
        .hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#diagram .current-step"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#diagram a.bjs-powered-by"))).hasSize(1);
    assertThat((Long) ((JavascriptExecutor) browser).executeScript(
        "return document.querySelectorAll('#diagram .djs-element').length")).isGreaterThan(20);
    ((JavascriptExecutor) browser).executeScript("document.getElementById('diagram').scrollIntoView()");
    Browser.screenshot("tracking-diagram");

    // then: the phone's last four digits do as well
    assertThat(lookUp("203.0.113.1", code, "5678").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAClientAfterTenFailedLookupsAndAnswerBadInputClearly() {
    // given
    String code = atAppraisal();

    // then: bad input is answered, not guessed at
    assertThat(lookUp("203.0.113.9", code, "12a4").statusCode()).isEqualTo(400);
    assertThat(lookUp("203.0.113.9", code, "").body()).contains("Hãy nhập đúng 4 chữ số cuối");
    assertThat(lookUp("203.0.113.9", "<script>alert(1)</script>", "1234").body())
        .doesNotContain("<script>alert(1)").contains("&lt;script&gt;");

    // when: ten wrong guesses from one address
    for (int guess = 0; guess < 9; guess++) {
      assertThat(lookUp("203.0.113.9", code, String.format("%04d", guess)).statusCode()).isEqualTo(404);
    }

    // then: even the right digits are refused there for a while; another address is not
    HttpResponse<String> refused = lookUp("203.0.113.9", code, "1234");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("Đã tra cứu sai nhiều lần; hãy thử lại sau 15 phút.");
    assertThat(lookUp("203.0.113.10", code, "1234").statusCode()).isEqualTo(200);

    // when: the tenth wrong guess at this dossier, from yet another address
    assertThat(lookUp("203.0.113.11", code, "0042").statusCode()).isEqualTo(404);

    // then: the dossier's digits cannot be guessed at from any address for a while (finding 5 of the integrity
    // probe: addresses can be rotated); another dossier is looked up as before
    assertThat(lookUp("203.0.113.12", code, "1234").statusCode()).isEqualTo(429);
    assertThat(lookUp("203.0.113.12", atAppraisal(), "1234").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeOnlyPublishedProcedureModelsToTheViewer() {
    assertThat(rest.getForEntity("/tra-cuu/so-do/notAProcedure:1:1", String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(rest.getForEntity("/tra-cuu/so-do/..%2F..%2Fetc", String.class).getStatusCode().value())
        .isIn(400, 404);
  }

  /** A lookup from a client at the given address (as the reverse proxy reports it), with the form's CSRF token. */
  private HttpResponse<String> lookUp(String client, String code, String digits) {
    try {
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String base = "http://localhost:" + port;
      String page = http.send(HttpRequest.newBuilder(URI.create(base + "/tra-cuu?lang=vi")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher token = CSRF.matcher(page);
      assertThat(token.find()).isTrue();
      String form = "_csrf=" + token.group(1) + "&ma=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&so="
          + URLEncoder.encode(digits, StandardCharsets.UTF_8);
      return http.send(HttpRequest.newBuilder(URI.create(base + "/tra-cuu?lang=vi"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", client)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.workers.CallbackSignature;
import vn.motcua.workers.simulator.Simulators;

/**
 * Fees the decision asks for: the dossier waits for them before the counter checks it. Paid online, the gateway's
 * signed callback moves it on once however often it comes, and the worker takes the money once; a callback that is
 * forged (finding 4 of the integrity probe, docs/security.md: not signed with the shared secret, or with the default
 * secret there used to be), stale, replayed, about another payment, or not confirmed by the gateway changes nothing.
 * Paid at the counter, the receipt is recorded once, by the counter that received the dossier. In a real browser, the
 * applicant pays on the gateway's checkout page and comes back to their dossier.
 */
class PaymentIT extends PostgresIntegrationTest {

  private static final String EXTRACT_COPY = "2.000635"; // 8,000 VND a copy

  @LocalServerPort
  private int port;
  @Autowired
  private Simulators simulators;
  @Autowired
  private JdbcTemplate jdbc;
  /** The secret this development run drew and shares with its simulated gateway. */
  @Value("${motcua.systems.payment-callback-secret}")
  private String secret;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  private String owingDossier() {
    String code = (String) api.submitOwing("citizen", dossierRequest(EXTRACT_COPY, "06148", "copies", 2))
        .get("receiptCode");
    assertThat(api.dossier("citizen", code)).containsEntry("status", "AWAITING_PAYMENT")
        .containsEntry("currentStage", "FEE");
    return code;
  }

  private String checkout(String code) {
    ResponseEntity<Map<String, Object>> opened = api.call("citizen", HttpMethod.POST,
        "/api/v1/dossiers/" + code + "/fee-payments/online", null);
    assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(200);
    return (String) opened.getBody().get("checkoutUrl");
  }

  /** The payer presses "pay" on the gateway's checkout page. */
  private static int payAt(String checkoutUrl) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(checkoutUrl))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("action=pay")).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private ResponseEntity<Map<String, Object>> callback(String body, String signature) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (signature != null) {
      headers.set(CallbackSignature.HEADER, signature);
    }
    return rest.exchange("/api/v1/payments/callback", HttpMethod.POST,
        new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), Api.OBJECT);
  }

  private List<String> payments(String code) {
    return jdbc.queryForList("select p.method || ' ' || p.status || ' ' || p.amount from fee_payment p"
        + " join dossier d on d.id = p.dossier_id where d.receipt_code = ? order by p.id", String.class, code);
  }

  private long audited(String code, String action) {
    return jdbc.queryForObject("select count(*) from dossier_audit a join dossier d on d.id = a.dossier_id"
        + " where d.receipt_code = ? and a.action = ?", Long.class, code, action);
  }

  @Test
  void shouldMoveTheDossierOnAndTakeTheMoneyOnceWhenTheGatewayCallsBackTwice() throws Exception {
    // given: an extract of two copies, 16,000 VND, waiting for its fee before the counter sees it
    String code = owingDossier();
    assertThat(api.dossier("citizen", code).get("fee")).isEqualTo(Map.of("amount", 16000,
        "basis", "8.000 đồng/bản sao"));

    // when: the applicant pays at the gateway's checkout page
    String checkoutUrl = checkout(code);
    assertThat(checkoutUrl).isEqualTo(checkout(code)); // asked twice, one payment
    assertThat(payAt(checkoutUrl)).isEqualTo(303);

    // then: the signed callback moved it on to the counter, and the worker captured the money
    api.dossierOnceIn("citizen", code, "SUBMITTED");
    await().atMost(Duration.ofSeconds(20)).until(() -> payments(code), p -> p.equals(List.of("ONLINE CAPTURED 16000")));
    String paymentId = checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
    assertThat(simulators.payment().captures()).filteredOn(c -> c.paymentId().equals(paymentId)).singleElement()
        .satisfies(c -> assertThat(c.amount()).isEqualTo(16000));
    // then: motcua's reference and the gateway's id are drawn at random, nothing to count up from
    assertThat(reference(paymentId)).matches("MC-[0-9A-Z]{20,}").isNotEqualTo(reference(
        paymentIdOf(checkout(owingDossier()))));
    assertThat(paymentId).matches("PAY-[0-9A-Z]{10,}");

    // when: the gateway delivers the same callback again
    ResponseEntity<Map<String, Object>> again = rest.exchange(
        simulators.payment().url() + "/payments/" + paymentId + "/notify", HttpMethod.POST, null, Api.OBJECT);

    // then: accepted, and nothing more happens
    assertThat(again.getBody()).containsEntry("delivered", true);
    assertThat(payments(code)).containsExactly("ONLINE CAPTURED 16000");
    assertThat(simulators.payment().captures()).filteredOn(c -> c.paymentId().equals(paymentId)).hasSize(1);
    assertThat(audited(code, "FEE_PAID")).isEqualTo(1);
    // then: it counts as paid online for the service index (Decision 766, group 5)
    assertThat(jdbc.queryForObject("select paid_online from dossier where receipt_code = ?", Boolean.class, code))
        .isTrue();
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
  }

  @Test
  void shouldLetTheApplicantPayOnlineInTheBrowserAndSeeTheFeeCollected() throws Exception {
    // given: the citizen's dossier waits for its fee
    String code = owingDossier();
    WebDriver browser = Browser.driver();
    Browser.signIn(port, "citizen", "my-dossiers");
    browser.get("http://localhost:" + port + "/cong-dan/ho-so/" + code + "?lang=vi");
    assertThat(browser.findElement(By.id("dossier-status")).getText()).isEqualTo("Chờ nộp phí, lệ phí");
    assertThat(browser.findElement(By.id("fee-amount")).getText())
        .isEqualTo("Số tiền phải nộp: 16.000 đồng (8.000 đồng/bản sao)");

    // when: they choose to pay online, and pay on the gateway's page
    browser.findElement(By.id("pay-online")).click();
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pay")));
    assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("16.000 đồng");
    assertThat(browser.findElement(By.id("description")).getText()).startsWith("Phí, lệ phí hồ sơ " + code);
    Browser.screenshot("payment-checkout");
    browser.findElement(By.id("pay")).click();

    // then: back on their dossier, the payment confirmed, the dossier on its way to the counter
    Browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-notice")));
    assertThat(browser.findElement(By.id("dossier-notice")).getText())
        .startsWith("Cổng thanh toán đã xác nhận khoản thanh toán PAY-");
    assertThat(browser.findElement(By.id("dossier-status")).getText()).isEqualTo("Chờ tiếp nhận");
    await().atMost(Duration.ofSeconds(20)).until(() -> payments(code), p -> p.equals(List.of("ONLINE CAPTURED 16000")));
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("fee-payments")).getText()).startsWith("Trực tuyến · 16.000 đồng · đã thu");
    Browser.screenshot("payment-done");
  }

  private static String paymentIdOf(String checkoutUrl) {
    return checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
  }

  /** motcua's own reference of the gateway's payment. */
  private String reference(String paymentId) {
    return jdbc.queryForObject("select merchant_reference from fee_payment where gateway_payment_id = ?",
        String.class, paymentId);
  }

  /** A callback as the gateway sends one: what it says of the payment, its id for the callback, when it sent it. */
  private static String said(String paymentId, String reference, long amount, String callbackId, Instant sentAt) {
    return "{\"paymentId\":\"" + paymentId + "\",\"reference\":\"" + reference + "\",\"amount\":" + amount
        + ",\"status\":\"AUTHORIZED\",\"callbackId\":\"" + callbackId + "\",\"sentAt\":\"" + sentAt + "\"}";
  }

  private ResponseEntity<Map<String, Object>> signed(String body) {
    return callback(body, CallbackSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldChangeNothingWhenACallbackIsForgedStaleReplayedAboutAnotherPaymentOrUnconfirmed() throws Exception {
    // given: a payment opened, not paid
    String code = owingDossier();
    String checkoutUrl = checkout(code);
    String paymentId = paymentIdOf(checkoutUrl);
    String reference = reference(paymentId);
    String paid = said(paymentId, reference, 16000, UUID.randomUUID().toString(), Instant.now());

    // then: each forgery or mistake is refused with a reason
    assertThat(callback(paid, null).getStatusCode().value()).isEqualTo(401);
    assertThat(callback(paid, CallbackSignature.sign("guessed", paid.getBytes(StandardCharsets.UTF_8))).getBody())
        .containsEntry("status", 401)
        .containsEntry("detail", "Chữ ký của lời báo thanh toán không đúng; lời báo không được ghi nhận.");
    assertThat(callback(paid, CallbackSignature.sign("dev-payment-callback-secret",
        paid.getBytes(StandardCharsets.UTF_8))).getStatusCode().value()).as("the old default secret").isEqualTo(401);
    String tampered = paid.replace("16000", "1");
    assertThat(callback(tampered, CallbackSignature.sign(secret, paid.getBytes(StandardCharsets.UTF_8)))
        .getStatusCode().value()).isEqualTo(401);
    assertThat(signed(tampered).getBody()).containsEntry("status", 400)
        .containsEntry("detail", "Số tiền cổng thanh toán báo (1) khác số tiền phải nộp (16.000).");
    Instant old = Instant.now().minus(Duration.ofMinutes(6));
    assertThat(signed(said(paymentId, reference, 16000, UUID.randomUUID().toString(), old)).getBody())
        .containsEntry("status", 401).containsEntry("detail", "Lời báo thanh toán gửi lúc " + old
            + " quá cũ (chỉ nhận trong 5 phút) hoặc ghi thời điểm chưa tới; lời báo không được ghi nhận.");
    assertThat(signed(said(paymentId, reference, 16000, UUID.randomUUID().toString(),
        Instant.now().plus(Duration.ofMinutes(10)))).getStatusCode().value()).isEqualTo(401);
    assertThat(signed(said("PAY-999999", reference, 16000, UUID.randomUUID().toString(), Instant.now()))
        .getStatusCode().value()).isEqualTo(404);
    assertThat(signed(said(paymentId, code, 16000, UUID.randomUUID().toString(), Instant.now()))
        .getStatusCode().value()).as("the receipt code for motcua's reference").isEqualTo(404);
    for (String broken : List.of("{", "[]", "{\"paymentId\":7}", "<xml/>", paid.replace(",\"callbackId\"", ",\"x\""),
        paid.replace(",\"sentAt\":\"", ",\"sentAt\":\"yesterday"))) {
      assertThat(signed(broken).getStatusCode().value()).as(broken).isEqualTo(400);
    }
    // then: well signed and fresh, but the gateway does not confirm the payer paid
    assertThat(signed(paid).getBody()).containsEntry("status", 409).containsEntry("detail",
        "Cổng thanh toán không xác nhận khoản thanh toán " + paymentId + " đã được trả; lời báo không được ghi nhận.");

    // then: still waiting, the payment still open, nothing audited or recorded
    assertThat(api.dossier("citizen", code)).containsEntry("status", "AWAITING_PAYMENT");
    assertThat(payments(code)).containsExactly("ONLINE PENDING 16000");
    assertThat(audited(code, "FEE_PAID")).isZero();
    assertThat(jdbc.queryForObject("select count(*) from payment_callback where payment_id = ?", Long.class,
        paymentId)).isZero();

    // when: the payer really pays; the gateway calls back
    assertThat(payAt(checkoutUrl)).isEqualTo(303);

    // then: the dossier goes on, the money taken once
    api.dossierOnceIn("citizen", code, "SUBMITTED");
    await().atMost(Duration.ofSeconds(20)).until(() -> payments(code), p -> p.equals(List.of("ONLINE CAPTURED 16000")));

    // when: a callback accepted once comes again (replayed), and a fresh one after the capture
    String fresh = said(paymentId, reference, 16000, UUID.randomUUID().toString(), Instant.now());
    assertThat(signed(fresh).getStatusCode().value()).isEqualTo(200);

    // then: the replay is refused; neither changes anything
    assertThat(signed(fresh).getBody()).containsEntry("status", 409);
    assertThat(payments(code)).containsExactly("ONLINE CAPTURED 16000");
    assertThat(audited(code, "FEE_PAID")).isEqualTo(1);
    assertThat(simulators.payment().captures()).filteredOn(c -> c.paymentId().equals(paymentId)).hasSize(1);
  }

  @Test
  void shouldRecordACounterReceiptOnceAndOnlyFromTheReceivingCounter() {
    // given
    String code = owingDossier();
    String path = "/api/v1/dossiers/" + code + "/fee-payments";

    // then: not the applicant, not another agency's counter, not a malformed receipt
    assertThat(api.call("citizen", HttpMethod.POST, path, Map.of("receiptNumber", "BL-1")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(api.call("thatkhe.motcua", HttpMethod.POST, path, Map.of("receiptNumber", "BL-1")).getStatusCode()
        .value()).isEqualTo(403);
    assertThat(api.call("thuyhung.motcua", HttpMethod.POST, path, Map.of("receiptNumber", "<script>")).getBody())
        .containsEntry("status", 400);
    assertThat(api.call("thuyhung.motcua", HttpMethod.POST, path, null).getStatusCode().value()).isEqualTo(400);
    assertThat(payments(code)).isEmpty();

    // when
    api.payAtCounter("thuyhung.motcua", code);

    // then: recorded once; the dossier is at the counter's check; a second receipt finds nothing owed
    assertThat(payments(code)).containsExactly("COUNTER PAID 16000");
    assertThat(as("citizen").getForObject(path, String.class)).contains("\"method\":\"COUNTER\"",
        "\"status\":\"PAID\"", "\"reference\":\"BL-" + code + "\"");
    assertThat(api.dossier("citizen", code)).containsEntry("status", "SUBMITTED");
    assertThat(api.call("thuyhung.motcua", HttpMethod.POST, path, Map.of("receiptNumber", "BL-0000043")).getBody())
        .containsEntry("status", 409);
    assertThat(api.call("citizen", HttpMethod.POST, path + "/online", null).getStatusCode().value()).isEqualTo(409);
    assertThat(audited(code, "FEE_PAID")).isEqualTo(1);
    assertThat(jdbc.queryForObject("select paid_online from dossier where receipt_code = ?", Boolean.class, code))
        .isFalse();
  }
}

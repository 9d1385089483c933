package vn.motcua.workers.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.workers.CallbackSignature;

/**
 * A payment gateway (as the national portal's payment platform and the banks' gateways work). The merchant opens a
 * payment ({@code POST /payments}: an amount in VND, a reference, where to call back and where to send the payer
 * back) and sends the payer to its checkout page ({@code /checkout/{id}}); when the payer pays there, the gateway
 * tells the merchant in a callback signed with their shared secret ({@link CallbackSignature}), each delivery with an
 * id of its own and the moment it was sent (so that a merchant can refuse one replayed or stale), tried again if it
 * does not get through, and sends the payer back. {@code POST /payments/{id}/capture} then takes the money, once — a
 * capture of a payment never authorised, or of another amount, is refused with 402. {@code GET /payments/{id}} tells a
 * payment's state; {@code POST /payments/{id}/notify} sends its callback again. Payment ids are drawn at random.
 */
public class PaymentGateway extends SimulatedSystem {

  private static final Pattern PAYMENT = Pattern.compile("/payments/([A-Z0-9-]{1,40})(/(authorize|capture|notify))?");
  private static final Pattern CHECKOUT = Pattern.compile("/checkout/([A-Z0-9-]{1,40})");
  private static final int CALLBACK_ATTEMPTS = 3;

  /** A capture the gateway made: the money moved. */
  public record Capture(String paymentId, String reference, long amount, String transactionId) {
  }

  private record Payment(String reference, long amount, String description, String callbackUrl, String returnUrl,
                         String status) {
    Payment with(String newStatus) {
      return new Payment(reference, amount, description, callbackUrl, returnUrl, newStatus);
    }
  }

  private final Map<String, Payment> payments = new ConcurrentHashMap<>();
  private final List<Capture> captures = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong(1000);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SecureRandom random = new SecureRandom();
  private volatile String secret;

  public PaymentGateway(long seed) {
    super("payment gateway", seed);
  }

  /** The secret shared with the merchant, with which the callbacks are signed. */
  public void signCallbacksWith(String sharedSecret) {
    this.secret = sharedSecret;
  }

  @Override
  protected Reply handle(Call call) {
    Matcher path = PAYMENT.matcher(call.path());
    if (call.method().equals("POST") && path.matches() && "notify".equals(path.group(3))
        && payments.containsKey(path.group(1))) {
      // delivered without holding the gateway: the merchant asks the gateway about the payment before it answers
      return new Reply(200, Map.of("paymentId", path.group(1), "delivered", notify(path.group(1))));
    }
    return handleHeld(call);
  }

  private synchronized Reply handleHeld(Call call) {
    if (call.method().equals("POST") && call.path().equals("/payments")) {
      return open(call.body());
    }
    Matcher path = PAYMENT.matcher(call.path());
    if (!path.matches() || !payments.containsKey(path.group(1))) {
      return new Reply(404, Map.of("error", "no such payment: " + call.path()));
    }
    String id = path.group(1);
    Payment payment = payments.get(id);
    String action = path.group(3);
    if (action == null && call.method().equals("GET")) {
      return new Reply(200, state(id, payment));
    }
    if (!call.method().equals("POST") || action == null) {
      return new Reply(405, Map.of("error", "not allowed: " + call.method() + " " + call.path()));
    }
    return switch (action) {
      case "authorize" -> {
        authorize(id);
        yield new Reply(200, state(id, payments.get(id)));
      }
      default -> capture(id, payment, call.body());
    };
  }

  private Reply open(Map<String, Object> body) {
    if (!(body.get("amount") instanceof Number amount) || amount.longValue() <= 0
        || !(body.get("reference") instanceof String reference)) {
      return new Reply(400, Map.of("error", "a payment needs a positive amount and a reference"));
    }
    String id = "PAY-" + new BigInteger(80, random).toString(36).toUpperCase(Locale.ROOT);
    payments.put(id, new Payment(reference, amount.longValue(), text(body.get("description")),
        text(body.get("callbackUrl")), text(body.get("returnUrl")), "PENDING"));
    return new Reply(201, Map.of("paymentId", id, "status", "PENDING", "checkoutUrl", url() + "/checkout/" + id));
  }

  private Reply capture(String id, Payment payment, Map<String, Object> body) {
    if (payment.status().equals("CAPTURED")) {
      return new Reply(409, Map.of("error", "khoản thanh toán " + id + " đã được thu"));
    }
    if (!payment.status().equals("AUTHORIZED")) {
      return new Reply(402, Map.of("error", "khoản thanh toán " + id + " chưa được người nộp xác nhận"));
    }
    if (!(body.get("amount") instanceof Number amount) || amount.longValue() != payment.amount()) {
      return new Reply(402, Map.of("error", "số tiền thu khác số tiền người nộp đã xác nhận"));
    }
    Capture capture = new Capture(id, payment.reference(), payment.amount(), "TXN" + sequence.incrementAndGet());
    captures.add(capture);
    payments.put(id, payment.with("CAPTURED"));
    increment("captured");
    return new Reply(200, Map.of("paymentId", id, "status", "CAPTURED", "transactionId", capture.transactionId()));
  }

  private synchronized void authorize(String id) {
    Payment payment = payments.get(id);
    if (payment.status().equals("PENDING")) {
      payments.put(id, payment.with("AUTHORIZED"));
      increment("authorized");
    }
  }

  /** Tells the merchant the payment's state, signed; true when the merchant answered 2xx. */
  private boolean notify(String id) {
    Payment payment = payments.get(id);
    if (payment == null || payment.callbackUrl() == null || secret == null || secret.isBlank()) {
      return false;
    }
    for (int attempt = 1; attempt <= CALLBACK_ATTEMPTS; attempt++) {
      Map<String, Object> callback = state(id, payment);
      callback.put("callbackId", UUID.randomUUID().toString());
      callback.put("sentAt", Instant.now().toString());
      byte[] body;
      try {
        body = JSON.writeValueAsBytes(callback);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      try {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(payment.callbackUrl()))
            .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json; charset=utf-8")
            .header(CallbackSignature.HEADER, CallbackSignature.sign(secret, body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() < 300) {
          increment("callbacksDelivered");
          return true;
        }
      } catch (IOException e) {
        // not reached: tried again below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      increment("callbacksFailed");
      pause(200L * attempt);
    }
    return false;
  }

  private static Map<String, Object> state(String id, Payment payment) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("paymentId", id);
    state.put("reference", payment.reference());
    state.put("amount", payment.amount());
    state.put("status", payment.status());
    return state;
  }

  // ------------------------------------------------------------------------------------------ the checkout page

  @Override
  protected boolean page(HttpExchange exchange, String path) throws IOException {
    Matcher checkout = CHECKOUT.matcher(path);
    if (!checkout.matches()) {
      return false;
    }
    String id = checkout.group(1);
    Payment payment = payments.get(id);
    if (payment == null) {
      html(exchange, 404, "<p>Không có khoản thanh toán " + escape(id) + ".</p>");
      return true;
    }
    if (exchange.getRequestMethod().equals("GET")) {
      html(exchange, 200, checkoutPage(id, payment));
      return true;
    }
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    boolean pays = form.contains("action=pay");
    if (pays) {
      authorize(id);
      notify(id);
    }
    String back = payment.returnUrl();
    if (back == null) {
      html(exchange, 200, "<p id=\"outcome\">" + (pays ? "Đã thanh toán." : "Đã hủy.") + "</p>");
    } else {
      exchange.getResponseHeaders().set("Location", back + (back.contains("?") ? "&" : "?") + "payment="
          + id + (pays ? "" : "&cancelled=1"));
      exchange.sendResponseHeaders(303, -1);
    }
    return true;
  }

  private static String checkoutPage(String id, Payment payment) {
    String amount = String.format("%,d", payment.amount()).replace(',', '.');
    boolean open = payment.status().equals("PENDING");
    return "<h1>Cổng thanh toán (mô phỏng)</h1>"
        + "<p>Khoản thanh toán <strong id=\"payment-id\">" + id + "</strong></p>"
        + "<p>Nội dung: <span id=\"description\">" + escape(
            payment.description() == null ? payment.reference() : payment.description()) + "</span></p>"
        + "<p>Số tiền: <strong id=\"amount\">" + amount + " đồng</strong></p>"
        + (open ? "<form method=\"post\"><button type=\"submit\" name=\"action\" value=\"pay\" id=\"pay\">"
            + "Xác nhận thanh toán</button> <button type=\"submit\" name=\"action\" value=\"cancel\" id=\"cancel\">"
            + "Hủy</button></form>" : "<p id=\"outcome\">Khoản này đã được thanh toán.</p>");
  }

  private static void html(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>Cổng thanh toán</title></head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String text(Object value) {
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  /** The captures made, in order: each is money taken from a payer. */
  public List<Capture> captures() {
    return List.copyOf(captures);
  }
}

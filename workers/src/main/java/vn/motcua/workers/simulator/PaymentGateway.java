package vn.motcua.workers.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payment gateway (as the national portal's payment platform and the banks' gateways work): {@code POST /payments}
 * opens a payment for an amount in VND and a reference; the payer authorises it at the gateway
 * ({@code POST /payments/{id}/authorize}, the checkout page's part); {@code POST /payments/{id}/capture} takes the
 * money, once — a capture of a payment never authorised, or of another amount, is refused with 402.
 */
public class PaymentGateway extends SimulatedSystem {

  private static final Pattern PAYMENT = Pattern.compile("/payments/([A-Z0-9-]{1,40})/(authorize|capture)");

  /** A capture the gateway made: the money moved. */
  public record Capture(String paymentId, String reference, long amount, String transactionId) {
  }

  private record Payment(String reference, long amount, boolean authorized) {
  }

  private final Map<String, Payment> payments = new ConcurrentHashMap<>();
  private final List<Capture> captures = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong(1000);

  public PaymentGateway(long seed) {
    super("payment gateway", seed);
  }

  @Override
  protected synchronized Reply handle(Call call) {
    if (call.method().equals("POST") && call.path().equals("/payments")) {
      if (!(call.body().get("amount") instanceof Number amount) || amount.longValue() <= 0
          || !(call.body().get("reference") instanceof String reference)) {
        return new Reply(400, Map.of("error", "a payment needs a positive amount and a reference"));
      }
      String id = "PAY-" + sequence.incrementAndGet();
      payments.put(id, new Payment(reference, amount.longValue(), false));
      return new Reply(201, Map.of("paymentId", id, "status", "PENDING"));
    }
    Matcher path = PAYMENT.matcher(call.path());
    if (!call.method().equals("POST") || !path.matches() || !payments.containsKey(path.group(1))) {
      return new Reply(404, Map.of("error", "no such payment: " + call.path()));
    }
    String id = path.group(1);
    Payment payment = payments.get(id);
    if (path.group(2).equals("authorize")) {
      payments.put(id, new Payment(payment.reference(), payment.amount(), true));
      return new Reply(200, Map.of("paymentId", id, "status", "AUTHORIZED"));
    }
    if (!payment.authorized()) {
      return new Reply(402, Map.of("error", "khoản thanh toán " + id + " chưa được người nộp xác nhận"));
    }
    if (!(call.body().get("amount") instanceof Number amount) || amount.longValue() != payment.amount()) {
      return new Reply(402, Map.of("error", "số tiền thu khác số tiền người nộp đã xác nhận"));
    }
    Capture capture = new Capture(id, payment.reference(), payment.amount(), "TXN" + sequence.incrementAndGet());
    captures.add(capture);
    increment("captured");
    return new Reply(200, Map.of("paymentId", id, "status", "CAPTURED", "transactionId", capture.transactionId()));
  }

  /** The captures made, in order: each is money taken from a payer. */
  public List<Capture> captures() {
    return List.copyOf(captures);
  }
}

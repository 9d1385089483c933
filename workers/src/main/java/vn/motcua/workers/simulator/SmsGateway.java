package vn.motcua.workers.simulator;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMS gateway (brand-name SMS, as provinces use): {@code POST /sms} with {@code {"to": "0912345678", "text": ...}}
 * answers 202 with a message id; a number that is not a Vietnamese mobile number is refused with 400, for good.
 */
public class SmsGateway extends SimulatedSystem {

  /** A message the gateway accepted. */
  public record Sms(String to, String text, String idempotencyKey) {
  }

  private final List<Sms> sent = new CopyOnWriteArrayList<>();

  public SmsGateway(long seed) {
    super("SMS gateway", seed);
  }

  @Override
  protected Reply handle(Call call) {
    if (!call.method().equals("POST") || !call.path().equals("/sms")) {
      return new Reply(404, Map.of("error", "no such resource: " + call.method() + " " + call.path()));
    }
    Object to = call.body().get("to");
    Object text = call.body().get("text");
    if (!(to instanceof String number) || !number.matches("0[35789]\\d{8}")) {
      return new Reply(400, Map.of("error", "not a Vietnamese mobile number: " + to));
    }
    if (!(text instanceof String message) || message.isBlank()) {
      return new Reply(400, Map.of("error", "empty message"));
    }
    sent.add(new Sms(number, message, call.idempotencyKey()));
    return new Reply(202, Map.of("messageId", UUID.randomUUID().toString()));
  }

  /** The messages accepted, in order. */
  public List<Sms> sent() {
    return List.copyOf(sent);
  }
}

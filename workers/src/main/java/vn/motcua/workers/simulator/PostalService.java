package vn.motcua.workers.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public postal service's order API (as VNPost offers administrative-result delivery): {@code POST /orders} with
 * the receiver, phone, address and where to pick the item up answers 201 with a tracking number; an order it cannot
 * deliver (no address, no phone) is refused with 422, for good.
 */
public class PostalService extends SimulatedSystem {

  /** An order the postal service accepted. */
  public record Order(String trackingNumber, String receiver, String phone, String address, String pickUpAt,
                      String item, String idempotencyKey) {
  }

  private final List<Order> orders = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong(100_000_000);

  public PostalService(long seed) {
    super("postal service", seed);
  }

  @Override
  protected Reply handle(Call call) {
    if (!call.method().equals("POST") || !call.path().equals("/orders")) {
      return new Reply(404, Map.of("error", "no such resource: " + call.method() + " " + call.path()));
    }
    String address = text(call.body().get("address"));
    String phone = text(call.body().get("phone"));
    if (address == null || address.length() < 10) {
      return new Reply(422, Map.of("error", "địa chỉ nhận không đủ để phát: " + (address == null ? "(trống)" : address)));
    }
    if (phone == null || !phone.matches("0\\d{9}")) {
      return new Reply(422, Map.of("error", "số điện thoại người nhận không hợp lệ: " + phone));
    }
    String tracking = "EL" + sequence.incrementAndGet() + "VN";
    orders.add(new Order(tracking, text(call.body().get("receiver")), phone, address,
        text(call.body().get("pickUpAt")), text(call.body().get("item")), call.idempotencyKey()));
    return new Reply(201, Map.of("trackingNumber", tracking));
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  /** The orders accepted, in order. */
  public List<Order> orders() {
    return List.copyOf(orders);
  }
}

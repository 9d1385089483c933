package vn.motcua.workers.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tax authority's system as land offices reach it: {@code POST /land-transfers} with the cadastral information
 * form (the dossier, the land office, the tax office, the land user) answers 201 with the transfer's number; a form
 * without the land user's ID number or the tax office is refused with 422, for good.
 */
public class TaxAuthority extends SimulatedSystem {

  /** A cadastral information form the tax system took. */
  public record Transfer(String transferId, String receiptCode, String landOffice, String taxOffice,
                         String landUser, String idNumber, String idempotencyKey) {
  }

  private final List<Transfer> transfers = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();

  public TaxAuthority(long seed) {
    super("tax authority", seed);
  }

  @Override
  protected Reply handle(Call call) {
    if (!call.method().equals("POST") || !call.path().equals("/land-transfers")) {
      return new Reply(404, Map.of("error", "no such resource: " + call.method() + " " + call.path()));
    }
    String idNumber = text(call.body().get("idNumber"));
    String taxOffice = text(call.body().get("taxOffice"));
    if (idNumber == null || taxOffice == null) {
      return new Reply(422, Map.of("error", "phiếu chuyển thông tin thiếu số định danh người sử dụng đất hoặc cơ quan"
          + " thuế"));
    }
    String id = String.format("CT-%06d", sequence.incrementAndGet());
    transfers.add(new Transfer(id, text(call.body().get("receiptCode")), text(call.body().get("landOffice")),
        taxOffice, text(call.body().get("landUser")), idNumber, call.idempotencyKey()));
    return new Reply(201, Map.of("transferId", id));
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  /** The forms the tax system took, in order. */
  public List<Transfer> transfers() {
    return List.copyOf(transfers);
  }
}

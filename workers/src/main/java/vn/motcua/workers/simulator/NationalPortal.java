package vn.motcua.workers.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national public service portal's dossier sync API: {@code POST /dossiers/{receiptCode}/events} with the
 * event's {@code seq} (1, 2, 3, ... per dossier), status, stage, agency and times. It takes each dossier's events in
 * order only: one that skips ahead is refused with 409 (counted as {@code outOfOrder}) until the missing ones came.
 */
public class NationalPortal extends SimulatedSystem {

  private static final Pattern EVENTS = Pattern.compile("/dossiers/([A-Za-z0-9-]{1,40})/events");

  /** An event the portal took. */
  public record Event(String receiptCode, int seq, String status, String stage, String agency) {
  }

  private final Map<String, List<Event>> dossiers = new ConcurrentHashMap<>();

  public NationalPortal(long seed) {
    super("national portal", seed);
  }

  @Override
  protected synchronized Reply handle(Call call) {
    Matcher path = EVENTS.matcher(call.path());
    if (!call.method().equals("POST") || !path.matches()) {
      return new Reply(404, Map.of("error", "no such resource: " + call.method() + " " + call.path()));
    }
    String code = path.group(1);
    if (!(call.body().get("seq") instanceof Number seq) || !(call.body().get("status") instanceof String status)) {
      return new Reply(400, Map.of("error", "an event needs seq and status"));
    }
    List<Event> events = dossiers.computeIfAbsent(code, c -> new ArrayList<>());
    if (seq.intValue() != events.size() + 1) {
      increment("outOfOrder");
      return new Reply(409, Map.of("error", "event " + seq + " of " + code + " out of order: expected "
          + (events.size() + 1)));
    }
    events.add(new Event(code, seq.intValue(), status, (String) call.body().get("stage"),
        (String) call.body().get("agency")));
    return new Reply(202, Map.of("accepted", seq));
  }

  /** The events the portal took for a dossier, in order. */
  public synchronized List<Event> events(String receiptCode) {
    return List.copyOf(dossiers.getOrDefault(receiptCode, List.of()));
  }
}

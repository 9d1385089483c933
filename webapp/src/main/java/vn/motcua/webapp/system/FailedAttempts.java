package vn.motcua.webapp.system;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: whatever an attempt is counted against — the client's address, the account or the receipt
 * code it tried — that failed {@code limit} times within the window is refused until the oldest of those failures is
 * that old. So rotating addresses does not help against one account or one dossier. Counted in real time, in this
 * node.
 */
public class FailedAttempts {

  private static final int MAX_CLIENTS = 100_000;

  private final int limit;
  private final long windowMillis;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  protected FailedAttempts(int limit, Duration window) {
    this.limit = limit;
    this.windowMillis = window.toMillis();
  }

  /** Whether any of these (e.g. an address and an account) failed too often. */
  public boolean blocked(String... keys) {
    for (String key : keys) {
      Deque<Long> times = key == null ? null : failures.get(key);
      if (times == null) {
        continue;
      }
      synchronized (times) {
        prune(times, System.currentTimeMillis());
        if (times.size() >= limit) {
          return true;
        }
      }
    }
    return false;
  }

  /** One more failure for each of these. */
  public void failed(String... keys) {
    for (String key : keys) {
      if (key != null) {
        record(key);
      }
    }
  }

  private void record(String key) {
    if (failures.size() > MAX_CLIENTS) {
      long now = System.currentTimeMillis();
      failures.values().removeIf(times -> {
        synchronized (times) {
          prune(times, now);
          return times.isEmpty();
        }
      });
    }
    Deque<Long> times = failures.computeIfAbsent(key, c -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(System.currentTimeMillis());
    }
  }

  private void prune(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() < now - windowMillis) {
      times.removeFirst();
    }
  }
}

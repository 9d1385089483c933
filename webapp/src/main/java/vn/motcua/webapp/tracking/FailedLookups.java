package vn.motcua.webapp.tracking;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing: a client whose lookups failed {@value #LIMIT} times within {@value #WINDOW_MINUTES} minutes is
 * refused until the oldest of those failures is that old. Counted in real time, per client address, in this node.
 */
@Component
class FailedLookups {

  static final int LIMIT = 10;
  static final int WINDOW_MINUTES = 15;
  private static final long WINDOW_MILLIS = WINDOW_MINUTES * 60_000L;
  private static final int MAX_CLIENTS = 100_000;

  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  boolean blocked(String client) {
    Deque<Long> times = failures.get(client);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      prune(times, System.currentTimeMillis());
      return times.size() >= LIMIT;
    }
  }

  void failed(String client) {
    if (failures.size() > MAX_CLIENTS) {
      long now = System.currentTimeMillis();
      failures.values().removeIf(times -> {
        synchronized (times) {
          prune(times, now);
          return times.isEmpty();
        }
      });
    }
    Deque<Long> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(System.currentTimeMillis());
    }
  }

  private static void prune(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() < now - WINDOW_MILLIS) {
      times.removeFirst();
    }
  }
}

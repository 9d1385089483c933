package vn.motcua.webapp.system;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: a client (an address) whose attempts failed {@code limit} times within the window is refused
 * until the oldest of those failures is that old. Counted in real time, in this node.
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

  public boolean blocked(String client) {
    Deque<Long> times = failures.get(client);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      prune(times, System.currentTimeMillis());
      return times.size() >= limit;
    }
  }

  public void failed(String client) {
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

  private void prune(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() < now - windowMillis) {
      times.removeFirst();
    }
  }
}

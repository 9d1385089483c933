package vn.motcua.workers.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for another system (an SMS gateway, a payment gateway, the postal service...) as a real HTTP server on
 * its own port, for development and tests. Faults are set through {@code POST /__faults} (or {@link #faults}): a
 * delay, a share of 503 answers, a share of answers that never come in time. {@code GET /__counters} says what it
 * received and did. A request with an {@code Idempotency-Key} it has already done gets the first answer again and
 * does nothing more, as the real systems promise — so the counters show whether a side effect happened twice.
 */
public abstract class SimulatedSystem implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedSystem.class);
  protected static final ObjectMapper JSON = new ObjectMapper();

  /** What the system answers: a status and a JSON body. */
  public record Reply(int status, Map<String, Object> body) {
  }

  /** A request to the system: its body as JSON and its idempotency key, if any. */
  public record Call(String method, String path, Map<String, Object> body, String idempotencyKey) {
  }

  /**
   * Faults to inject: a delay on every answer, the shares of 503 answers and of answers that come too late, and the
   * share of answers damaged on the way (a signature that does not verify; only systems that sign damage anything).
   */
  public record Faults(long delayMillis, double unavailableShare, double lateShare, long lateMillis,
                       double corruptShare) {
    public static final Faults NONE = new Faults(0, 0, 0, 0);

    public Faults(long delayMillis, double unavailableShare, double lateShare, long lateMillis) {
      this(delayMillis, unavailableShare, lateShare, lateMillis, 0);
    }
  }

  private final String name;
  private final Map<String, Reply> done = new java.util.HashMap<>();
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final Random random;
  private volatile Faults faults = Faults.NONE;
  private HttpServer server;
  private ExecutorService threads;

  protected SimulatedSystem(String name, long seed) {
    this.name = name;
    this.random = new Random(seed);
  }

  /** The system's answer to a call that got through: the side effect happens here. */
  protected abstract Reply handle(Call call);

  /**
   * Serves a page a person opens in the browser (outside the JSON API, its faults and its counters), when the system
   * has any at that path: true when it answered.
   */
  protected boolean page(HttpExchange exchange, String path) throws IOException {
    return false;
  }

  /** The answer as it arrives when damaged on the way: by default nothing in it can be damaged. */
  protected Reply corrupt(Reply reply) {
    return reply;
  }

  public SimulatedSystem start(int port) {
    return start("127.0.0.1", port);
  }

  /** Listens on the address and port (0: any free port). */
  public synchronized SimulatedSystem start(String address, int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + name + " simulator on port " + port, e);
    }
    threads = Executors.newFixedThreadPool(16);
    server.setExecutor(threads);
    server.createContext("/", this::exchange);
    server.start();
    LOG.info("{} simulator listening at {}", name, url());
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void faults(Faults faults) {
    this.faults = faults;
  }

  /** How many requests came, failed on purpose, were done, and were repeats answered from the first time. */
  public Map<String, Long> counters() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String key : new String[] {"received", "unavailable", "late", "corrupted", "done", "repeated", "refused"}) {
      out.put(key, count(key));
    }
    // and what this system counts of its own (signatures made, events out of order, ...)
    new java.util.TreeMap<>(counters).forEach((key, value) -> out.putIfAbsent(key, value.get()));
    return out;
  }

  public long count(String counter) {
    AtomicLong value = counters.get(counter);
    return value == null ? 0 : value.get();
  }

  protected void increment(String counter) {
    counters.computeIfAbsent(counter, k -> new AtomicLong()).incrementAndGet();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/__counters")) {
        send(exchange, new Reply(200, new LinkedHashMap<>(counters())));
        return;
      }
      if (path.equals("/__faults") && exchange.getRequestMethod().equals("POST")) {
        faults = JSON.readValue(exchange.getRequestBody(), Faults.class);
        send(exchange, new Reply(204, null));
        return;
      }
      if (page(exchange, path)) {
        return;
      }
      increment("received");
      Faults now = faults;
      double dice;
      synchronized (random) {
        dice = random.nextDouble();
      }
      pause(now.delayMillis());
      if (dice < now.unavailableShare()) {
        increment("unavailable");
        send(exchange, new Reply(503, Map.of("error", name + " is unavailable (simulated)")));
        return;
      }
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      Reply reply = key == null ? answer(exchange, path, null) : once(exchange, path, key);
      if (dice < now.unavailableShare() + now.lateShare()) {
        // done, but the answer comes after the caller stopped waiting: a retry must not do it again
        increment("late");
        pause(now.lateMillis());
      } else if (dice < now.unavailableShare() + now.lateShare() + now.corruptShare() && reply.status() < 300) {
        // done, and what was done is kept intact; only this copy of the answer is damaged
        increment("corrupted");
        reply = corrupt(reply);
      }
      send(exchange, reply);
    } catch (RuntimeException e) {
      LOG.error("{} simulator failed", name, e);
    }
  }

  private Reply once(HttpExchange exchange, String path, String key) throws IOException {
    synchronized (done) {
      Reply first = done.get(key);
      if (first != null) {
        increment("repeated");
        return first;
      }
      Reply reply = answer(exchange, path, key);
      if (reply.status() < 500) {
        done.put(key, reply);
      }
      return reply;
    }
  }

  private Reply answer(HttpExchange exchange, String path, String key) throws IOException {
    Map<String, Object> body = read(exchange.getRequestBody());
    Reply reply = handle(new Call(exchange.getRequestMethod(), path, body, key));
    increment(reply.status() < 300 ? "done" : "refused");
    return reply;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    return bytes.length == 0 ? Map.of() : JSON.readValue(bytes, Map.class);
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    if (reply.body() == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    byte[] bytes = JSON.writeValueAsString(reply.body()).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException gone) {
      // the caller stopped waiting (a simulated late answer): nothing to tell
    }
  }

  protected static void pause(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      threads.shutdownNow();
      server = null;
    }
  }
}

package vn.motcua.webapp.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A motcua process of the soak — a webapp node, or the standalone workers — as its own operating-system process, so
 * that it can be killed like a crashed server.
 */
final class Node {

  private final String name;
  private final Path jar;
  private final Path logs;
  private final Map<String, String> environment;
  /** The webapp's port, whose readiness probe says when it serves; 0 for the workers, which serve nothing. */
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  /** Requests of the officers' clients this node answered. */
  final AtomicInteger answered = new AtomicInteger();
  private volatile Process process;
  private volatile boolean up;
  private int starts;

  Node(String name, Path jar, Path logs, Map<String, String> environment, int port) {
    this.name = name;
    this.jar = jar;
    this.logs = logs;
    this.environment = environment;
    this.port = port;
  }

  String name() {
    return name;
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  boolean isUp() {
    return up;
  }

  synchronized void start() throws IOException {
    starts++;
    ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), port == 0 ? "-Xmx256m" : "-Xmx1g", "-jar", jar.toAbsolutePath().toString()));
    builder.environment().putAll(environment);
    Path log = logs.resolve(name + "-" + starts + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    long started = System.nanoTime();
    process = builder.start();
    // the soak stopped or killed (Ctrl+C): its processes go with it
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    awaitUp();
    up = true;
    System.out.printf("%s started (%d) in %d ms, log %s%n", name, starts, (System.nanoTime() - started) / 1_000_000,
        log);
  }

  /** SIGKILL: no shutdown hook, no transaction finished, as when a server loses power. */
  synchronized void kill() throws InterruptedException {
    up = false;
    process.destroyForcibly().waitFor();
  }

  /** Waits until the node serves (the readiness probe answers 200), for at most three minutes. */
  void awaitUp() {
    if (port == 0) {
      return;
    }
    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < until) {
      try {
        if (http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      CrashSoak.pause(250);
    }
    throw new IllegalStateException(name + " did not come up; see its log in " + logs);
  }

  void stop() throws InterruptedException {
    up = false;
    if (process != null) {
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
    }
  }
}

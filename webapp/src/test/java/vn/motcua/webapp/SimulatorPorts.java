package vn.motcua.webapp;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

/**
 * Each Spring context of the test JVM runs its own simulators (mail server, SMS gateway, postal service, ...) on free ports, and its
 * workers call them there.
 */
final class SimulatorPorts {

  private SimulatorPorts() {
  }

  /** Where the workers call the simulated systems over HTTP. */
  private static final java.util.List<String> URLS = java.util.List.of("motcua.notifications.sms-url",
      "motcua.systems.postal-url", "motcua.systems.signature-url", "motcua.systems.portal-url",
      "motcua.systems.payment-url", "motcua.systems.population-url", "motcua.systems.tax-url");

  static void register(DynamicPropertyRegistry registry) {
    int smtp = TestSocketUtils.findAvailableTcpPort();
    registry.add("motcua.notifications.smtp-port", () -> smtp);
    for (String url : URLS) {
      int port = TestSocketUtils.findAvailableTcpPort();
      registry.add(url, () -> "http://localhost:" + port);
    }
    registry.add("motcua.portal.sync-delay-millis", () -> "200");
    registry.add("motcua.portal.first-retry-millis", () -> "100");
    // calls that the simulators answer too late fail after 2 s instead of 10; three attempts 200 ms, 400 ms apart
    registry.add("motcua.systems.timeout-millis", () -> "2000");
    registry.add("motcua.workers.retry-attempts", () -> "3");
    registry.add("motcua.workers.retry-first-wait-millis", () -> "200");
    // short polls: a long poll is timed by the engine's clock, which tests move (back, too); a task whose retry is
    // due is fetched by the next poll
    registry.add("motcua.workers.long-poll-millis", () -> "0");
    // demo keys of this context, trusted by it
    java.nio.file.Path keys;
    try {
      keys = java.nio.file.Files.createTempDirectory("motcua-keys");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    registry.add("motcua.simulators.signing-keys-dir", keys::toString);
    registry.add("motcua.signatures.trusted-roots", () -> keys.resolve("root-ca.pem").toString());
  }
}

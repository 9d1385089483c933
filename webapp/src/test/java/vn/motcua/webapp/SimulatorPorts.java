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

  static void register(DynamicPropertyRegistry registry) {
    int smtp = TestSocketUtils.findAvailableTcpPort();
    int sms = TestSocketUtils.findAvailableTcpPort();
    registry.add("motcua.notifications.smtp-port", () -> smtp);
    int postal = TestSocketUtils.findAvailableTcpPort();
    registry.add("motcua.notifications.sms-url", () -> "http://localhost:" + sms);
    registry.add("motcua.systems.postal-url", () -> "http://localhost:" + postal);
  }
}

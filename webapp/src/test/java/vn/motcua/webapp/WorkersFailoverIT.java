package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.workers.simulator.SimulatedSystem.Faults;
import vn.motcua.workers.simulator.Simulators;

/**
 * The webapp with no workers of its own and two standalone worker processes (separate JVMs, as {@code java -jar}
 * runs them) on PostgreSQL; the signing service, the SMS gateway and the postal service fail 30% of the calls (503s
 * and answers that come too late); one worker process is killed (SIGKILL) in the middle. Every dossier must still be
 * signed, told and posted — and each of these exactly once, as the simulators count them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class WorkersFailoverIT {

  private static final int DOSSIERS = 12;
  private static final String PASSWORD = "failover-worker-secret";
  private static final String ADDRESS = "Thôn Bản Mới, xã Thụy Hùng, tỉnh Lạng Sơn";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresIntegrationTest.database("failover"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    // an engine of its own in the test JVM, addressed by name
    registry.add("camunda.bpm.process-engine-name", () -> "failover");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    registry.add("motcua.demo.history-months", () -> "0");
    registry.add("motcua.workers.in-process", () -> "false");
    registry.add("motcua.workers.password", () -> PASSWORD);
    SimulatorPorts.register(registry);
  }

  @Autowired
  private TestRestTemplate rest;
  @Autowired
  private Simulators simulators;
  @Autowired
  private Environment environment;
  @Autowired
  private JdbcTemplate jdbc;
  @LocalServerPort
  private int port;

  private final List<Process> workers = new ArrayList<>();

  @AfterEach
  void stopWorkers() {
    workers.forEach(Process::destroyForcibly);
  }

  @Test
  void shouldFinishEveryDossierAndDoEachSideEffectOnceWhenCallsFailAndAWorkerDies() throws Exception {
    // given: two worker processes; the other systems fail 30% of the calls
    Process doomed = worker(1);
    worker(2);
    Faults flaky = new Faults(0, 0.2, 0.1, 1_500);
    simulators.signing().faults(flaky);
    simulators.sms().faults(flaky);
    simulators.postal().faults(flaky);
    Api api = new Api(rest);

    // when: dossiers are decided and returned by post; halfway, one worker process is killed
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < DOSSIERS; i++) {
      String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
      codes.add(code);
      api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
      api.complete("thuyhung.tuphap", code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
          "appraisalNote", "Đủ điều kiện"));
      api.complete("thuyhung.chutich", code, "Task_Approve", Map.of("approval", "SIGN"));
      if (i == DOSSIERS / 2) {
        doomed.destroyForcibly().waitFor();
      }
    }
    for (String code : codes) {
      api.complete("thuyhung.motcua", code, "Task_ReturnResult", Map.of("returnMethod", "POST",
          "postalAddress", ADDRESS));
    }

    // then: every dossier finished, its result given to the post
    for (String code : codes) {
      await().atMost(Duration.ofMinutes(3)).until(() -> api.dossier("citizen", code).get("status"),
          "RESULT_RETURNED"::equals);
    }
    assertThat(doomed.isAlive()).isFalse();
    assertThat(List.of(simulators.signing(), simulators.sms(), simulators.postal()).stream()
        .mapToLong(system -> system.count("unavailable") + system.count("late")).sum())
        .as("calls that failed on purpose").isPositive();
    // then: one signature per dossier at the signing service, one signed copy each
    assertThat(simulators.signing().count("signed")).isEqualTo(DOSSIERS);
    assertThat(jdbc.queryForObject("select count(*) from dossier_document where signed_from is not null",
        Long.class)).isEqualTo(DOSSIERS);
    // then: one postal order per dossier
    assertThat(simulators.postal().orders()).extracting(order -> order.item().substring(order.item().length() - 18))
        .containsExactlyInAnyOrderElementsOf(codes);
    // then: two SMS per dossier (received; the result is ready), however often the calls were repeated (the last
    // notices may still be on their way through the faults when the dossiers are finished)
    await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(simulators.sms().sent())
        .extracting(sms -> sms.text().substring(6, 24))
        .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(codes.stream(), codes.stream()).toList()));
    // then: two e-mails per dossier as mail systems count them (by Message-ID)
    await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(simulators.mails().stream()
        .map(WorkersFailoverIT::messageId).collect(Collectors.toSet())).hasSize(2 * DOSSIERS));
    Set<String> mails = simulators.mails().stream().map(WorkersFailoverIT::messageId).collect(Collectors.toSet());
    System.out.printf("failover: %d dossiers; signing %s; SMS %s; post %s; %d mails for %d Message-IDs%n", DOSSIERS,
        simulators.signing().counters(), simulators.sms().counters(), simulators.postal().counters(),
        simulators.mails().size(), mails.size());
  }

  /** A standalone worker process against this webapp's engine, with the simulators' addresses. */
  private Process worker(int number) throws IOException {
    Path log = Path.of("target", "failover-worker-" + number + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), "vn.motcua.workers.standalone.WorkersApplication",
        "--motcua.workers.engine-url=http://localhost:" + port + "/engine-rest/engine/failover",
        "--motcua.workers.password=" + PASSWORD,
        "--motcua.workers.long-poll-millis=0",
        "--motcua.workers.retry-attempts=12",
        "--motcua.workers.retry-first-wait-millis=200",
        // a task unlucky many times in a row must not wait longer than the test does
        "--motcua.workers.retry-longest-wait-millis=2000",
        "--motcua.notifications.timeout-millis=1000",
        "--motcua.systems.timeout-millis=1000"));
    for (String setting : List.of("motcua.notifications.smtp-port", "motcua.notifications.sms-url",
        "motcua.systems.postal-url", "motcua.systems.signature-url")) {
      command.add("--" + setting + "=" + environment.getProperty(setting));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    workers.add(process);
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("Workers subscribed"));
    return process;
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

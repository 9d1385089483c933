package vn.motcua.webapp;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a real PostgreSQL (embedded, started once per JVM),
 * one Spring context shared by every subclass, with the workers running in-process (plus a test-only topic). The job
 * executor is off: a test that moves the clock runs the jobs then due itself, as the executor would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@Import(EchoWorker.class)
public abstract class PostgresIntegrationTest {

  protected static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  protected static final String WORKER_PASSWORD = "it-worker-secret";
  private static EmbeddedPostgres postgres;
  /** The reference data files the application reads: the shipped ones, copied once per JVM. */
  protected static final java.nio.file.Path REFERENCE_DATA = shippedReferenceData();
  /** Where a test puts an edited holiday file (empty otherwise: the shipped calendars apply). */
  protected static final java.nio.file.Path CALENDARS = directory("it-calendar");

  @Autowired
  protected TestRestTemplate rest;
  @Autowired
  private org.camunda.bpm.engine.ProcessEngine engine;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> server().getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    // the embedded server's own shutdown hook may stop it before the context closes: fail fast then, not in 30 s
    registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    // a known worker password, so that standalone workers can sign in next to the in-process ones
    registry.add("motcua.workers.password", () -> WORKER_PASSWORD);
    // tests move the engine clock; timers fire when a test runs the due jobs (see runDueJobs), never behind its back
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    // tests bring their own dossiers
    registry.add("motcua.demo.history-months", () -> "0");
    // the shipped holiday calendars, then a folder where a test drops an edited year (as an operator in config/calendar)
    registry.add("motcua.legal-time.calendars[0]", () -> "classpath*:calendar/holidays-*.yaml");
    registry.add("motcua.legal-time.calendars[1]", () -> CALENDARS.toUri() + "holidays-*.yaml");
    // a test applies an edited file itself (CalendarChanges.apply), never the minute's check behind its back
    registry.add("motcua.legal-time.calendar-check-millis", () -> "86400000");
    // reference data from files, as an operator keeps them, so that a test can edit them and reload
    registry.add("motcua.reference-data", () -> REFERENCE_DATA.toUri().toString());
    // the tests' clients play the province's reverse proxy (X-Forwarded-For) from this machine's loopback address;
    // 127.0.0.2 is a client that is no proxy
    registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
    SimulatorPorts.register(registry);
  }

  /** The JDBC URL of another database on the same embedded server (created on first use), for a context of its own. */
  static String database(String name) {
    try (java.sql.Connection connection = server().getPostgresDatabase().getConnection();
         java.sql.Statement statement = connection.createStatement()) {
      if (!statement.executeQuery("select 1 from pg_database where datname = '" + name + "'").next()) {
        statement.execute("create database " + name);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  private static java.nio.file.Path directory(String name) {
    try {
      return java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", name).toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the shipped reference data into a directory of files; returns it (with a trailing separator). */
  protected static java.nio.file.Path shippedReferenceData() {
    try {
      java.nio.file.Path directory = java.nio.file.Files.createDirectories(
          java.nio.file.Path.of("target", "it-reference").toAbsolutePath());
      for (String file : java.util.List.of("admin-units.csv", "agencies.csv")) {
        try (java.io.InputStream in = PostgresIntegrationTest.class.getClassLoader()
            .getResourceAsStream("reference/" + file)) {
          java.nio.file.Files.copy(in, directory.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the reference data", e);
    }
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
    return postgres;
  }

  /** Sets the engine (and application) clock to a local Vietnamese time. */
  protected static void now(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(VN).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The candidate group of a dossier's open task (the first, for a task offered to one group). */
  protected String candidateGroup(String receiptCode, String taskKey) {
    org.camunda.bpm.engine.TaskService tasks = engine.getTaskService();
    var task = tasks.createTaskQuery().processInstanceBusinessKey(receiptCode).taskDefinitionKey(taskKey)
        .singleResult();
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId()).findFirst().orElseThrow();
  }

  protected TestRestTemplate as(String username) {
    return rest.withBasicAuth(username, "demo");
  }

  /**
   * An officer of agency groups, created through the engine's REST API as Camunda Admin does (the engine's users and
   * groups are data: a new commune's staff, or a former district's); idempotent, as the context is shared.
   */
  protected void staff(String user, String... agencyGroups) {
    TestRestTemplate admin = as("admin");
    if (admin.getForEntity("/engine-rest/user/" + user + "/profile", String.class).getStatusCode().value() == 404) {
      org.assertj.core.api.Assertions.assertThat(admin.postForEntity("/engine-rest/user/create", java.util.Map.of(
          "profile", java.util.Map.of("id", user, "firstName", "Hoàng Thị", "lastName", "Mai",
              "email", user + "@langson.gov.vn"),
          "credentials", java.util.Map.of("password", "demo")), String.class).getStatusCode().value()).isEqualTo(204);
    }
    for (String group : java.util.stream.Stream.concat(java.util.Arrays.stream(agencyGroups),
        java.util.stream.Stream.of("officers")).toList()) {
      if (admin.getForEntity("/engine-rest/group/" + group, String.class).getStatusCode().value() == 404) {
        org.assertj.core.api.Assertions.assertThat(admin.postForEntity("/engine-rest/group/create",
            java.util.Map.of("id", group, "name", group, "type", "WORKFLOW"), String.class).getStatusCode().value())
            .isEqualTo(204);
      }
      admin.put("/engine-rest/group/" + group + "/members/" + user, null);
    }
  }
}

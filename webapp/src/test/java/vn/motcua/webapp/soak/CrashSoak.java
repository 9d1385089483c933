package vn.motcua.webapp.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.workers.NotificationSettings;
import vn.motcua.workers.SimulatorSettings;
import vn.motcua.workers.SystemsSettings;
import vn.motcua.workers.simulator.Simulators;

/**
 * The crash soak (not a test; docs/security.md): the packaged webapp ({@code webapp/target/motcua.jar}, workers
 * inside) runs as its own process on PostgreSQL with fsync on, while four officers' clients take
 * {@code -Dsoak.dossiers} (default 2,000) birth registrations from the counter to their result through the REST API.
 * The process is killed with SIGKILL twice while they work, and started again. The other systems (mail, SMS, signing,
 * portal, post) are the simulators, in this process, so they outlive the kills and count what they were asked to do.
 * Afterwards every dossier must be accounted for — finished, with the same trail, documents, notices and portal
 * events as every other — and the engine idle: no instance, task, job or incident left.
 */
public final class CrashSoak {

  private static final int DOSSIERS = Integer.getInteger("soak.dossiers", 2_000);
  private static final int CLIENTS = Integer.getInteger("soak.clients", 4);
  private static final int PORT = Integer.getInteger("soak.port", 18080);
  private static final String PROCEDURE = "1.001193";
  private static final String COUNTER = "chiminh.motcua";
  private static final String SPECIALIST = "chiminh.tuphap";
  private static final String LEADER = "chiminh.chutich";
  private static final List<String> OFFICERS = List.of(COUNTER, SPECIALIST, LEADER);
  private static final String APPRAISE = "Task_Appraise";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DRAFT = vn.motcua.webapp.Api.pdf("Dự thảo giấy khai sinh");

  private final Node node;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicInteger submitted = new AtomicInteger();
  private final AtomicInteger lostAnswers = new AtomicInteger();

  private CrashSoak(Node node) {
    this.node = node;
  }

  public static void main(String[] args) {
    int failures;
    try {
      failures = run();
    } catch (Exception | Error failed) {
      failed.printStackTrace();
      failures = 1;
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  private static int run() throws Exception {
    Path work = Files.createTempDirectory("motcua-soak");
    Path keys = work.resolve("signing-keys");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
        .setCleanDataDirectory(true).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "100").setPGStartupWait(Duration.ofSeconds(60)).start();
         Simulators systems = Simulators.start(notifications(), systemsSettings(),
             new SimulatorSettings(true, keys.toString(), "demo", "127.0.0.1"))) {
      new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database motcua");
      DataSource database = postgres.getDatabase("postgres", "motcua");
      Path jar = Path.of(System.getProperty("soak.jar", "target/motcua.jar"));
      Node node = new Node(jar, work, Map.of("SPRING_PROFILES_ACTIVE", "postgres",
          "MOTCUA_DB_URL", postgres.getJdbcUrl("postgres", "motcua"), "MOTCUA_DB_USER", "postgres",
          "MOTCUA_DB_PASSWORD", "postgres", "PORT", String.valueOf(PORT), "MOTCUA_SIMULATORS", "false",
          "MOTCUA_DEMO_HISTORY_MONTHS", "0", "MOTCUA_SIGNING_KEYS_DIR", keys.toString(),
          "MOTCUA_TRUSTED_ROOTS", keys.resolve("root-ca.pem").toString(),
          "MOTCUA_PORTAL_SYNC_DELAY_MILLIS", "500"));
      try {
        return new CrashSoak(node).soak(new JdbcTemplate(database), systems);
      } finally {
        node.stop();
      }
    }
  }

  private int soak(JdbcTemplate db, Simulators systems) throws Exception {
    long started = System.nanoTime();
    node.start();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      work.add(clients.submit(() -> {
        while (submitted.getAndIncrement() < DOSSIERS) {
          submit().ifPresent(this::drive);
        }
        return null;
      }));
    }
    // the kills: when a third and when two thirds of the dossiers are finished, in the middle of the work
    for (int third = 1; third <= 2; third++) {
      while (finished.get() < DOSSIERS * third / 3) {
        Thread.sleep(200);
      }
      System.out.printf("%d dossiers finished: SIGKILL%n", finished.get());
      node.kill();
      node.start();
    }
    for (Future<?> client : work) {
      client.get();
    }
    clients.shutdown();
    // the submissions whose answer was lost in a kill: the counter finds them in its list
    for (String orphan : orphans()) {
      known.add(orphan);
      drive(orphan);
    }
    awaitQuiet(db);
    System.out.printf("%nSoak: %d dossiers through the API in %d s, the webapp killed with SIGKILL twice; %d answers "
        + "lost in the kills%n", known.size(), (System.nanoTime() - started) / 1_000_000_000L, lostAnswers.get());
    return new Accounting(db, systems, known).report();
  }

  /** Records a dossier at the counter; empty when the answer was lost in a kill (the counter finds it later). */
  private java.util.Optional<String> submit() {
    try {
      String code = send(COUNTER, "POST", "/api/v1/dossiers", Map.of("procedureCode", PROCEDURE, "channel",
          "COUNTER", "communeCode", "06148", "returnMethod", "COUNTER", "applicant", Map.of("fullName",
          "Nguyễn Văn An", "idNumber", "020190001234", "phone", "0912345678", "email", "an.nguyen@example.vn")))
          .get("receiptCode").asText();
      known.add(code);
      return java.util.Optional.of(code);
    } catch (Lost lost) {
      lostAnswers.incrementAndGet();
      return java.util.Optional.empty();
    }
  }

  /**
   * Takes a dossier to its result from wherever it stands: each round reads where it is, so a step whose answer was
   * lost in a kill is not done twice, and a step that did not happen is done again.
   */
  private void drive(String code) {
    for (int round = 0; round < 600; round++) {
      try {
        if (!send(COUNTER, "GET", "/api/v1/dossiers/" + code, null).path("finishedAt").isMissingNode()) {
          finished.incrementAndGet();
          return;
        }
        JsonNode task = openStep(code);
        if (task == null) {
          // a worker's part comes first (the signature)
          pause(200);
          continue;
        }
        String officer = task.get("officer").asText();
        String taskId = task.get("id").asText();
        String step = task.get("taskKey").asText();
        if (APPRAISE.equals(step) && !draftAttached(code, taskId)) {
          attachDraft(code, taskId);
        }
        send(officer, "POST", "/api/v1/tasks/" + taskId + "/complete", Map.of("variables", values(step)));
      } catch (Lost lost) {
        lostAnswers.incrementAndGet();
      } catch (Refused refused) {
        // 409: the step moved on under us (a repeat of a step whose answer was lost); read again
        pause(100);
      }
    }
    throw new IllegalStateException(code + " did not reach its result");
  }

  private JsonNode openStep(String code) {
    for (String officer : OFFICERS) {
      for (JsonNode task : send(officer, "GET", "/api/v1/tasks", null)) {
        if (code.equals(task.path("receiptCode").asText())) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) task).put("officer", officer);
          return task;
        }
      }
    }
    return null;
  }

  private List<String> orphans() {
    List<String> found = new ArrayList<>();
    for (JsonNode task : send(COUNTER, "GET", "/api/v1/tasks", null)) {
      String code = task.path("receiptCode").asText();
      if (!known.contains(code)) {
        found.add(code);
      }
    }
    System.out.printf("Dossiers recorded whose answer was lost: %d %s%n", found.size(), found);
    return found;
  }

  private boolean draftAttached(String code, String taskId) {
    for (JsonNode document : send(SPECIALIST, "GET", "/api/v1/dossiers/" + code + "/documents", null)) {
      if ("DRAFT".equals(document.path("kind").asText()) && taskId.equals(document.path("taskId").asText())) {
        return true;
      }
    }
    return false;
  }

  private void attachDraft(String code, String taskId) {
    String boundary = "motcua-soak-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nDRAFT\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"taskId\"\r\n\r\n" + taskId + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"du-thao.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(DRAFT);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    exchange(request(SPECIALIST, "/api/v1/dossiers/" + code + "/documents")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static Map<String, Object> values(String step) {
    return switch (step) {
      case "Task_CheckCompleteness" -> Map.of("completeness", "COMPLETE");
      case APPRAISE -> Map.of("appraisal", "PROPOSE_APPROVE", "appraisalNote", "Đủ điều kiện");
      case "Task_Approve" -> Map.of("approval", "SIGN");
      case "Task_ReturnResult" -> Map.of("returnMethod", "COUNTER", "receivedBy", "Nguyễn Văn An");
      default -> throw new IllegalStateException("unexpected step " + step);
    };
  }

  private HttpRequest.Builder request(String username, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (username + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
  }

  private JsonNode send(String username, String method, String path, Object body) {
    HttpRequest.Builder request = request(username, path);
    if (body == null) {
      request.GET();
    } else {
      try {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return exchange(request);
  }

  /** Lost: no answer (the process is down or went down); Refused: 409; anything else unexpected is a failure. */
  private JsonNode exchange(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException down) {
      node.awaitUp();
      throw new Lost();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (response.statusCode() == 409) {
      throw new Refused();
    }
    if (response.statusCode() == 503 || response.statusCode() == 502) {
      node.awaitUp();
      throw new Lost();
    }
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(request.build().uri() + ": " + response.statusCode() + " " + response.body());
    }
    try {
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the engine has nothing left to do: notices sent, the portal told, no instance running. */
  private static void awaitQuiet(JdbcTemplate db) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < until) {
      long running = db.queryForObject("select count(*) from act_ru_execution", Long.class);
      long undelivered = db.queryForObject("select count(*) from portal_outbox where delivered_at is null",
          Long.class);
      if (running == 0 && undelivered == 0) {
        return;
      }
      Thread.sleep(1000);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static NotificationSettings notifications() {
    return new NotificationSettings("localhost", 3025, "", "", "Bộ phận Một cửa <motcua@motcua.local>",
        "http://localhost:8091", "", false, 5000, "Asia/Ho_Chi_Minh");
  }

  private static SystemsSettings systemsSettings() {
    return new SystemsSettings("http://localhost:8092", "", "http://localhost:8093", "", "http://localhost:8094", "",
        "http://localhost:8095", "", "dev-payment-callback-secret", "http://localhost:8096", "",
        "http://localhost:8097", "", 10_000);
  }

  /** No answer came: the webapp was killed under the request. */
  private static final class Lost extends RuntimeException {
    Lost() {
      super(null, null, false, false);
    }
  }

  /** 409: the request came after what it meant to change had changed. */
  private static final class Refused extends RuntimeException {
    Refused() {
      super(null, null, false, false);
    }
  }

  /** The webapp as its own operating-system process, so that it can be killed like a crashed server. */
  private static final class Node {
    private final Path jar;
    private final Path logs;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    private int starts;

    Node(Path jar, Path logs, Map<String, String> environment) {
      this.jar = jar;
      this.logs = logs;
      this.environment = environment;
    }

    synchronized void start() throws IOException {
      starts++;
      ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-jar", jar.toAbsolutePath().toString());
      builder.environment().putAll(environment);
      builder.redirectErrorStream(true).redirectOutput(logs.resolve("webapp-" + starts + ".log").toFile());
      long started = System.nanoTime();
      process = builder.start();
      awaitUp();
      System.out.printf("webapp started (%d) in %d ms, log %s%n", starts, (System.nanoTime() - started) / 1_000_000,
          logs.resolve("webapp-" + starts + ".log"));
    }

    /** SIGKILL: no shutdown hook, no transaction finished, as when a server loses power. */
    synchronized void kill() throws InterruptedException {
      process.destroyForcibly().waitFor();
    }

    void awaitUp() {
      long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (System.nanoTime() < until) {
        try {
          if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/actuator/health")).build(),
              HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // starting
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        pause(250);
      }
      throw new IllegalStateException("the webapp did not come up; see its log in " + logs);
    }

    void stop() {
      if (process != null) {
        process.destroy();
      }
    }
  }

  /** What the database and the other systems hold afterwards, dossier by dossier. */
  private record Accounting(JdbcTemplate db, Simulators systems, Set<String> known) {

    int report() {
      List<String> failures = new ArrayList<>();
      Map<String, Long> byStatus = new TreeMap<>();
      db.queryForList("select status, count(*) n from dossier group by status")
          .forEach(row -> byStatus.put((String) row.get("status"), ((Number) row.get("n")).longValue()));
      long dossiers = byStatus.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf("Dossiers by status: %s%n", byStatus);
      check(failures, dossiers == known.size() && byStatus.getOrDefault("RESULT_RETURNED", 0L) == dossiers,
          "every dossier recorded is known to its officers and finished with its result returned");
      Set<String> stored = Set.copyOf(db.queryForList("select receipt_code from dossier", String.class));
      check(failures, stored.containsAll(known), "every dossier an officer was given a receipt code for is stored");

      // every dossier went the same way, so each must have the same trail, documents and portal events
      check(failures, same("trail", "select d.receipt_code, a.action || coalesce(' ' || a.step, '') from dossier d "
          + "join dossier_audit a on a.dossier_id = d.id"), "the same audit trail for every dossier, no entry twice");
      check(failures, same("documents", "select d.receipt_code, x.kind from dossier d "
          + "join dossier_document x on x.dossier_id = d.id"), "the same documents for every dossier, none twice");
      check(failures, same("portal events", "select receipt_code, status from portal_outbox"),
          "the same portal events for every dossier");
      long portalDelivered = known.stream().mapToLong(code -> systems.portal().events(code).size()).sum();
      long outbox = db.queryForObject("select count(*) from portal_outbox", Long.class);
      System.out.printf("Portal: %d events in the outbox, %d taken by the portal (each once, in order), %s%n",
          outbox, portalDelivered, systems.portal().counters());
      check(failures, portalDelivered == outbox, "the portal took every event of every dossier exactly once");

      Map<String, Long> smsPerKey = systems.sms().sent().stream()
          .collect(Collectors.groupingBy(sms -> String.valueOf(sms.idempotencyKey()), Collectors.counting()));
      System.out.printf("SMS: %d sent, %d distinct notices, %s%n", systems.sms().sent().size(), smsPerKey.size(),
          systems.sms().counters());
      check(failures, smsPerKey.values().stream().allMatch(n -> n == 1),
          "every SMS notice reached the gateway's phone once (repeats answered from the first time)");
      Map<String, Long> mailPerId = new TreeMap<>();
      for (MimeMessage mail : systems.mails()) {
        try {
          mailPerId.merge(mail.getMessageID(), 1L, Long::sum);
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      long resent = mailPerId.values().stream().filter(n -> n > 1).count();
      System.out.printf("E-mail: %d delivered, %d distinct notices (Message-ID), %d delivered again after a kill%n",
          systems.mails().size(), mailPerId.size(), resent);
      check(failures, mailPerId.size() == known.size() * 2L,
          "two notices per dossier by e-mail (received, result ready), each with its own Message-ID");
      System.out.printf("Signatures made: %s%n", systems.signing().counters());

      for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_job", "act_ru_ext_task",
          "act_ru_incident")) {
        check(failures, db.queryForObject("select count(*) from " + table, Long.class) == 0,
            "the engine has nothing left in " + table);
      }
      System.out.println(failures.isEmpty() ? "SOAK PASSED" : "SOAK FAILED: " + failures);
      return failures.size();
    }

    /** Whether every dossier has the same multiset of values; prints the ways they differ. */
    private boolean same(String what, String sql) {
      Map<String, List<String>> byDossier = new TreeMap<>();
      db.query(sql, row -> {
        byDossier.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getString(2));
      });
      Map<String, Long> shapes = byDossier.values().stream()
          .map(values -> values.stream().sorted().collect(Collectors.joining(", ")))
          .collect(Collectors.groupingBy(shape -> shape, TreeMap::new, Collectors.counting()));
      shapes.forEach((shape, count) -> System.out.printf("  %s of %d dossiers: %s%n", what, count, shape));
      return shapes.size() == 1 && byDossier.size() == known.size();
    }

    private static void check(List<String> failures, boolean holds, String claim) {
      System.out.printf("%s %s%n", holds ? "  OK  " : "  FAIL", claim);
      if (!holds) {
        failures.add(claim);
      }
    }
  }
}

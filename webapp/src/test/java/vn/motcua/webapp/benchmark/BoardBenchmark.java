package vn.motcua.webapp.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.webapp.MotcuaApplication;
import vn.motcua.webapp.board.BoardExports;
import vn.motcua.webapp.board.BoardFilter;
import vn.motcua.webapp.board.BoardList;
import vn.motcua.webapp.board.BoardService;
import vn.motcua.webapp.board.Period;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;

/**
 * The board's benchmark (not a test): seeds {@code -Dbenchmark.dossiers} (default 2,000,000) dossiers into an
 * embedded PostgreSQL 16 with the application's schema, then times every board query and export as a province's
 * and a district's supervisor would run them, printing p50, p95 and max in milliseconds as a Markdown table.
 * Run: see docs/benchmarks.md.
 */
public final class BoardBenchmark {

  private static final int RUNS = Integer.getInteger("benchmark.runs", 40);
  private static final int WARM_UP = 5;
  private static final OutputStream NOWHERE = OutputStream.nullOutputStream();

  private BoardBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int dossiers = Integer.getInteger("benchmark.dossiers", 2_000_000);
    Path data = Files.createTempDirectory("motcua-benchmark-pg");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
        .setServerConfig("shared_buffers", "1GB").setServerConfig("work_mem", "32MB")
        .setServerConfig("max_wal_size", "4GB").setServerConfig("synchronous_commit", "off")
        .setPGStartupWait(java.time.Duration.ofSeconds(60)).start()) {
      // as arguments: they win over application-postgres.yml
      ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class)
          .profiles("postgres")
          .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
              "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
              "--server.port=0", "--motcua.demo.enabled=false", "--motcua.workers.in-process=false",
              "--motcua.simulators.enabled=false",
              // no payment gateway is called, but a node with real systems' settings starts only with its secret
              "--motcua.systems.payment-callback-secret=" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID(),
              "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN");
      try {
        run(app, dossiers);
      } finally {
        app.close();
      }
    }
  }

  private static void run(ConfigurableApplicationContext app, int dossiers) throws Exception {
    DataSource dataSource = app.getBean(DataSource.class);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    System.out.printf("Seeding %,d dossiers into PostgreSQL %s%n", dossiers,
        jdbc.queryForObject("show server_version", String.class));
    long started = System.nanoTime();
    new DossierSeeder(Instant.now()).seed(dataSource, dossiers);
    jdbc.execute("vacuum analyze dossier");
    System.out.printf("Seeded and analysed in %d s; dossier table %s with indexes%n",
        (System.nanoTime() - started) / 1_000_000_000,
        jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('dossier'))", String.class));
    System.out.printf("Lạng Sơn (20): %,d dossiers, %,d unfinished%n",
        jdbc.queryForObject("select count(*) from dossier where unit_province = '20'", Long.class),
        jdbc.queryForObject("select count(*) from dossier where unit_province = '20' and finished_at is null",
            Long.class));

    BoardService board = app.getBean(BoardService.class);
    BoardExports exports = app.getBean(BoardExports.class);
    Staff province = supervisor("giamsat.langson", "T20");
    Staff district = supervisor("giamsat.thuyhung", "H180");
    BoardFilter none = BoardFilter.none();
    long once = System.nanoTime();
    board.overview(province, none, Period.monthOf(java.time.LocalDate.now(DossierSeeder.VN)));
    System.out.printf("First overview, computing the monthly figures of every month that is over: %d ms (once)%n",
        (System.nanoTime() - once) / 1_000_000);
    System.out.printf("Live lists of Lạng Sơn: %s; of Tràng Định: %s%n", board.counts(province, none),
        board.counts(district, none));
    String month = java.time.YearMonth.now(DossierSeeder.VN).minusMonths(1).toString();
    String quarter = Period.monthOf(java.time.LocalDate.now(DossierSeeder.VN).minusMonths(3)).start().getYear()
        + "-Q" + ((java.time.LocalDate.now(DossierSeeder.VN).minusMonths(3).getMonthValue() - 1) / 3 + 1);
    String year = String.valueOf(java.time.LocalDate.now(DossierSeeder.VN).getYear() - 1);

    List<String[]> results = new ArrayList<>();
    for (Staff who : List.of(province, district)) {
      String scope = who == province ? "province 20" : "district 180";
      for (BoardList list : BoardList.values()) {
        results.add(time("list " + list.slug() + " (page 1 + count)", scope,
            () -> board.list(who, list, none, 0, 50)));
      }
      results.add(time("list counts (4 lists)", scope, () -> board.counts(who, none)));
      results.add(time("overdue, filtered by procedure", scope,
          () -> board.list(who, BoardList.OVERDUE, filter("procedure", "1.004227"), 0, 50)));
      String running = java.time.YearMonth.now(DossierSeeder.VN).toString();
      String thisYear = String.valueOf(java.time.LocalDate.now(DossierSeeder.VN).getYear());
      for (String period : List.of(running, month, quarter, year, thisYear)) {
        results.add(time("overview " + period + " (KPIs, units, trend, delays, index)", scope,
            () -> board.overview(who, none, Period.parse(period))));
      }
      results.add(time("export overdue list CSV", scope, () -> exports.list(BoardList.OVERDUE,
          BoardExports.Format.CSV, Locale.forLanguageTag("vi"),
          rows -> board.forEach(who, BoardList.OVERDUE, none, rows), NOWHERE)));
      results.add(time("export overdue list XLSX", scope, () -> exports.list(BoardList.OVERDUE,
          BoardExports.Format.XLSX, Locale.forLanguageTag("vi"),
          rows -> board.forEach(who, BoardList.OVERDUE, none, rows), NOWHERE)));
      results.add(time("export KPI report XLSX (" + year + ")", scope, () -> exports.kpis(
          board.overview(who, none, Period.parse(year)), BoardExports.Format.XLSX, Locale.forLanguageTag("vi"),
          NOWHERE)));
      results.add(time("export periodic report PDF (" + quarter + ")", scope, () -> exports.report(
          board.overview(who, none, Period.parse(quarter)), Locale.forLanguageTag("vi"), who.fullName(),
          OffsetDateTime.now(), NOWHERE)));
    }
    System.out.printf("%nBoard queries over %,d dossiers, %d runs each after %d warm-up runs (ms)%n%n", dossiers,
        RUNS, WARM_UP);
    System.out.println("| query | scope | p50 | p95 | max |");
    System.out.println("|---|---|---:|---:|---:|");
    results.forEach(r -> System.out.printf("| %s | %s | %s | %s | %s |%n", (Object[]) r));
  }

  private static BoardFilter filter(String name, String value) {
    return BoardFilter.of(Map.of(name, value));
  }

  private static Staff supervisor(String username, String agency) {
    return new Staff(username, username, username + "@example.vn", Set.of(Role.SUPERVISOR), Set.of(agency),
        List.of(Role.SUPERVISOR.groupId(), agency + ".supervision"));
  }

  private static String[] time(String name, String scope, Runnable query) {
    for (int i = 0; i < WARM_UP; i++) {
      query.run();
    }
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      query.run();
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    String[] row = {name, scope, fmt(percentile(millis, 50)), fmt(percentile(millis, 95)), fmt(millis[RUNS - 1])};
    System.out.printf("  %-60s %-13s p50 %8s  p95 %8s%n", name, scope, row[2], row[3]);
    return row;
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static String fmt(double millis) {
    return String.format(Locale.ROOT, "%.1f", millis);
  }
}

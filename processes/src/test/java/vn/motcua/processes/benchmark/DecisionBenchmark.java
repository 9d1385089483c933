package vn.motcua.processes.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import vn.motcua.processes.catalog.ScaleTables;
import vn.motcua.processes.rules.IndexedDmnEngineConfiguration;
import vn.motcua.processes.rules.PreparedFeelEngine;

/**
 * How long one evaluation of a processing-time table in motcua's shape takes as the catalogue grows (not a test:
 * docs/benchmarks.md): Camunda's stock engine, the stock engine with motcua's prepared FEEL (row by row), and
 * motcua's engine (prepared FEEL, rows indexed on the procedure code). Prints p50 and p95 in microseconds.
 * {@code -Dbenchmark.procedures=8,2000}, {@code -Dbenchmark.runs=2000} (the stock engine runs a twentieth of them).
 */
public final class DecisionBenchmark {

  private DecisionBenchmark() {
  }

  public static void main(String[] args) {
    int[] sizes = Arrays.stream(System.getProperty("benchmark.procedures", "8,2000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int runs = Integer.getInteger("benchmark.runs", 2000);
    Map<String, DmnEngine> engines = new java.util.LinkedHashMap<>();
    engines.put("stock engine", DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
    engines.put("prepared FEEL, row by row", prepared(
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()));
    engines.put("motcua (prepared, indexed)", prepared(new IndexedDmnEngineConfiguration()));
    System.out.printf("%-28s %10s %8s %10s %10s%n", "engine", "procedures", "runs", "p50 µs", "p95 µs");
    for (int procedures : sizes) {
      String table = ScaleTables.processingTime(procedures);
      for (Map.Entry<String, DmnEngine> engine : engines.entrySet()) {
        DmnDecision decision = engine.getValue().parseDecision("processingTime",
            new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
        int n = engine.getKey().startsWith("stock") ? Math.max(20, runs / 20) : runs;
        Random random = new Random(7);
        // warm up, then measure
        measure(engine.getValue(), decision, procedures, random, n / 4 + 1);
        long[] micros = measure(engine.getValue(), decision, procedures, random, n);
        Arrays.sort(micros);
        System.out.printf("%-28s %10d %8d %10.1f %10.1f%n", engine.getKey(), procedures, n,
            micros[n / 2] / 1000.0, micros[(int) (n * 0.95)] / 1000.0);
      }
    }
  }

  private static DmnEngine prepared(DefaultDmnEngineConfiguration configuration) {
    configuration.setFeelEngineFactory(() -> new PreparedFeelEngine(List.of()));
    return configuration.buildEngine();
  }

  /** Nanoseconds of each evaluation, for a random procedure and channel each time. */
  private static long[] measure(DmnEngine engine, DmnDecision decision, int procedures, Random random, int runs) {
    long[] nanos = new long[runs];
    String[] channels = {"ONLINE", "COUNTER", "POSTAL"};
    for (int i = 0; i < runs; i++) {
      Map<String, Object> question = new HashMap<>();
      question.put("procedureCode", ScaleTables.code(random.nextInt(procedures)));
      question.put("channel", channels[random.nextInt(channels.length)]);
      long started = System.nanoTime();
      if (engine.evaluateDecision(decision, question).getSingleResult() == null) {
        throw new IllegalStateException("no answer for " + question);
      }
      nanos[i] = System.nanoTime() - started;
    }
    return nanos;
  }
}

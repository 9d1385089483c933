package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.processes.catalog.ScaleTables;
import vn.motcua.processes.rules.IndexedDmnEngineConfiguration;
import vn.motcua.processes.rules.PreparedFeelEngine;

/**
 * Decision tables answer through an index on their first input exactly as the stock engine answers row by row: on a
 * table of 2,000 procedures in motcua's shape (a negation and a default row among the literal rows, hit policy
 * FIRST), on every shipped table, and on every form a first entry may take. The engine's decisions use the index.
 */
class IndexedDecisionTablesTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  /** The stock evaluation, row by row (with motcua's FEEL, which answers as the stock FEEL: PreparedFeelEngineTest). */
  private final DmnEngine stock = withPreparedFeel(
      (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
  private final DmnEngine indexed = withPreparedFeel(new IndexedDmnEngineConfiguration());

  private static DmnEngine withPreparedFeel(DefaultDmnEngineConfiguration configuration) {
    configuration.setFeelEngineFactory(() -> new PreparedFeelEngine(List.of()));
    return configuration.buildEngine();
  }

  @Test
  void shouldAnswerAsTheStockEngineOnATableOfTwoThousandProcedures() {
    // given
    String table = ScaleTables.processingTime(2_000);
    List<Map<String, Object>> questions = new ArrayList<>();
    for (int n = 0; n < 2_002; n += 7) {
      for (String channel : new String[] {"ONLINE", "COUNTER", "POSTAL", null}) {
        questions.add(question(ScaleTables.code(n), channel));
      }
    }
    // the two the negation leaves out, a code no row lists, no code, a code that is not text
    for (Object code : new Object[] {ScaleTables.code(1_001), ScaleTables.code(1_002), "1.001193", null, 42}) {
      questions.add(question(code, "COUNTER"));
    }

    // when / then
    assertSameAnswers(table, "processingTime", questions);
    assertThat(answer(indexed, table, "processingTime", question(ScaleTables.code(1_500), "ONLINE")))
        .isEqualTo(List.of(Map.of("workingDays", 1L)));
    assertThat(answer(indexed, table, "processingTime", question(ScaleTables.code(1_002), "COUNTER")))
        .isEqualTo(List.of(Map.of("workingDays", 4L)));
    assertThat(answer(indexed, table, "processingTime", question("1.001193", "COUNTER")))
        .isEqualTo(List.of(Map.of("workingDays", 99L)));
    assertThat(answer(indexed, table, "processingTime", question(null, "ONLINE")))
        .isEqualTo(List.of(Map.of("workingDays", 30L)));
  }

  @ParameterizedTest(name = "first entry {0}")
  @ValueSource(strings = {"\"a\"", "\"a\",\"b\"", " \"a\" , \"b\" ", "not(\"a\")", "\"a\" or \"b\"", "\"a\\\"b\"",
      "-", "", "\"a\",", "string length(cellInput) = 1", "\"\""})
  void shouldTreatEveryFormOfAFirstEntryAsTheStockEngineDoes(String entry) {
    // given: the entry among enough literal rows for the table to be indexed, then a default row
    StringBuilder rules = new StringBuilder(rule("Tested", entry, "tested"));
    for (int n = 0; n < 20; n++) {
      rules.append(rule("Literal" + n, n % 2 == 0 ? "\"x" + n + "\"" : "\"x" + n + "\",\"a\"", "literal " + n));
    }
    rules.append(rule("Default", "", "default"));
    String table = table("COLLECT", rules.toString());

    // when / then
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Object value : Arrays.asList("a", "b", "a\"b", "", "x3", "x4", "z", null, 7)) {
      Map<String, Object> question = new HashMap<>();
      question.put("code", value);
      questions.add(question);
    }
    assertSameAnswers(table, "scale", questions);
  }

  @Test
  void shouldAnswerEveryShippedTableAsTheStockEngine() throws Exception {
    // given: every procedure code the shipped tables name, with each circumstance, channel and level they test
    List<Map<String, Object>> questions = new ArrayList<>();
    for (String code : new String[] {"1.001193", "1.000894", "2.000635", "2.000815", "1.001612", "1.009997",
        "1.013225", "1.002809", "1.004227", "1.013978", "9.999999"}) {
      for (String channel : new String[] {"ONLINE", "COUNTER", "POSTAL"}) {
        for (String structure : new String[] {"THREE_LEVEL", "TWO_LEVEL"}) {
          Map<String, Object> q = question(code, channel);
          q.putAll(Map.of("adminStructure", structure, "provinceCode", "20", "districtCode", "180",
              "communeCode", "06148", "receivedDay", "2025-06-30", "ruleSetVersion", "2025", "stage", "HANDLE",
              "level", "COMMUNE", "applicantCategory", "CITIZEN"));
          q.putAll(Map.of("copies", 2, "pages", 3, "processingDays", 17, "circumstances",
              List.of("FAMILY_MEMBERS_FOUNDING", "ADJOINING_BUILDINGS", "HAS_LAND_PAPERS")));
          q.put("circumstance", null);
          questions.add(q);
        }
      }
    }

    // when / then
    for (String[] shipped : new String[][] {{"required-documents", "requiredDocuments"}, {"fee", "fee"},
        {"routing", "routing"}, {"processing-time", "processingTime"}, {"stage-budget", "stageBudget"},
        {"legal-time-rules", "legalTimeRules"}}) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream("decisions/" + shipped[0] + ".dmn")) {
        assertSameAnswers(new String(in.readAllBytes(), StandardCharsets.UTF_8), shipped[1], questions);
      }
    }
  }

  @Test
  void shouldEvaluateTheEnginesDecisionsThroughTheIndex() {
    // when
    ProcessEngine engine = extension.getProcessEngine();

    // then
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration())
        .isInstanceOf(IndexedDmnEngineConfiguration.class);
  }

  private void assertSameAnswers(String table, String decision, List<Map<String, Object>> questions) {
    for (Map<String, Object> question : questions) {
      assertThat(outcome(indexed, table, decision, question)).as("%s %s", decision, question)
          .isEqualTo(outcome(stock, table, decision, question));
    }
  }

  /** The rows a table answers, or the error it raises. */
  private Object outcome(DmnEngine engine, String table, String decision, Map<String, Object> question) {
    try {
      return answer(engine, table, decision, question);
    } catch (RuntimeException error) {
      return error.getClass().getName() + ": " + error.getMessage();
    }
  }

  private final Map<String, Map<DmnEngine, DmnDecision>> parsed = new HashMap<>();

  private List<Map<String, Object>> answer(DmnEngine engine, String table, String decision,
      Map<String, Object> question) {
    DmnDecision parsedDecision = parsed.computeIfAbsent(table + decision, k -> new HashMap<>()).computeIfAbsent(
        engine, e -> e.parseDecision(decision, new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))));
    return engine.evaluateDecision(parsedDecision, question).getResultList();
  }

  private static Map<String, Object> question(Object code, String channel) {
    Map<String, Object> question = new HashMap<>();
    question.put("procedureCode", code);
    question.put("channel", channel);
    return question;
  }

  private static String rule(String id, String entry, String answer) {
    return "<rule id=\"Rule_" + id + "\"><inputEntry id=\"In_" + id + "\"><text>" + entry.replace("&", "&amp;")
        .replace("<", "&lt;") + "</text></inputEntry><outputEntry id=\"Out_" + id + "\"><text>\"" + answer
        + "\"</text></outputEntry></rule>\n";
  }

  private static String table(String hitPolicy, String rules) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\""
        + " id=\"Definitions_Forms\" name=\"Forms\" namespace=\"https://motcua.vn\"><decision id=\"scale\" name=\"Forms\">"
        + "<decisionTable id=\"DecisionTable_Forms\" hitPolicy=\"" + hitPolicy + "\"><input id=\"Input_Code\">"
        + "<inputExpression id=\"InputExpression_Code\" typeRef=\"string\"><text>code</text></inputExpression></input>"
        + "<output id=\"Output_Answer\" name=\"answer\" typeRef=\"string\" />" + rules
        + "</decisionTable></decision></definitions>";
  }
}

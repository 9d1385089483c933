package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.processes.rules.PreparedFeelEngine;

/**
 * The prepared FEEL engine answers as the stock one does — the same value, or the same error — for every cell and
 * input expression of every deployed table and every condition of every form, asked with the values the tables
 * themselves name; also from several threads at once, and it is the engine the process engine evaluates with.
 */
@ExtendWith(ProcessEngineExtension.class)
class PreparedFeelEngineTest {

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"])-?\\d+(\\.\\d+)?(?![\\w\"])");
  private static final Pattern DATE = Pattern.compile("date\\(\"(\\d{4}-\\d{2}-\\d{2})\"\\)");
  private static final String INPUT = "cellInput";

  private final FeelEngine stock = new ScalaFeelEngine(List.of());
  private final FeelEngine prepared = new PreparedFeelEngine(List.of());

  /** One question to both engines: a cell against an input value, or an expression in a context. */
  record Question(String where, String expression, boolean unaryTests, Map<String, Object> variables) {

    Object askedOf(FeelEngine engine) {
      VariableContext context = Variables.fromMap(variables).asVariableContext();
      try {
        return unaryTests ? engine.evaluateSimpleUnaryTests(expression, INPUT, context)
            : engine.evaluateSimpleExpression(expression, context);
      } catch (RuntimeException failed) {
        return failed.getClass().getName() + ": " + failed.getMessage();
      }
    }

    @Override
    public String toString() {
      return where + " " + expression + " " + variables;
    }
  }

  static Stream<String> tables() throws Exception {
    return resources("decisions", ".dmn").keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void shouldAnswerAsTheStockEngineForEveryCellOfTheTable(String table) throws Exception {
    // given
    List<Question> questions = tableQuestions(table, resources("decisions", ".dmn").get(table).get());

    // when / then
    assertThat(questions).as("questions asked of %s", table).hasSizeGreaterThan(10);
    for (Question question : questions) {
      assertThat(question.askedOf(prepared)).as(question.toString()).isEqualTo(question.askedOf(stock));
    }
    // each expression was parsed once, on its first evaluation, and is asked again from what was parsed
    long distinct = questions.stream().map(q -> q.unaryTests() + q.expression()).distinct().count();
    assertThat(((PreparedFeelEngine) prepared).parsedCount()).isBetween(1, (int) distinct);
    int parsed = ((PreparedFeelEngine) prepared).parsedCount();
    questions.forEach(question -> question.askedOf(prepared));
    assertThat(((PreparedFeelEngine) prepared).parsedCount()).isEqualTo(parsed);
  }

  @Test
  void shouldAnswerAsTheStockEngineForEveryConditionOfEveryForm() throws Exception {
    // given
    List<Question> questions = formQuestions();

    // when / then
    assertThat(questions).hasSizeGreaterThan(10);
    for (Question question : questions) {
      assertThat(question.askedOf(prepared)).as(question.toString()).isEqualTo(question.askedOf(stock));
    }
  }

  @Test
  void shouldFailAsTheStockEngineWhenAnExpressionIsWrong() {
    List<Question> wrong = List.of(
        new Question("syntax", "1 +", false, Map.of()),
        new Question("syntax", "> > 3", true, Map.of(INPUT, 4L)),
        new Question("unknown function", "noSuchFunction(1)", false, Map.of()),
        new Question("failed assertion", "assert(x, x > 5)", false, Map.of("x", 3L)),
        new Question("impossible date", "date(\"2026-02-30\")", false, Map.of()),
        new Question("wrong type", "x + 1", false, Map.of("x", "mười")),
        new Question("missing variable", "missing > 1", false, Map.of()),
        new Question("wrong type in a cell", "> 3", true, Map.of(INPUT, "ba")),
        new Question("no input", "\"A\",\"B\"", true, Collections.singletonMap(INPUT, null)));

    for (Question question : wrong) {
      assertThat(question.askedOf(prepared)).as(question.toString()).isEqualTo(question.askedOf(stock));
    }
    assertThat(new Question("", "1 +", false, Map.of()).askedOf(prepared)).asString()
        .startsWith("org.camunda.bpm.dmn.feel.impl.FeelException");
  }

  @Test
  void shouldAnswerTheSameFromManyThreadsAtOnce() throws Exception {
    // given
    List<Question> questions = new ArrayList<>(tableQuestions("decisions/processing-time.dmn",
        resources("decisions", ".dmn").get("decisions/processing-time.dmn").get()));
    questions.addAll(formQuestions());
    List<Object> expected = questions.stream().map(q -> q.askedOf(stock)).toList();

    // when
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<List<Object>>> answers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      answers.add(threads.submit(() -> questions.stream().map(q -> q.askedOf(prepared)).toList()));
    }

    // then
    for (Future<List<Object>> answer : answers) {
      assertThat(answer.get()).isEqualTo(expected);
    }
    threads.shutdown();
  }

  @Test
  void shouldBeTheEngineTheProcessEngineEvaluatesTablesWith(ProcessEngine engine) {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration()
        .getFeelEngine()).isInstanceOf(PreparedFeelEngine.class);
  }

  /** Every entry of every rule against each value its column names, and every input expression. */
  private static List<Question> tableQuestions(String name, InputStream content) {
    DmnModelInstance model = Dmn.readModelFromStream(content);
    List<Question> questions = new ArrayList<>();
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      List<Input> inputs = new ArrayList<>(table.getInputs());
      Map<String, Object> sampleVariables = new HashMap<>();
      for (int column = 0; column < inputs.size(); column++) {
        Input input = inputs.get(column);
        List<String> entries = new ArrayList<>();
        for (Rule rule : table.getRules()) {
          entries.add(new ArrayList<>(rule.getInputEntries()).get(column).getTextContent());
        }
        List<Object> values = values(entries, input.getInputExpression().getTypeRef());
        String expression = input.getInputExpression().getText() == null ? null
            : input.getInputExpression().getText().getTextContent();
        if (expression != null && expression.matches("[a-zA-Z_]\\w*") && !values.isEmpty()) {
          sampleVariables.put(expression, values.get(0));
        }
        for (String entry : new LinkedHashSet<>(entries)) {
          if (entry == null || entry.isBlank() || entry.trim().equals("-")) {
            continue;
          }
          for (Object value : values) {
            Map<String, Object> variables = new HashMap<>();
            variables.put(INPUT, value);
            questions.add(new Question(name + " " + table.getParentElement().getAttributeValue("id") + " column "
                + (column + 1), entry, true, variables));
          }
        }
      }
      for (Input input : inputs) {
        if (input.getInputExpression().getText() != null) {
          String expression = input.getInputExpression().getText().getTextContent();
          questions.add(new Question(name + " input", expression, false, sampleVariables));
          questions.add(new Question(name + " input", expression, false, Map.of()));
        }
      }
      for (Rule rule : table.getRules()) {
        for (OutputEntry output : rule.getOutputEntries()) {
          String expression = output.getTextContent();
          if (expression != null && !expression.isBlank()) {
            questions.add(new Question(name + " output", expression, false, sampleVariables));
          }
        }
      }
    }
    return questions;
  }

  /** The values a column's entries name, one beside them, and none. */
  private static List<Object> values(List<String> entries, String type) {
    Set<Object> values = new LinkedHashSet<>();
    for (String entry : entries) {
      if (entry == null) {
        continue;
      }
      Matcher quoted = QUOTED.matcher(entry);
      while (quoted.find()) {
        values.add(quoted.group(1));
      }
      Matcher number = NUMBER.matcher(entry.replaceAll("\"[^\"]*\"", ""));
      while (number.find()) {
        BigDecimal n = new BigDecimal(number.group());
        boolean whole = type == null || Set.of("integer", "long").contains(type) || n.scale() == 0;
        values.add(whole ? (Object) n.longValue() : n.doubleValue());
        values.add(whole ? (Object) (n.longValue() + 1) : n.doubleValue() + 0.5);
      }
      Matcher date = DATE.matcher(entry);
      while (date.find()) {
        LocalDate day = LocalDate.parse(date.group(1));
        values.add(day);
        values.add(day.minusDays(1));
        values.add(java.util.Date.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
      }
      if (entry.contains("true") || entry.contains("false")) {
        values.add(true);
        values.add(false);
      }
    }
    values.add("KHONG_CO");
    values.add(null);
    return new ArrayList<>(values);
  }

  /** Every hide condition of every form, with each field of the form set to each value it offers. */
  private static List<Question> formQuestions() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Question> questions = new ArrayList<>();
    for (Map.Entry<String, Supplier<InputStream>> form : resources("forms", ".form").entrySet()) {
      JsonNode root = json.readTree(form.getValue().get());
      List<JsonNode> fields = new ArrayList<>();
      collect(root.path("components"), fields);
      List<Map<String, Object>> contexts = new ArrayList<>();
      contexts.add(Map.of());
      for (JsonNode field : fields) {
        for (JsonNode option : field.path("values")) {
          contexts.add(Map.of(field.path("key").asText(), option.path("value").asText()));
        }
      }
      for (JsonNode field : fields) {
        String hide = field.path("conditional").path("hide").asText(null);
        if (hide != null) {
          String condition = hide.startsWith("=") ? hide.substring(1) : hide;
          contexts.forEach(variables -> questions.add(new Question(form.getKey(), condition, false, variables)));
        }
      }
    }
    return questions;
  }

  private static void collect(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      fields.add(component);
      collect(component.path("components"), fields);
    }
  }

  /** The resources of a folder on the class path (a directory or inside a jar), by path. */
  private static Map<String, Supplier<InputStream>> resources(String folder, String suffix) throws Exception {
    URI uri = Objects.requireNonNull(PreparedFeelEngineTest.class.getClassLoader().getResource(folder)).toURI();
    Map<String, Supplier<InputStream>> found = new java.util.TreeMap<>();
    if ("jar".equals(uri.getScheme())) {
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        read(jar.getPath(folder), folder, suffix, found);
      }
    } else {
      read(Path.of(uri), folder, suffix, found);
    }
    return found;
  }

  private static void read(Path root, String folder, String suffix, Map<String, Supplier<InputStream>> found)
      throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(suffix)).toList()) {
        byte[] content = Files.readAllBytes(file);
        found.put(folder + "/" + root.relativize(file).toString().replace('\\', '/'),
            () -> new java.io.ByteArrayInputStream(content));
      }
    }
  }
}

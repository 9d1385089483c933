package vn.motcua.processes.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnDecisionContext;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableResultImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.evaluation.DecisionTableEvaluationHandler;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The DMN engine with decision tables evaluated through an index on their first input: a table holding a block of
 * rows per procedure (the first input {@code procedureCode}, each entry a list of string literals such as
 * {@code "1.001193","1.000894"}) looks up the rows of the dossier's procedure instead of testing every row, so a table
 * of a province's 2,000 procedures answers as fast as one of 8. Rows whose first entry is anything else (empty, a
 * negation, an expression) are tested as before, and the matching rows keep the table's order, so every hit policy
 * gives the stock engine's answer. The tables stay standard DMN: the index is built from the deployed table the first
 * time it is asked, and goes with it.
 */
public class IndexedDmnEngineConfiguration extends DefaultDmnEngineConfiguration {

  /** Below this many literal rows a table is tested row by row: the index would not pay. */
  static final int INDEXED_FROM = 16;
  /** A string literal of a unary-test list: "..." without quotes or escapes inside. */
  private static final Pattern LITERAL = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*(,|$)");

  @Override
  public DmnEngine buildEngine() {
    init();
    return new IndexedEngine(this);
  }

  /** The stock engine, its decision contexts evaluating tables through the index. */
  private static final class IndexedEngine extends DefaultDmnEngine {

    private final IndexedTables tables;

    IndexedEngine(DefaultDmnEngineConfiguration configuration) {
      super(configuration);
      this.tables = new IndexedTables(configuration);
    }

    @Override
    public DmnDecisionResult evaluateDecision(DmnDecision decision, VariableContext variables) {
      org.camunda.commons.utils.EnsureUtil.ensureNotNull("decision", decision);
      org.camunda.commons.utils.EnsureUtil.ensureNotNull("variableContext", variables);
      return context().evaluateDecision(decision, variables);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(DmnDecision decision, VariableContext variables) {
      org.camunda.commons.utils.EnsureUtil.ensureNotNull("decision", decision);
      org.camunda.commons.utils.EnsureUtil.ensureNotNull("variableContext", variables);
      if (!decision.isDecisionTable()) {
        throw new IllegalArgumentException("Decision '" + decision.getKey() + "' is not a decision table");
      }
      return DmnDecisionTableResultImpl.wrap(context().evaluateDecision(decision, variables));
    }

    private DefaultDmnDecisionContext context() {
      return new IndexedContext(dmnEngineConfiguration, tables);
    }
  }

  /** A decision context (one per evaluation) whose tables go through the index. */
  private static final class IndexedContext extends DefaultDmnDecisionContext {
    IndexedContext(DefaultDmnEngineConfiguration configuration, IndexedTables tables) {
      super(configuration);
      evaluationHandlers.put(DmnDecisionTableImpl.class, tables);
    }
  }

  /** The stock table evaluation, but for the first input of a table worth indexing. */
  private static final class IndexedTables extends DecisionTableEvaluationHandler {

    /** Per deployed table's first input: its index, or none when the table is not worth one. */
    private final Map<DmnDecisionTableInputImpl, Index> indexes = Collections.synchronizedMap(new WeakHashMap<>());

    IndexedTables(DefaultDmnEngineConfiguration configuration) {
      super(configuration);
    }

    @Override
    protected List<DmnDecisionTableRuleImpl> evaluateInputForAvailableRules(int inputIndex,
        DmnDecisionTableInputImpl input, List<DmnDecisionTableRuleImpl> availableRules, VariableContext variables) {
      if (inputIndex != 0) {
        return super.evaluateInputForAvailableRules(inputIndex, input, availableRules, variables);
      }
      // at the first input every rule is available: the table's rules, from which the index is built once
      Index index = indexes.computeIfAbsent(input, key -> Index.of(availableRules));
      if (!index.used()) {
        return super.evaluateInputForAvailableRules(inputIndex, input, availableRules, variables);
      }
      TypedValue value = variables.resolve(input.getInputVariable());
      List<DmnDecisionTableRuleImpl> literal = value != null && value.getValue() instanceof String text
          ? index.byLiteral().getOrDefault(text, List.of()) : List.of();
      List<DmnDecisionTableRuleImpl> tested = index.others().isEmpty() ? List.of()
          : super.evaluateInputForAvailableRules(inputIndex, input, index.others(), variables);
      return index.inTableOrder(literal, tested);
    }
  }

  /**
   * The rules of a table by the string literals their first entry lists, the others apart, and each rule's place in
   * the table.
   */
  private record Index(Map<String, List<DmnDecisionTableRuleImpl>> byLiteral, List<DmnDecisionTableRuleImpl> others,
                       Map<DmnDecisionTableRuleImpl, Integer> order, boolean used) {

    static Index of(List<DmnDecisionTableRuleImpl> rules) {
      Map<String, List<DmnDecisionTableRuleImpl>> byLiteral = new HashMap<>();
      List<DmnDecisionTableRuleImpl> others = new ArrayList<>();
      Map<DmnDecisionTableRuleImpl, Integer> order = new IdentityHashMap<>();
      int literalRules = 0;
      for (int i = 0; i < rules.size(); i++) {
        DmnDecisionTableRuleImpl rule = rules.get(i);
        order.put(rule, i);
        List<String> literals = literals(rule.getConditions().isEmpty() ? null : rule.getConditions().get(0));
        if (literals == null) {
          others.add(rule);
        } else {
          literalRules++;
          for (String literal : literals) {
            List<DmnDecisionTableRuleImpl> listed = byLiteral.computeIfAbsent(literal, k -> new ArrayList<>());
            if (listed.isEmpty() || listed.get(listed.size() - 1) != rule) {
              listed.add(rule);
            }
          }
        }
      }
      return new Index(byLiteral, others, order, literalRules >= INDEXED_FROM);
    }

    /** The string literals a FEEL entry lists ("a" or "a","b"), or none when it is anything else. */
    static List<String> literals(DmnExpressionImpl entry) {
      if (entry == null || entry.getExpression() == null || !isFeel(entry.getExpressionLanguage())) {
        return null;
      }
      String text = entry.getExpression().strip();
      List<String> literals = new ArrayList<>();
      Matcher matcher = LITERAL.matcher(text);
      int at = 0;
      while (at < text.length() && matcher.find(at) && matcher.start() == at) {
        literals.add(matcher.group(1));
        at = matcher.end();
      }
      return at == text.length() && !literals.isEmpty() && !text.endsWith(",") ? literals : null;
    }

    private static boolean isFeel(String language) {
      return language == null || language.equalsIgnoreCase("feel")
          || language.equalsIgnoreCase("https://www.omg.org/spec/DMN/20191111/FEEL/");
    }

    /** Both lists' rules, in the table's order. */
    List<DmnDecisionTableRuleImpl> inTableOrder(List<DmnDecisionTableRuleImpl> one,
        List<DmnDecisionTableRuleImpl> other) {
      if (other.isEmpty()) {
        return one;
      }
      if (one.isEmpty()) {
        return other;
      }
      List<DmnDecisionTableRuleImpl> merged = new ArrayList<>(one.size() + other.size());
      int i = 0;
      int j = 0;
      while (i < one.size() || j < other.size()) {
        if (j == other.size() || i < one.size() && order.get(one.get(i)) < order.get(other.get(j))) {
          merged.add(one.get(i++));
        } else {
          merged.add(other.get(j++));
        }
      }
      return merged;
    }
  }
}

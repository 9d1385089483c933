package vn.motcua.processes.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;

/**
 * The engine's FEEL (the Scala engine Camunda ships), with what never changes done once: each expression and each
 * table cell is parsed once, and FEEL's built-in functions (some 150, which the stock engine builds anew for every
 * evaluation) are built once. The evaluation itself is the stock interpreter's. Whatever does not simply succeed —
 * an expression that does not parse, an error, a failed assertion — is left to the stock engine, so failures read
 * exactly as before.
 */
public class PreparedFeelEngine extends ScalaFeelEngine {

  /** Beyond this many distinct expressions (many deployed versions), start again rather than grow. */
  private static final int MAX_PARSED = 20_000;

  private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
  private final FeelInterpreter interpreter;
  private final EvalContext root;

  public PreparedFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
    interpreter = new FeelInterpreter(feelEngine.valueMapper());
    // what the stock engine's root context holds, made once
    root = EvalContext.create(feelEngine.valueMapper(), new FunctionProvider.CompositeFunctionProvider(toScalaList(
        new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider())));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
    VariableContext variables = dataOnly(context);
    ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
    Val value = parsed == null ? null : evaluate(parsed, new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variables);
      }
    });
    return value == null ? super.evaluateSimpleExpression(expression, variables)
        : (T) feelEngine.valueMapper().unpackVal(value);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
    VariableContext variables = dataOnly(context);
    ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
    Val value = parsed == null ? null : evaluate(parsed, new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        // as the stock engine names the input: the interpreter finds the value under the name given here
        return new VariableProvider.CompositeVariableProvider(toScalaList(
            new VariableProvider.StaticVariableProvider(toScalaMap(INPUT_VARIABLE_NAME, inputVariable)),
            new ContextVariableWrapper(variables)));
      }
    });
    return value == null ? super.evaluateSimpleUnaryTests(expression, inputVariable, variables)
        : Boolean.TRUE.equals(feelEngine.valueMapper().unpackVal(value));
  }

  /**
   * The variables as FEEL may see them: data only. FEEL reads the properties of any Java object it is given and calls
   * its methods, so a variable holding anything else than text, numbers, times, and maps and lists of them is refused.
   */
  private static VariableContext dataOnly(VariableContext variables) {
    return new VariableContext() {
      @Override
      public TypedValue resolve(String name) {
        TypedValue value = variables.resolve(name);
        if (value != null && !ModelSandbox.isData(value, ModelSandbox.DATA_DEPTH)) {
          throw new ModelSandbox.Refused("FEEL không đọc biến " + name + " vì nó không phải dữ liệu ("
              + value.getValue().getClass().getName() + "). / FEEL does not read the variable " + name
              + ": it is not data.");
        }
        return value;
      }

      @Override
      public boolean containsVariable(String name) {
        return variables.containsVariable(name);
      }

      @Override
      public Set<String> keySet() {
        return variables.keySet();
      }
    };
  }

  /** How many expressions and cells are held parsed. */
  public int parsedCount() {
    return expressions.size() + unaryTests.size();
  }

  private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression,
      Function<String, camundajar.impl.scala.util.Either<Failure, ParsedExpression>> parser) {
    ParsedExpression parsed = cache.get(expression);
    if (parsed != null) {
      return parsed;
    }
    camundajar.impl.scala.util.Either<Failure, ParsedExpression> result = parser.apply(expression);
    if (result.isLeft()) {
      return null;
    }
    if (cache.size() >= MAX_PARSED) {
      cache.clear();
    }
    parsed = result.toOption().get();
    cache.put(expression, parsed);
    return parsed;
  }

  /** The value, or null when the evaluation did not simply succeed. */
  private Val evaluate(ParsedExpression parsed, CustomContext variables) {
    EvalContext merged = root.merge(variables);
    // failures are collected per evaluation, never in the shared root
    EvalContext context = new EvalContext(merged.valueMapper(), merged.variableProvider(), merged.functionProvider(),
        new EvaluationFailureCollector());
    Val value = interpreter.eval(parsed.expression(), context);
    if (value instanceof ValError || value instanceof ValFatalError) {
      return null;
    }
    camundajar.impl.scala.collection.Iterator<EvaluationFailure> failures =
        context.failureCollector().failures().iterator();
    while (failures.hasNext()) {
      if (EvaluationFailureType.ASSERT_FAILURE$.MODULE$.equals(failures.next().failureType())) {
        return null;
      }
    }
    return value;
  }

  private static camundajar.impl.scala.collection.immutable.Map<String, Object> toScalaMap(String key, Object value) {
    return new camundajar.impl.scala.collection.immutable.Map.Map1<>(key, value);
  }
}

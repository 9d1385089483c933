package vn.motcua.processes.rules;

import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a model may do: read variables (and the keys of the maps a decision answers with), compute
 * with literals and operators, and call motcua's registered functions ({@code legalDeadline}, {@code now}, ...). Of
 * the dossier's execution or task it may read a few plain properties ({@code processBusinessKey}) and variables by
 * name ({@code execution.getVariable("x")}); nothing else is a method call. So a model names no bean, class or method
 * of the server. The engine holds to the same at run time ({@link ModelSandbox}), for models deployed before these
 * rules.
 */
final class ExpressionRules {

  /** What the engine calls the dossier's execution and the task in an expression. */
  static final Set<String> SCOPES = Set.of("execution", "task");
  /** What an expression may read of them. */
  static final Set<String> SCOPE_PROPERTIES = Set.of("processBusinessKey", "businessKey", "processInstanceId",
      "processDefinitionId", "id", "currentActivityId", "eventName", "taskDefinitionKey", "name", "assignee");
  static final Set<String> SCOPE_METHODS = Set.of("getVariable", "hasVariable", "getVariableLocal",
      "hasVariableLocal");

  /** What an expression does that it may not, in Vietnamese and English. */
  record Why(String vi, String en) {
  }

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final Set<String> functions;

  ExpressionRules(Set<String> functions) {
    this.functions = Set.copyOf(functions);
  }

  /** Whether the text holds an expression the engine evaluates at all. */
  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why the engine may not evaluate this text; null when it may. */
  Why refusal(String text) {
    Node root;
    try {
      root = PARSER.build(text).getRoot();
    } catch (TreeBuilderException unreadable) {
      return new Why("không đọc được (" + unreadable.getMessage() + ")", "cannot be read (" + unreadable.getMessage()
          + ")");
    }
    return check(root);
  }

  private Why check(Node node) {
    if (node instanceof AstLiteral || node instanceof AstText) {
      return null;
    }
    if (node instanceof AstIdentifier identifier) {
      return SCOPES.contains(identifier.getName()) ? new Why("dùng chính đối tượng " + identifier.getName(),
          "uses the " + identifier.getName() + " object itself") : null;
    }
    if (node instanceof AstDot dot) {
      Node base = dot.getChild(0);
      String property = member(dot);
      if (base instanceof AstIdentifier scope && SCOPES.contains(scope.getName())) {
        String readable = String.join(", ", sorted(SCOPE_PROPERTIES));
        return SCOPE_PROPERTIES.contains(property) ? null : new Why("đọc " + scope.getName() + "." + property
            + " (chỉ được đọc " + readable + ")", "reads " + scope.getName() + "." + property + " (only " + readable
            + " may be read)");
      }
      return check(base);
    }
    if (node instanceof AstMethod method) {
      Node target = method.getChild(0);
      if (target instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier scope
          && SCOPES.contains(scope.getName()) && SCOPE_METHODS.contains(member(dot))) {
        return check(method.getChild(1));
      }
      String name = target instanceof AstDot dot ? member(dot) : String.valueOf(target);
      return new Why("gọi phương thức " + name, "calls the method " + name);
    }
    if (node instanceof AstFunction function) {
      String motcuas = String.join(", ", sorted(functions));
      return functions.contains(function.getName()) ? children(node) : new Why("gọi hàm " + function.getName()
          + " không phải của motcua (" + motcuas + ")", "calls " + function.getName()
          + ", which is not one of motcua's functions (" + motcuas + ")");
    }
    if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested
        || node instanceof AstParameters || node instanceof AstBinary || node instanceof AstUnary
        || node instanceof AstChoice || node instanceof AstBracket) {
      return children(node);
    }
    return new Why("dùng cú pháp " + node, "uses " + node);
  }

  private Why children(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      Why refusal = check(node.getChild(i));
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  /** The name after the dot: JUEL prints the node as {@code ". name"}. */
  private static String member(AstDot dot) {
    return dot.toString().substring(2);
  }

  private static java.util.List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}

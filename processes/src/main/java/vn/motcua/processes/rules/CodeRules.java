package vn.motcua.processes.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Models are data, not code: a BPMN model may call only motcua's delegates ({@link ModelDelegates}, by bean name or
 * class), holds no script in any language and no other class (form handlers, variable mappings, connectors, the
 * engine's shell and mail tasks), opens no form but a deployed Camunda Form, and every expression in it — in any
 * attribute or text the engine evaluates — keeps to {@link ExpressionRules}. Each problem names the element and the
 * expression. Checked before the engine builds anything of the model.
 */
final class CodeRules {

  private static final Set<String> CAMUNDA = Set.of(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS,
      BpmnParser.ACTIVITI_BPMN_EXTENSIONS_NS);
  /** Elements that are code: a script, a generated form with its handlers and validators, a connector. */
  private static final Set<String> CODE_ELEMENTS = Set.of("script", "formData", "formProperty", "connector");
  /** Text the engine never evaluates: documentation, annotations, motcua's properties, fixed field values. */
  private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text", "properties", "string");
  private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

  private final ModelDelegates delegates;
  private final ExpressionRules expressions;

  CodeRules(ModelDelegates delegates, Set<String> functions) {
    this.delegates = delegates;
    this.expressions = new ExpressionRules(functions);
  }

  /** The problems of a parsed BPMN definitions element, in document order. */
  List<ModelRules.Problem> check(Element definitions) {
    List<ModelRules.Problem> problems = new ArrayList<>();
    walk(definitions, definitions, problems);
    return problems;
  }

  private void walk(Element element, Element owner, List<ModelRules.Problem> problems) {
    boolean camunda = CAMUNDA.contains(element.getUri());
    String tag = element.getTagName();
    if (NOT_EVALUATED.contains(tag)) {
      return;
    }
    Element at = !camunda && element.attribute("id") != null ? element : owner;
    String where = at.attribute("id") == null ? "" : at.attribute("id");
    if (!camunda && "scriptTask".equals(tag) || camunda && CODE_ELEMENTS.contains(tag)) {
      problems.add(new ModelRules.Problem(at, where + ": " + (camunda ? "camunda:" : "") + tag
          + " là mã chạy trên máy chủ; mô hình của motcua là dữ liệu, chỉ gọi các delegate của motcua ("
          + String.join(", ", delegates.names()) + ") và dùng Camunda Form. / " + where + ": " + tag
          + " is code run on the server; motcua's models are data, calling only motcua's delegates and using Camunda"
          + " Forms."));
      return;
    }
    for (String key : element.attributes()) {
      int colon = key.lastIndexOf(':');
      String namespace = colon < 0 ? "" : key.substring(0, colon);
      String name = key.substring(colon + 1);
      String value = element.attribute(key);
      boolean extension = CAMUNDA.contains(namespace) || camunda && namespace.isEmpty();
      String refusal = extension ? extension(element, name, value) : null;
      if (refusal == null && !extension && "language".equals(name) && !camunda) {
        refusal = "điều kiện viết bằng kịch bản (" + value + ") / a condition written as a script (" + value + ")";
      }
      if (refusal == null && ExpressionRules.isExpression(value)) {
        refusal = expression(value);
      }
      if (refusal != null) {
        problems.add(new ModelRules.Problem(at, where + " (" + name + "): " + refusal));
      }
    }
    String text = element.getText();
    String refusal = ExpressionRules.isExpression(text) ? expression(text.strip()) : null;
    if (refusal != null) {
      problems.add(new ModelRules.Problem(at, where + " (" + tag + "): " + refusal));
    }
    for (Element child : element.elements()) {
      walk(child, at, problems);
    }
  }

  /** What a camunda attribute may say, beyond the expression rules; null when it is fine. */
  private String extension(Element element, String name, String value) {
    switch (name) {
      case "class", "variableMappingClass" -> {
        return delegates.allowsClass(value) ? null : "lớp " + value + " không phải delegate của motcua ("
            + String.join(", ", delegates.names()) + ") / the class " + value + " is not one of motcua's delegates";
      }
      case "delegateExpression", "variableMappingDelegateExpression" -> {
        Matcher bean = BEAN.matcher(value.strip());
        return bean.matches() && delegates.names().contains(bean.group(1)) ? null : "\"" + value
            + "\" không phải tên một delegate của motcua (" + String.join(", ", delegates.names()) + ") / \"" + value
            + "\" does not name one of motcua's delegates (" + String.join(", ", delegates.names()) + ")";
      }
      case "type" -> {
        return CAMUNDA.contains(element.getUri()) || "external".equals(value) ? null
            : "loại " + value + " (chỉ nhận external: việc cho worker) / the type " + value
                + " (only external, a task for the workers)";
      }
      case "resource", "formHandlerClass" -> {
        return name + " chạy mã ngoài mô hình / " + name + " runs code from outside the model";
      }
      case "formKey" -> {
        return value.startsWith("camunda-forms:") ? null : "biểu mẫu \"" + value + "\" không phải Camunda Form"
            + " (dùng camunda:formRef) / the form \"" + value + "\" is not a Camunda Form (use camunda:formRef)";
      }
      default -> {
        return null;
      }
    }
  }

  /** Why the engine may not evaluate this expression, or null when it may. */
  private String expression(String text) {
    ExpressionRules.Why why = expressions.refusal(text);
    return why == null ? null : "biểu thức \"" + text + "\" " + why.vi() + "; mô hình chỉ được đọc biến, dùng toán tử"
        + " và các hàm của motcua. / the expression \"" + text + "\" " + why.en() + "; models may only read"
        + " variables, use operators and motcua's functions.";
  }
}

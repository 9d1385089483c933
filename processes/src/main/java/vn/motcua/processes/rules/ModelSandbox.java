package vn.motcua.processes.rules;

import java.beans.FeatureDescriptor;
import java.lang.reflect.Array;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.DefaultArtifactFactory;
import org.camunda.bpm.engine.impl.el.JuelExpression;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * What the engine lets a model reach at run time, whatever the model says — also a model deployed before motcua's
 * rules ({@link CodeRules}) existed: expressions resolve variables, motcua's functions and motcua's delegates by name
 * ({@link ModelDelegates}), and read maps, lists and a few properties of the dossier's execution; no other bean of
 * the application, no method of any object but reading a variable, no value that is not plain data. No script runs,
 * in any language. A class is instantiated for a model only if it is one of motcua's delegates.
 */
final class ModelSandbox {

  private ModelSandbox() {
  }

  /** Why the sandbox refused: a {@link ProcessEngineException} so that it reaches the person as the engine's own. */
  static final class Refused extends ProcessEngineException {
    Refused(String message) {
      super(message);
    }
  }

  /** The engine's JUEL with the sandbox's resolvers, and a check of every expression's value. */
  static final class Expressions extends JuelExpressionManager {

    private final ModelDelegates delegates;

    Expressions(ModelDelegates delegates) {
      this.delegates = delegates;
    }

    ModelDelegates delegates() {
      return delegates;
    }

    /** The functions models may call: the engine's and those plugins registered. */
    Set<String> functionNames() {
      return Set.copyOf(functions.keySet());
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolver = new CompositeELResolver();
      resolver.add(new VariableScopeElResolver());
      resolver.add(new VariableContextElResolver());
      resolver.add(new DelegateResolver(delegates));
      resolver.add(new DataResolver());
      return resolver;
    }

    @Override
    public Expression createExpression(String expression) {
      ensureInitialized();
      return new CheckedExpression(createValueExpression(expression), this, expression);
    }
  }

  /** An expression whose value must be plain data or one of motcua's delegates. */
  private static final class CheckedExpression extends JuelExpression {

    CheckedExpression(org.camunda.bpm.impl.juel.jakarta.el.ValueExpression value, Expressions manager,
        String text) {
      super(value, manager, text);
    }

    @Override
    public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
      Object value = super.getValue(variableScope, contextExecution);
      if (!isData(value, DATA_DEPTH) && !((Expressions) expressionManager).delegates.classes().contains(value.getClass())) {
        throw new Refused("Biểu thức " + expressionText + " cho ra một đối tượng " + value.getClass().getName()
            + "; mô hình chỉ được dùng dữ liệu. / The expression " + expressionText + " gives a "
            + value.getClass().getName() + "; models may only use data.");
      }
      return value;
    }
  }

  /** How deep maps and lists of data may nest. */
  static final int DATA_DEPTH = 4;

  /** Values a model may hold: text, numbers, truth values, times, and maps and lists of them (to a depth). */
  static boolean isData(Object value, int depth) {
    if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
        || value instanceof Character || value instanceof Date || value instanceof TemporalAccessor
        || value instanceof Enum<?>) {
      return true;
    }
    if (value instanceof TypedValue typed) {
      return isData(typed.getValue(), depth);
    }
    if (depth == 0) {
      return false;
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().allMatch(e -> isData(e.getKey(), depth - 1) && isData(e.getValue(), depth - 1));
    }
    if (value instanceof Collection<?> items) {
      return items.stream().allMatch(item -> isData(item, depth - 1));
    }
    return false;
  }

  /** motcua's delegates by name, a new instance each time. */
  private static final class DelegateResolver extends ReadOnlyResolver {
    private final ModelDelegates delegates;

    DelegateResolver(ModelDelegates delegates) {
      this.delegates = delegates;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null && property instanceof String name && delegates.names().contains(name)) {
        context.setPropertyResolved(true);
        return delegates.instance(name);
      }
      return null;
    }
  }

  /**
   * Everything with a base: a map's keys, a list's or array's items, the few properties and variable readers of the
   * dossier's execution or task ({@link ExpressionRules#SCOPE_PROPERTIES}); anything else is refused.
   */
  private static final class DataResolver extends ReadOnlyResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null) {
        return null;
      }
      context.setPropertyResolved(true);
      if (base instanceof Map<?, ?> map) {
        return map.get(property);
      }
      if (base instanceof List<?> list) {
        int index = index(property);
        return index >= 0 && index < list.size() ? list.get(index) : null;
      }
      if (base.getClass().isArray()) {
        int index = index(property);
        return index >= 0 && index < Array.getLength(base) ? Array.get(base, index) : null;
      }
      String name = String.valueOf(property);
      if (base instanceof VariableScope && ExpressionRules.SCOPE_PROPERTIES.contains(name)) {
        return scopeProperty(base, name);
      }
      throw refused(base, name);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
      if (base == null) {
        return null;
      }
      String name = String.valueOf(method);
      if (base instanceof VariableScope scope && ExpressionRules.SCOPE_METHODS.contains(name) && params != null
          && params.length == 1 && params[0] instanceof String variable) {
        context.setPropertyResolved(true);
        return switch (name) {
          case "getVariable" -> scope.getVariable(variable);
          case "hasVariable" -> scope.hasVariable(variable);
          case "getVariableLocal" -> scope.getVariableLocal(variable);
          default -> scope.hasVariableLocal(variable);
        };
      }
      throw refused(base, name + "()");
    }

    private static Object scopeProperty(Object scope, String name) {
      if (scope instanceof DelegateTask task) {
        return switch (name) {
          case "id" -> task.getId();
          case "name" -> task.getName();
          case "assignee" -> task.getAssignee();
          case "taskDefinitionKey" -> task.getTaskDefinitionKey();
          case "eventName" -> task.getEventName();
          case "processInstanceId" -> task.getProcessInstanceId();
          case "processDefinitionId" -> task.getProcessDefinitionId();
          default -> task.getExecution() == null ? null : scopeProperty(task.getExecution(), name);
        };
      }
      if (scope instanceof DelegateExecution execution) {
        return switch (name) {
          case "id" -> execution.getId();
          case "processBusinessKey" -> execution.getProcessBusinessKey();
          case "businessKey" -> execution.getBusinessKey();
          case "processInstanceId" -> execution.getProcessInstanceId();
          case "processDefinitionId" -> execution.getProcessDefinitionId();
          case "currentActivityId" -> execution.getCurrentActivityId();
          case "eventName" -> execution.getEventName();
          default -> null;
        };
      }
      throw refused(scope, name);
    }

    private static int index(Object property) {
      if (property instanceof Number number) {
        return number.intValue();
      }
      try {
        return Integer.parseInt(String.valueOf(property));
      } catch (NumberFormatException notIndex) {
        return -1;
      }
    }

    private static Refused refused(Object base, String member) {
      return new Refused("Mô hình không được dùng " + member + " của " + base.getClass().getName()
          + " (chỉ đọc biến và các hàm của motcua). / Models may not use " + member + " of "
          + base.getClass().getName() + " (only variables and motcua's functions).");
    }
  }

  /** A resolver that never writes. */
  private abstract static class ReadOnlyResolver extends ELResolver {
    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null) {
        throw new PropertyNotWritableException("Models may not write " + property);
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return Object.class;
    }
  }

  /** No script engine, for any language: models are data. */
  static final class NoScripts implements ScriptEngineResolver {

    private final ScriptEngineManager none = new ScriptEngineManager(new ClassLoader(null) {
    });

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
      throw refusal(factory.getLanguageName());
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      return none;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      throw refusal(language);
    }

    private static Refused refusal(String language) {
      return new Refused("motcua không chạy kịch bản (" + language + ") trong mô hình. / motcua runs no scripts ("
          + language + ") in models.");
    }
  }

  /** Instantiates only motcua's delegates for a model. */
  static final class Artifacts implements ArtifactFactory {
    private final ModelDelegates delegates;
    private final ArtifactFactory plain = new DefaultArtifactFactory();

    Artifacts(ModelDelegates delegates) {
      this.delegates = delegates;
    }

    @Override
    public <T> T getArtifact(Class<T> type) {
      if (!delegates.classes().contains(type)) {
        throw new Refused("Lớp " + type.getName() + " không phải delegate của motcua (" + String.join(", ",
            delegates.names()) + "). / " + type.getName() + " is not one of motcua's delegates.");
      }
      return plain.getArtifact(type);
    }
  }
}

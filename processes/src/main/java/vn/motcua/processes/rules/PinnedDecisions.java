package vn.motcua.processes.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement.CallableElementBinding;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every business rule task that asks for "the latest" table asks instead for the version in force at the moment its
 * dossier entered the service (the variable {@value #AS_OF}; now when the process has none), so a dossier keeps its
 * rules to its end and a reform deployed ahead takes effect on its day ({@link RuleVersions}). A task that names its
 * own binding (deployment, version, tag) is left as it is.
 */
class PinnedDecisions extends AbstractBpmnParseListener {

  /** The moment a dossier entered the service: the rules in force then are its rules. */
  static final String AS_OF = "rulesAsOf";

  private final ZoneId zone;

  PinnedDecisions(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof DmnBusinessRuleTaskActivityBehavior behavior) {
      BaseCallableElement decision = callableElement(behavior);
      if (decision.isLatestBinding()) {
        decision.setBinding(CallableElementBinding.VERSION);
        decision.setVersionValueProvider(new InForce(decision.getDefinitionKeyValueProvider()));
      }
    }
  }

  private static BaseCallableElement callableElement(DmnBusinessRuleTaskActivityBehavior behavior) {
    try {
      var field = DmnBusinessRuleTaskActivityBehavior.class.getDeclaredField("callableElement");
      field.setAccessible(true);
      return (BaseCallableElement) field.get(behavior);
    } catch (ReflectiveOperationException changedEngine) {
      throw new IllegalStateException("The engine's business rule task has changed; pinning decisions needs a look",
          changedEngine);
    }
  }

  /** The version of the task's table in force at the dossier's moment. */
  private final class InForce implements ParameterValueProvider {

    private final ParameterValueProvider key;

    InForce(ParameterValueProvider key) {
      this.key = key;
    }

    @Override
    public Object getValue(VariableScope scope) {
      Object asOf = scope.getVariable(AS_OF);
      Instant at = asOf instanceof Date date ? date.toInstant() : ClockUtil.getCurrentTime().toInstant();
      String table = (String) key.getValue(scope);
      return RuleVersions.inForce(RuleVersions.deployed(Context.getCommandContext(), table), at, zone)
          .map(RuleVersions.Version::version).orElse(0);
    }

    @Override
    public boolean isDynamic() {
      return true;
    }
  }
}

package vn.motcua.processes.rules;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;

/**
 * The engine's BPMN parse with motcua's rules added: each broken rule is a parse error at its element, so a deployment
 * through any door (Modeler, the REST API, a web page, the application's own models) is refused with the whole list,
 * the way the engine refuses a model it cannot read. A model that would run code ({@link CodeRules}) is refused before
 * the engine builds anything of it — on every parse, so also a model deployed before the rule, when the engine reads
 * it again.
 */
class RuledBpmnParse extends BpmnParse {

  RuledBpmnParse(BpmnParser parser) {
    super(parser);
  }

  @Override
  protected void parseRootElement() {
    List<ModelRules.Problem> code = codeRules().check(rootElement);
    if (!code.isEmpty()) {
      code.forEach(problem -> addError(problem.message(), problem.element()));
      return;
    }
    super.parseRootElement();
    ModelRules.check(rootElement).forEach(problem -> addError(problem.message(), problem.element()));
  }

  private CodeRules codeRules() {
    return expressionManager instanceof ModelSandbox.Expressions sandbox
        ? new CodeRules(sandbox.delegates(), sandbox.functionNames())
        : new CodeRules(ModelDelegates.standard(), Set.of());
  }
}

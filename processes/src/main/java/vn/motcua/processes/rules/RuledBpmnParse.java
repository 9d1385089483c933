package vn.motcua.processes.rules;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;

/**
 * The engine's BPMN parse with {@link ModelRules} added: each broken rule is a parse error at its element, so a
 * deployment through any door (Modeler, the REST API, a web page, the application's own models) is refused with the
 * whole list, the way the engine refuses a model it cannot read.
 */
class RuledBpmnParse extends BpmnParse {

  RuledBpmnParse(BpmnParser parser) {
    super(parser);
  }

  @Override
  protected void parseRootElement() {
    super.parseRootElement();
    ModelRules.check(rootElement).forEach(problem -> addError(problem.message(), problem.element()));
  }
}

package vn.motcua.processes.rules;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/**
 * A broken rule found outside the engine's XML parse (a file that is no model, a table, or between tables and models):
 * no line to name, and for a whole file no element.
 */
record RuleProblem(String message, String elementId) implements Problem {

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public int getLine() {
    return 0;
  }

  @Override
  public int getColumn() {
    return 0;
  }

  @Override
  public String getMainElementId() {
    return elementId;
  }

  @Override
  public List<String> getElementIds() {
    return elementId == null ? List.of() : List.of(elementId);
  }
}

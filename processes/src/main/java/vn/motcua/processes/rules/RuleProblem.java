package vn.motcua.processes.rules;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** A broken rule found outside the engine's XML parse (in a table, or between tables and models): no line to name. */
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
    return List.of(elementId);
  }
}

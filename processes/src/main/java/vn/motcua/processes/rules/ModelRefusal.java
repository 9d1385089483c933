package vn.motcua.processes.rules;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment refused by motcua's rules, reported the way the engine reports a model it cannot read (a parse
 * exception with the problems of each file), so that the engine API answers 400 with the list and the deploy page shows
 * it.
 */
class ModelRefusal extends ParseException {

  ModelRefusal(Map<String, List<Problem>> problems) {
    super(summary(problems), problems.keySet().iterator().next(), List.copyOf(problems.values().iterator().next()),
        List.of());
    resorceReports.clear();
    problems.forEach((resource, found) -> resorceReports.add(new ResourceReportImpl(resource, found, List.of())));
  }

  private static String summary(Map<String, List<Problem>> problems) {
    StringBuilder text = new StringBuilder("Mô hình vi phạm quy tắc của motcua / The models break motcua's rules:");
    problems.forEach((resource, found) -> found.forEach(p -> text.append("\n| ").append(resource).append(": ")
        .append(p.getMessage())));
    return text.toString();
  }
}

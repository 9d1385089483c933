package vn.motcua.webapp.citizen;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import vn.motcua.webapp.system.ApiException;

/**
 * Asks the national population registry for a person by citizen ID, to pre-fill a form: the {@code identityLookup}
 * model sends the question to the {@code verify-identity} worker; the page asks for the answer until it is there. A
 * lookup belongs to the person who asked for it.
 */
@Service
public class IdentityLookups {

  /** Where a lookup stands. */
  public enum State { PENDING, FOUND, NOT_FOUND, NO_ANSWER }

  /** What the registry said: the registered name and permanent address, or why there is nothing. */
  public record Result(String id, State state, String fullName, String address, String problem) {
  }

  private final RuntimeService runtime;
  private final HistoryService history;

  IdentityLookups(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  public String start(String idNumber, String requestedBy) {
    if (idNumber == null || !idNumber.matches("\\d{12}")) {
      throw ApiException.badRequest("applicant.idNumber.format");
    }
    return runtime.startProcessInstanceByKey("identityLookup",
        Map.of("applicantIdNumber", idNumber, "requestedBy", requestedBy)).getId();
  }

  public Result result(String id, String requestedBy) {
    HistoricProcessInstance lookup = id == null ? null
        : history.createHistoricProcessInstanceQuery().processInstanceId(id).processDefinitionKey("identityLookup")
            .singleResult();
    Map<String, Object> variables = new java.util.HashMap<>();
    if (lookup != null) {
      history.createHistoricVariableInstanceQuery().processInstanceId(id).list()
          .forEach(v -> variables.put(v.getName(), v.getValue()));
    }
    if (lookup == null || !requestedBy.equals(variables.get("requestedBy"))) {
      throw ApiException.notFound("lookup.notFound", id);
    }
    if (lookup.getEndTime() == null) {
      return new Result(id, State.PENDING, null, null, null);
    }
    return switch (String.valueOf(lookup.getEndActivityId())) {
      case "EndEvent_CitizenFound" -> new Result(id, State.FOUND, (String) variables.get("registryName"),
          (String) variables.get("registryAddress"), null);
      case "EndEvent_CitizenNotFound" -> new Result(id, State.NOT_FOUND, null, null,
          (String) variables.get("identityError"));
      default -> new Result(id, State.NO_ANSWER, null, null, null);
    };
  }
}

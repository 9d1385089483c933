package vn.motcua.workers;

import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;

/**
 * A handler's call to another system, its outcome told to the engine: done (the task completes with what the call
 * returned), refused for good (the model's BPMN error, with the other system's reason in a variable), or failed for
 * a reason that may pass (retried later, an incident after the last attempt).
 */
public final class ExternalCall {

  /** What the model hears when the other system refuses: the BPMN error, and where the reason goes. */
  public record Refusal(String errorCode, String reasonPrefix, String variable) {

    /** Takes the BPMN error path with this reason. */
    public void report(ExternalTask task, ExternalTaskService service, String reason) {
      service.handleBpmnError(task, errorCode, reason, Map.of(variable, reason));
    }
  }

  /** The call: the variables to complete the task with. */
  @FunctionalInterface
  public interface Work {
    Map<String, Object> run() throws JsonApi.Refused, IOException;
  }

  private ExternalCall() {
  }

  public static void complete(ExternalTask task, ExternalTaskService service, Retries retries, Refusal refusal,
      Work work) {
    try {
      service.complete(task, work.run());
    } catch (JsonApi.Refused refused) {
      refusal.report(task, service, refusal.reasonPrefix() + refused.getMessage());
    } catch (IOException | RuntimeException failed) {
      retries.failed(task, service, failed);
    }
  }
}

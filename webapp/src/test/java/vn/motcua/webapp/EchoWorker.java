package vn.motcua.webapp;

import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.boot.test.context.TestComponent;
import vn.motcua.workers.TopicHandler;

/** A handler for a test-only topic: proves the workers runtime fetches, runs and completes external tasks. */
@TestComponent
public class EchoWorker implements TopicHandler {

  public static final String TOPIC = "motcua-test-echo";

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    service.complete(task, Map.of("echo", "Đã xử lý: " + task.getVariable("message"),
        "workerId", task.getWorkerId()));
  }
}

package vn.motcua.workers;

import org.camunda.bpm.client.task.ExternalTaskHandler;

/**
 * Handles the external tasks of one topic. Implementations are Spring beans; the {@link WorkerRuntime} subscribes
 * each of them. The lock must outlast the slowest call the handler makes.
 */
public interface TopicHandler extends ExternalTaskHandler {

  String topic();

  default long lockDurationMillis() {
    return 60_000;
  }
}

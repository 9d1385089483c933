package vn.motcua.workers;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a handler does when a call fails for a reason that may pass (a timeout, a 5xx): try again later, waiting
 * longer each time, and after the last attempt leave the task with no retries — an incident an operator sees in
 * Cockpit and on the supervisor's board, and can retry once the other system is back.
 */
public record Retries(int attempts, Duration firstWait, Duration longestWait) {

  private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

  /** Five attempts, waiting 10 s, 20 s, 40 s, 80 s in between. */
  public static final Retries DEFAULT = new Retries(5, Duration.ofSeconds(10), Duration.ofMinutes(10));

  /** Reports the failure to the engine with the retries left and when to try again. */
  public void failed(ExternalTask task, ExternalTaskService service, Exception cause) {
    failed(task, service, cause, Map.of());
  }

  /**
   * Reports the failure, and keeps on the task what was done before it failed (the next attempt reads it and does
   * not do it again).
   */
  public void failed(ExternalTask task, ExternalTaskService service, Exception cause,
      Map<String, Object> alreadyDone) {
    int left = task.getRetries() == null ? attempts - 1 : task.getRetries() - 1;
    int done = attempts - 1 - left;
    long wait = Math.min(longestWait.toMillis(), firstWait.toMillis() << Math.min(20, Math.max(0, done)));
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    LOG.warn("{} of {} failed (attempt {}, {} left): {}", task.getTopicName(), task.getBusinessKey(), done + 1,
        Math.max(0, left), message);
    service.handleFailure(task.getId(), truncate(message), detail(cause), Math.max(0, left), left > 0 ? wait : 0,
        Map.of(), alreadyDone);
  }

  private static String truncate(String message) {
    return message.length() > 600 ? message.substring(0, 600) : message;
  }

  private static String detail(Exception cause) {
    StringBuilder out = new StringBuilder(cause.toString());
    for (Throwable c = cause.getCause(); c != null; c = c.getCause()) {
      out.append("\ncaused by ").append(c);
    }
    return out.toString();
  }
}

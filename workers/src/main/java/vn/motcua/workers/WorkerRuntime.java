package vn.motcua.workers;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.ExternalTaskClientBuilder;
import org.camunda.bpm.client.backoff.ErrorAwareBackoffStrategy;
import org.camunda.bpm.client.exception.ExternalTaskClientException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes every topic handler to an engine's REST API with long polling, backing off while the engine is
 * unreachable. The same runtime serves the webapp (in-process) and the standalone workers process.
 */
public class WorkerRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);

  private final List<TopicHandler> handlers;
  private final WorkerSettings settings;
  private final MotcuaApi api;
  private ExternalTaskClient client;

  public WorkerRuntime(List<TopicHandler> handlers, WorkerSettings settings, MotcuaApi api) {
    this.handlers = List.copyOf(handlers);
    this.settings = settings;
    this.api = api;
  }

  /** Starts fetching for every handler from the engine at {@code engineUrl} with the given password. */
  public synchronized void start(String engineUrl, String password) {
    if (client != null) {
      throw new IllegalStateException("workers already started");
    }
    api.connect(engineUrl, settings.username(), password);
    if (handlers.isEmpty()) {
      LOG.info("No external-task handlers on the classpath; workers not started");
      return;
    }
    ExternalTaskClientBuilder builder = ExternalTaskClient.create()
        .baseUrl(engineUrl)
        .workerId("motcua-" + ManagementFactory.getRuntimeMXBean().getName())
        .addInterceptor(new BasicAuthProvider(settings.username(), password))
        .maxTasks(settings.maxTasks())
        // oldest first: fetched in no order, some dossiers' tasks waited behind newer ones without end under a
        // steady load (found by the crash soak: signatures not made for minutes while others were)
        .orderByCreateTime().asc();
    if (settings.longPollMillis() > 0) {
      builder.asyncResponseTimeout(settings.longPollMillis())
          .backoffStrategy(new ExponentialErrorBackoffStrategy(500, 2, 30_000));
    } else {
      builder.backoffStrategy(new ShortPolling());
    }
    client = builder.build();
    for (TopicHandler handler : handlers) {
      client.subscribe(handler.topic()).lockDuration(handler.lockDurationMillis())
          .includeExtensionProperties(true).handler(handler).open();
    }
    LOG.info("Workers subscribed to {} at {}", handlers.stream().map(TopicHandler::topic).toList(), engineUrl);
  }

  public synchronized boolean isRunning() {
    return client != null && client.isActive();
  }

  public List<String> topics() {
    return handlers.stream().map(TopicHandler::topic).toList();
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.stop();
      client = null;
    }
  }

  /**
   * Without long polling ({@code long-poll-millis: 0}): ask again at once while there is work, every half second
   * when there is none, backing off to 30 s while the engine is unreachable. The waits are the worker's own, on its
   * own clock (a long poll is timed by the engine's clock, which tests move).
   */
  private static final class ShortPolling implements ErrorAwareBackoffStrategy {
    private long wait;
    private long errorWait;

    @Override
    public void reconfigure(List<ExternalTask> tasks, ExternalTaskClientException error) {
      if (error != null) {
        errorWait = errorWait == 0 ? 500 : Math.min(30_000, errorWait * 2);
        wait = errorWait;
        return;
      }
      errorWait = 0;
      wait = tasks.isEmpty() ? 500 : 0;
    }

    @Override
    public long calculateBackoffTime() {
      return wait;
    }
  }
}

package vn.motcua.workers.handler;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;

/** External tasks as the engine hands them to a handler: the handlers are tested against real other systems. */
final class ExternalTasks {

  static final String ID = "task-1";

  private ExternalTasks() {
  }

  /**
   * A task of the topic with the dossier's variables (read live, so a test can change them between attempts), the
   * retries the engine reports ({@code null} on the first attempt) and a fixed activity instance.
   */
  static ExternalTask task(String topic, Map<String, Object> variables, Integer retries, String activityInstanceId) {
    ExternalTask task = mock(ExternalTask.class);
    when(task.getId()).thenReturn(ID);
    when(task.getTopicName()).thenReturn(topic);
    when(task.getBusinessKey()).thenReturn("X06148-261116-0001");
    when(task.getActivityInstanceId()).thenReturn(activityInstanceId);
    when(task.getRetries()).thenReturn(retries);
    when(task.getVariable(anyString())).thenAnswer(call -> variables.get((String) call.getArgument(0)));
    return task;
  }
}

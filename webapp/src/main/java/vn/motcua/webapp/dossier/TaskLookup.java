package vn.motcua.webapp.dossier;

import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * An open task and the receipt code of its dossier, read by id in one engine command with the engine's plain
 * lookups: every action on a step starts here, and the task and process instance queries build their SQL anew each
 * time (with their authorization clauses), which costs more than the reads themselves.
 */
@Component
public class TaskLookup {

  /** A task still open, with the receipt code of the dossier it belongs to (null for a task of no dossier). */
  public record OpenTask(Task task, String receiptCode) {
  }

  private final CommandExecutor commands;

  TaskLookup(TaskService tasks) {
    this.commands = ((ServiceImpl) tasks).getCommandExecutor();
  }

  public Optional<OpenTask> open(String taskId) {
    return Optional.ofNullable(commands.execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return null;
      }
      ExecutionEntity instance = task.getProcessInstanceId() == null ? null
          : context.getExecutionManager().findExecutionById(task.getProcessInstanceId());
      return new OpenTask(task, instance == null ? null : instance.getBusinessKey());
    }));
  }
}

package vn.motcua.processes.legaltime;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Recounts one dossier's deadlines after the holiday calendar changed ({@link LegalClock#recount}), in the engine's
 * transaction: its variables, its officers' due dates and its timers move together.
 *
 * @param processInstanceId the dossier's process instance
 * @param before            legal time as it counted before the change
 */
public record RecountDeadlines(String processInstanceId, LegalCalendar before)
    implements Command<RecountDeadlines.Result> {

  /** What moved (null if nothing did) and the dossier's legal time afterwards. */
  public record Result(LegalClock.Change change, LegalClock.Snapshot time) {
  }

  @Override
  public Result execute(CommandContext context) {
    ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
    if (instance == null) {
      return new Result(null, null);
    }
    LegalClock clock = LegalClock.of(instance);
    LegalClock.Change change = clock.recount(before);
    return new Result(change, clock.snapshot());
  }
}

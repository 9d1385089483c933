package vn.motcua.processes.legaltime;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stops the legal clock while the dossier waits for the applicant (a supplement, or paying financial obligations,
 * whose time the law does not count). Field {@code reason}: why, for the record.
 */
public class PauseClock implements JavaDelegate {

  private Expression reason;

  @Override
  public void execute(DelegateExecution execution) {
    pause(execution, reason == null ? null : String.valueOf(reason.getValue(execution)));
  }

  static void pause(DelegateExecution execution, String why) {
    LegalClock clock = LegalClock.of(execution);
    if (!clock.running() || clock.instant("pausedAt") != null) {
      return;
    }
    clock.set("pausedAt", Date.from(clock.now()));
    LegalClock.announce(execution, new LegalClock.Change("PAUSED", null, clock.instant("dossierDeadline"), null, why));
    clock.stopTimers();
  }

  public void setReason(Expression reason) {
    this.reason = reason;
  }
}

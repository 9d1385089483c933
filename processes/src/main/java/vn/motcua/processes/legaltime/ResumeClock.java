package vn.motcua.processes.legaltime;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Runs the legal clock again when the applicant has acted. By the procedure's rule ({@code clockOnSupplement}, or the
 * {@code mode} field): RESTART counts the processing time again from now; PAUSE moves the deadlines by the working
 * time the dossier waited. Then the timers are rescheduled.
 */
public class ResumeClock implements JavaDelegate {

  private Expression mode;

  @Override
  public void execute(DelegateExecution execution) {
    LegalClock clock = LegalClock.of(execution);
    Instant pausedAt = clock.instant("pausedAt");
    if (!clock.running() || pausedAt == null) {
      return;
    }
    Instant now = clock.now();
    String rule = mode != null ? (String) mode.getValue(execution) : (String) clock.get("clockOnSupplement");
    Instant previous = clock.instant("dossierDeadline");
    if ("PAUSE".equals(rule)) {
      clock.shift(clock.calendar().addWorkingMinutes(previous,
          clock.calendar().workingMinutesBetween(pausedAt, now)));
    } else {
      Instant restarted = clock.calendar().deadline(now, clock.days("processingDays"));
      Instant stageDeadline = clock.calendar().deadline(now, clock.days("stageDays"));
      clock.set("clockRestartedAt", Date.from(now));
      clock.moveDeadlines(restarted, stageDeadline.isAfter(restarted) ? restarted : stageDeadline, now);
    }
    clock.set("pausedAt", null);
    LegalClock.announce(execution, new LegalClock.Change("RESUMED", "PAUSE".equals(rule) ? "PAUSE" : "RESTART",
        previous, clock.instant("dossierDeadline"), null));
    clock.scheduleTimers();
  }

  public void setMode(Expression mode) {
    this.mode = mode;
  }
}

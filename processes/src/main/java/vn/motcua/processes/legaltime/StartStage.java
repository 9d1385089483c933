package vn.motcua.processes.legaltime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Starts a stage of the procedure: which stage, which agency holds it, and its deadline — its budget from the
 * {@code stageBudget} decision ({@code stageDays}), counted from now, never later than the dossier's deadline.
 * Fields: {@code stage}, {@code agency} and {@code level} (expressions, e.g. {@code ${handlingAgency}}).
 */
public class StartStage implements JavaDelegate {

  private Expression stage;
  private Expression agency;
  private Expression level;

  @Override
  public void execute(DelegateExecution execution) {
    LegalClock clock = LegalClock.of(execution);
    Instant now = clock.now();
    BigDecimal days = clock.days("stageDays");
    Instant deadline = clock.instant("dossierDeadline");
    Instant stageDeadline = clock.calendar().deadline(now, days);
    if (deadline != null && stageDeadline.isAfter(deadline)) {
      stageDeadline = deadline;
    }
    clock.set("stage", stage.getValue(execution));
    clock.set("stageAgency", agency.getValue(execution));
    clock.set("stageLevel", level.getValue(execution));
    clock.set("stageStartedAt", Date.from(now));
    clock.set("stageDeadline", Date.from(stageDeadline));
    clock.scheduleTimers();
  }

  public void setStage(Expression stage) {
    this.stage = stage;
  }

  public void setAgency(Expression agency) {
    this.agency = agency;
  }

  public void setLevel(Expression level) {
    this.level = level;
  }
}

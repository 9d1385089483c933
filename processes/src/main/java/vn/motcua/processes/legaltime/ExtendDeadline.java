package vn.motcua.processes.legaltime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Applies the new appointment of an apology (form 04): the deadline moves by {@code extensionDays} working days,
 * the original deadline is kept (statistics count the dossier as late against it), and it can happen only once.
 */
public class ExtendDeadline implements JavaDelegate {

  private static final BigDecimal MAX_DAYS = BigDecimal.valueOf(30);

  @Override
  public void execute(DelegateExecution execution) {
    LegalClock clock = LegalClock.of(execution);
    if (Boolean.TRUE.equals(clock.get("apologyIssued"))) {
      throw LegalClock.refused("apology.twice", List.of(),
          "Hồ sơ đã được hẹn lại một lần; không được hẹn lại lần thứ hai.",
          "The dossier was already rescheduled once; it cannot be rescheduled again.");
    }
    BigDecimal days = new BigDecimal(String.valueOf(execution.getVariable("extensionDays")));
    if (days.signum() <= 0 || days.compareTo(MAX_DAYS) > 0) {
      throw LegalClock.refused("apology.days", List.of(MAX_DAYS),
          "Số ngày hẹn lại phải từ 1 đến 30 ngày làm việc.",
          "The new appointment must be 1 to 30 working days later.");
    }
    Instant previous = clock.instant("dossierDeadline");
    clock.set("originalDeadline", Date.from(previous));
    clock.shift(clock.calendar().deadline(previous, days));
    clock.set("apologyIssued", true);
    LegalClock.announce(execution, new LegalClock.Change("EXTENDED", null, previous, clock.instant("dossierDeadline"),
        (String) execution.getVariable("apologyReason")));
    clock.scheduleTimers();
  }
}

package vn.motcua.processes.legaltime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Asks the applicant for a supplement. At reception the counter may guide once; during handling each agency may
 * ask once, and only within the supplement window after receipt, or after the clock last restarted
 * ({@code supplementWindowDays} working days).
 * A refused request fails the officer's completion with a clear message and changes nothing. An accepted one
 * stops the legal clock until the applicant answers.
 */
public class RequestSupplement implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    LegalClock clock = LegalClock.of(execution);
    String agency = (String) execution.getVariable("requestingAgency");
    String stage = (String) execution.getVariable("requestingStage");
    boolean atReception = "RECEIVE".equals(stage);
    String key = atReception ? agency + ":RECEIVE" : agency;
    if (clock.supplementRequests().contains(key)) {
      throw LegalClock.refused("supplement.twice", List.of(agency),
          "Cơ quan " + agency + " đã yêu cầu bổ sung hồ sơ này một lần; không được yêu cầu lần thứ hai.",
          "Agency " + agency + " already asked for a supplement once; a second request is not allowed.");
    }
    if (!atReception && clock.running()) {
      Instant received = clock.countStartedAt();
      BigDecimal window = clock.days("supplementWindowDays");
      Instant closes = clock.calendar().deadline(received, window);
      if (clock.now().isAfter(closes)) {
        throw LegalClock.refused("supplement.windowClosed", List.of(window.stripTrailingZeros().toPlainString()),
            "Đã quá thời hạn " + window.stripTrailingZeros().toPlainString()
                + " ngày làm việc kể từ khi tiếp nhận để yêu cầu bổ sung hồ sơ.",
            "The " + window.stripTrailingZeros().toPlainString()
                + " working days after receipt in which a supplement may be asked for are over.");
      }
    }
    clock.recordSupplementRequest(key);
    PauseClock.pause(execution, (String) execution.getVariable("missingDocuments"));
  }
}

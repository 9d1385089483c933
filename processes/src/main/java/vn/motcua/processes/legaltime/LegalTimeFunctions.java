package vn.motcua.processes.legaltime;

import java.math.BigDecimal;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;

/** Functions the models call in expressions, e.g. {@code ${legalDeadline(receivedAt, processingDays)}}. */
public final class LegalTimeFunctions {

  public static final String LEGAL_DEADLINE = "legalDeadline";

  private LegalTimeFunctions() {
  }

  /** The deadline of a processing time in working days counted from a receipt instant. */
  public static Date legalDeadline(Date start, Object workingDays) {
    if (start == null) {
      throw new ProcessEngineException("legalDeadline needs the receipt time, got null");
    }
    if (!(workingDays instanceof Number) && !(workingDays instanceof String)) {
      throw new ProcessEngineException("legalDeadline needs a number of working days, got " + workingDays);
    }
    BigDecimal days = new BigDecimal(workingDays.toString());
    return Date.from(calendar().deadline(start.toInstant(), days));
  }

  private static LegalCalendar calendar() {
    BusinessCalendar calendar = Context.getProcessEngineConfiguration().getBusinessCalendarManager()
        .getBusinessCalendar(DueDateBusinessCalendar.NAME);
    if (calendar instanceof WorkingDayBusinessCalendar working) {
      return working.legalCalendar();
    }
    throw new ProcessEngineException("the legal-time plugin is not installed in this engine");
  }
}

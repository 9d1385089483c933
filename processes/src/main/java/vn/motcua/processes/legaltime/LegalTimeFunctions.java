package vn.motcua.processes.legaltime;

import java.math.BigDecimal;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;

/**
 * Functions for expressions in models and task filters, e.g. {@code ${legalDeadline(receivedAt, processingDays)}},
 * {@code ${endOfToday()}}.
 */
public final class LegalTimeFunctions {

  public static final String LEGAL_DEADLINE = "legalDeadline";
  public static final String END_OF_TODAY = "endOfToday";

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

  /** The last moment of today in the legal time zone, e.g. for a "due today" task filter. */
  public static Date endOfToday() {
    LegalCalendar calendar = calendar();
    java.time.ZonedDateTime now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
        .atZone(calendar.zone());
    return Date.from(now.toLocalDate().plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusMillis(1));
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

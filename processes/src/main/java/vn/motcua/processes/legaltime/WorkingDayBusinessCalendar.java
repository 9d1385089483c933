package vn.motcua.processes.legaltime;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's "dueDate" and "duration" calendars. In a model, an ISO-8601 duration counts its days as
 * <em>working days</em> of the legal calendar ({@code P3D}, {@code P0.5D}; {@code P0D} is the same-day rule),
 * while hours, minutes and seconds are elapsed clock time ({@code PT4H} for a reminder). Anything else is an
 * absolute date and is resolved as the engine always does.
 */
public final class WorkingDayBusinessCalendar implements BusinessCalendar {

  private static final Pattern DURATION = Pattern.compile(
      "P(?:(\\d+(?:[.,]\\d+)?)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");

  private final LegalCalendar legal;
  private final BusinessCalendar absolute = new DueDateBusinessCalendar();

  public WorkingDayBusinessCalendar(LegalCalendar legal) {
    this.legal = legal;
  }

  public LegalCalendar legalCalendar() {
    return legal;
  }

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, ClockUtil.getCurrentTime());
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    return resolveDuedate(description, ClockUtil.getCurrentTime());
  }

  @Override
  public Date resolveDuedate(String description, Date startDate) {
    String text = description == null ? "" : description.trim();
    if (!text.startsWith("P")) {
      return absolute.resolveDuedate(text, startDate);
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches() || text.equals("P") || text.endsWith("T")) {
      throw new ProcessEngineException("'" + description + "' is not a supported legal duration: use working days"
          + " (P3D, P0.5D, P0D for the same-day rule) and optionally clock time (PT4H, P1DT2H)");
    }
    Instant start = startDate.toInstant();
    Instant due = start;
    if (m.group(1) != null) {
      due = legal.deadline(start, new BigDecimal(m.group(1).replace(',', '.')));
    }
    Duration clock = Duration.ofHours(number(m.group(2))).plusMinutes(number(m.group(3)))
        .plusSeconds(number(m.group(4)));
    return Date.from(due.plus(clock));
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}

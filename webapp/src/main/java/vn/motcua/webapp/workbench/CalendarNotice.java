package vn.motcua.webapp.workbench;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.CalendarCoverage;

/** Every page an administrator opens says so when the holiday calendars are about to run out (CalendarCoverage). */
@ControllerAdvice(basePackages = "vn.motcua.webapp")
class CalendarNotice {

  private final CalendarCoverage coverage;
  private final MessageSource messages;

  CalendarNotice(CalendarCoverage coverage, MessageSource messages) {
    this.coverage = coverage;
    this.messages = messages;
  }

  @ModelAttribute("calendarNotice")
  String notice(@AuthenticationPrincipal Staff staff, Locale locale) {
    if (staff == null || !staff.has(Role.ADMIN)) {
      return null;
    }
    return coverage.warning().map(w -> messages.getMessage("calendar.runningOut", new Object[] {String.valueOf(w.lastYear()),
        String.valueOf(w.nextYear()), w.endsOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))}, locale)).orElse(null);
  }
}

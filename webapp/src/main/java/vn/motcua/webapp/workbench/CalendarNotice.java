package vn.motcua.webapp.workbench;

import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.motcua.webapp.calendar.CalendarCoverage;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;

/** Every page an administrator opens says what is missing or provisional in the holiday calendars (CalendarCoverage). */
@ControllerAdvice(basePackages = "vn.motcua.webapp")
class CalendarNotice {

  private final CalendarCoverage coverage;

  CalendarNotice(CalendarCoverage coverage) {
    this.coverage = coverage;
  }

  @ModelAttribute("calendarNotices")
  List<String> notices(@AuthenticationPrincipal Staff staff, Locale locale) {
    if (staff == null || !staff.has(Role.ADMIN)) {
      return List.of();
    }
    return coverage.notices().stream().map(notice -> coverage.text(notice, locale)).toList();
  }
}

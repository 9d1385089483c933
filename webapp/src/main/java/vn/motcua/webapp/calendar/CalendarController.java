package vn.motcua.webapp.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.processes.legaltime.HolidayCalendar;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;

/** The holiday calendar in force, and applying an edited file now rather than at the next minute's check. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Lịch nghỉ lễ / Holiday calendar")
@SecurityRequirement(name = "basic")
class CalendarController {

  private final CalendarChanges changes;
  private final CalendarCoverage coverage;
  private final LegalCalendar calendar;

  CalendarController(CalendarChanges changes, CalendarCoverage coverage, LegalCalendar calendar) {
    this.changes = changes;
    this.coverage = coverage;
    this.calendar = calendar;
  }

  /** Each year's status and days off, and what the administrators are told. */
  @GetMapping
  @Operation(summary = "Lịch nghỉ lễ đang áp dụng / The holiday calendar in force",
      description = "For administrators: each year with a file (OFFICIAL or PROVISIONAL), its days off and worked "
          + "weekend days, and the notices about missing, provisional or refused files.")
  Map<String, Object> calendar(@AuthenticationPrincipal Staff staff, Locale locale) {
    adminOnly(staff);
    HolidayCalendar holidays = calendar.holidays();
    List<Map<String, Object>> years = holidays.years().stream().map(year -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("year", year);
      entry.put("status", holidays.provisional(year) ? "PROVISIONAL" : holidays.status(year));
      entry.put("daysOff", holidays.daysOff(year));
      entry.put("workingDays", holidays.workingDays(year));
      return entry;
    }).toList();
    return Map.of("years", years,
        "notices", coverage.notices().stream().map(notice -> coverage.text(notice, locale)).toList());
  }

  /** Reads the files now; the open dossiers' deadlines the change moves are counted again. */
  @PostMapping("/apply")
  @Operation(summary = "Áp dụng tệp lịch đã sửa / Apply the edited holiday files",
      description = "For administrators: reads the annual files now (they are also read every minute). Days whose "
          + "status changed are listed; open dossiers due after the first of them still ahead get their deadlines "
          + "counted again, each with an entry in its trail. A broken file is refused with the reason (400) and "
          + "changes nothing.")
  CalendarChanges.Outcome apply(@AuthenticationPrincipal Staff staff) {
    adminOnly(staff);
    try {
      return changes.apply(staff.username());
    } catch (CalendarChanges.Refused refused) {
      throw ApiException.badRequest("calendar.refused", refused.getMessage());
    }
  }

  private static void adminOnly(Staff staff) {
    if (!staff.has(Role.ADMIN)) {
      throw ApiException.forbidden("error.forbidden");
    }
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.webapp.Api.dossierRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.calendar.CalendarChanges;

/**
 * The holiday calendar as the Government sets it, while the application runs: a day off announced later is an edit
 * of the year's file, which moves the open dossiers' deadlines, their officers' due dates and their trails; a broken
 * edit changes nothing and the administrators are told why; from 1 October they are told when next year's calendar
 * is still provisional.
 */
class HolidayCalendarIT extends PostgresIntegrationTest {

  private static final Path EDITED_2026 = CALENDARS.resolve("holidays-2026.yaml");
  private static final String SPECIALIST = "thuyhung.tuphap";

  @Autowired
  private CalendarChanges changes;

  @Autowired
  private LegalCalendar calendar;

  @LocalServerPort
  private int port;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @AfterEach
  void restoreShippedCalendar() throws IOException {
    Files.deleteIfExists(EDITED_2026);
    changes.apply("test");
  }

  private static String shipped2026() throws IOException {
    try (InputStream in = HolidayCalendarIT.class.getClassLoader().getResourceAsStream(
        "calendar/holidays-2026.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> audit(String code, String action) {
    Map<String, Object> history = api.call("citizen", HttpMethod.GET, "/api/v1/dossiers/" + code + "/history", null)
        .getBody();
    return ((List<Map<String, Object>>) history.get("audit")).stream()
        .filter(entry -> action.equals(entry.get("action"))).toList();
  }

  private Object due(String code, String taskKey) {
    return api.task(SPECIALIST, code, taskKey).get("due");
  }

  @Test
  void shouldCountOpenDeadlinesAgainWhenADayOffIsAddedToTheYearsFile() throws IOException {
    // given: a construction permit received on Friday 20 November 2026 at 09:00: 15 working days to 11 December
    now("2026-11-20T09:00");
    String code = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    assertThat(api.dossier("citizen", code).get("deadline")).isEqualTo("2026-12-11T09:00:00+07:00");
    Object dueBefore = due(code, "Task_Appraise");

    // when: the Government gives Tuesday 24 November off, and the 2026 file says so
    Files.writeString(EDITED_2026, shipped2026().replace("workingDays:",
        "  - { date: \"2026-11-24\", kind: HOLIDAY, name: \"Ngày Văn hóa Việt Nam\", nameEn: \"Vietnamese Culture"
            + " Day\" }\nworkingDays:"));
    CalendarChanges.Outcome outcome = changes.apply("admin");

    // then: the dossier is due one working day later, its officer's step too, and its trail says why
    assertThat(outcome.changedDays()).containsExactly(LocalDate.of(2026, 11, 24));
    assertThat(outcome.dossiersMoved()).isPositive();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 24))).isFalse();
    assertThat(api.dossier("citizen", code).get("deadline")).isEqualTo("2026-12-14T09:00:00+07:00");
    assertThat(due(code, "Task_Appraise")).isNotEqualTo(dueBefore).asString().startsWith("2026-12-14T09:00");
    assertThat(audit(code, "DEADLINE_RECOUNTED")).singleElement().satisfies(entry -> assertThat(
        String.valueOf(entry.get("summary"))).contains("2026-11-24", "2026-12-11 09:00", "2026-12-14 09:00"));

    // when: the file is read again unchanged (the next minute's check, or another node)
    CalendarChanges.Outcome again = changes.apply("system");

    // then: nothing moves twice
    assertThat(again.changedDays()).isEmpty();
    assertThat(api.dossier("citizen", code).get("deadline")).isEqualTo("2026-12-14T09:00:00+07:00");
    assertThat(audit(code, "DEADLINE_RECOUNTED")).hasSize(1);

    // when: the day off is withdrawn
    Files.delete(EDITED_2026);
    changes.apply("admin");

    // then: the deadline is back where it was
    assertThat(api.dossier("citizen", code).get("deadline")).isEqualTo("2026-12-11T09:00:00+07:00");
    assertThat(audit(code, "DEADLINE_RECOUNTED")).hasSize(2);
  }

  @Test
  void shouldKeepTheCalendarInForceAndTellAdministratorsWhenAnEditedFileIsBroken() throws IOException {
    // given: a file that lists a Saturday as a day off
    now("2026-11-20T09:00");
    Files.writeString(EDITED_2026, "year: 2026\nstatus: OFFICIAL\ndaysOff:\n  - { date: \"2026-11-28\" }\n");

    // when / then: refused with the reason, through the administrators' API too
    assertThatThrownBy(() -> changes.apply("admin")).isInstanceOf(CalendarChanges.Refused.class)
        .hasMessageContaining("2026-11-28 is a weekend day");
    var refused = api.call("admin", HttpMethod.POST, "/api/v1/calendar/apply", null);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(refused.getBody())).contains("2026-11-28 is a weekend day");
    assertThat(api.call("thuyhung.chutich", HttpMethod.POST, "/api/v1/calendar/apply", null).getStatusCode().value())
        .isEqualTo(403);

    // then: the calendar in force stays (Friday 2 January off, 22 August worked), and administrators see why
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
    assertThat(new WebSession(port, "admin").get("/board").body()).contains("id=\"calendar-notice\"",
        "không hợp lệ", "2026-11-28 is a weekend day");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldTellAdministratorsFromTheFirstOfOctoberWhenNextYearsCalendarIsProvisional() {
    // given: 2026 is official, 2027 provisional
    WebSession admin = new WebSession(port, "admin");
    WebSession chairman = new WebSession(port, "thuyhung.chutich");

    // when: the last day of September
    now("2026-09-30T09:00");

    // then: nothing to tell yet
    assertThat(admin.get("/board").body()).doesNotContain("calendar-notice");

    // when: 1 October
    now("2026-10-01T09:00");

    // then: the administrators' pages, the calendar API and the health details say so; officers see nothing
    assertThat(admin.get("/board").body()).contains("id=\"calendar-notice\"",
        "Lịch nghỉ lễ năm 2027 vẫn là lịch dự kiến", "holidays-2027.yaml");
    assertThat(chairman.get("/workbench").body()).doesNotContain("calendar-notice");
    Map<String, Object> calendarInForce = api.call("admin", HttpMethod.GET, "/api/v1/calendar", null).getBody();
    assertThat((List<Map<String, Object>>) calendarInForce.get("years"))
        .extracting(y -> y.get("year") + " " + y.get("status")).contains("2026 OFFICIAL", "2027 PROVISIONAL");
    assertThat(admin.get("/actuator/health").body()).contains("legalCalendar", "PROVISIONAL",
        "The holiday calendar for 2027 is still provisional");

    // when: a year later, with no file for 2028
    now("2027-10-01T09:00");

    // then
    assertThat(admin.get("/board").body()).contains("Chưa có lịch nghỉ lễ năm 2028");
  }
}

package vn.motcua.processes.legaltime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LegalCalendarTest {

  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final LegalCalendar CALENDAR = shipped();

  static LegalCalendar shipped() {
    List<HolidayCalendar.Source> files = List.of(2025, 2026, 2027).stream()
        .map(year -> (HolidayCalendar.Source) new HolidayCalendar.Source() {
          public String name() {
            return "calendar/holidays-" + year + ".yaml";
          }

          public InputStream open() {
            return LegalCalendarTest.class.getClassLoader().getResourceAsStream(name());
          }
        }).toList();
    return new LegalCalendar(HolidayCalendar.load(files), OfficeHours.parse("07:30-11:30,13:00-17:00", "15:00"), VN);
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(VN).toInstant();
  }

  static String local(Instant instant) {
    return LocalDateTime.ofInstant(instant, VN).toString();
  }

  @ParameterizedTest(name = "received {0} + {1} working days -> {2}")
  @CsvSource({
      // plain week: same clock time N working days later, weekends skipped
      "2026-11-16T09:00, 1, 2026-11-17T09:00",
      "2026-11-20T16:00, 1, 2026-11-23T16:00",
      "2026-11-20T09:00, 3, 2026-11-25T09:00",
      "2026-11-18T10:00, 15, 2026-12-09T10:00",
      // received after closing or on a weekend: counting starts at the next opening
      "2026-11-20T18:30, 1, 2026-11-23T17:00",
      "2026-11-21T10:00, 1, 2026-11-23T17:00",
      // half a working day is four office hours, lunch break excluded
      "2026-11-16T10:00, 0.5, 2026-11-16T15:30",
      "2026-11-16T16:00, 0.5, 2026-11-17T10:30",
      // Tết Bính Ngọ 2026: Mon 16 - Fri 20 February off
      "2026-02-13T10:00, 1, 2026-02-23T10:00",
      "2026-02-13T10:00, 3, 2026-02-25T10:00",
      "2026-02-12T14:00, 5, 2026-02-26T14:00",
      // Tết Đinh Mùi 2027: Fri 5, Mon 8 - Thu 11 February off (provisional file)
      "2027-02-03T14:00, 5, 2027-02-17T14:00",
      "2027-02-04T08:00, 1, 2027-02-12T08:00",
      // Tết Ất Tỵ 2025 with the swapped working Saturday 15 February
      "2025-01-24T09:00, 1, 2025-02-03T09:00",
      "2025-02-14T09:00, 1, 2025-02-15T09:00",
      // 2 September 2025 bridge: Mon 1 and Tue 2 September off
      "2025-08-29T10:00, 1, 2025-09-03T10:00",
      "2025-08-29T10:00, 2, 2025-09-04T10:00",
      // Hùng Kings' day 2026 falls on Sunday 26 April: Monday 27 April is the compensatory day off,
      // then 30 April and 1 May follow
      "2026-04-24T09:00, 1, 2026-04-28T09:00",
      "2026-04-24T09:00, 3, 2026-05-04T09:00",
      // 1 May 2027 is a Saturday: compensated on Monday 3 May
      "2027-04-29T09:00, 1, 2027-05-04T09:00",
      // New Year 2026: Thu 1 and Fri 2 January off, Saturday 10 January worked in exchange
      "2025-12-31T10:00, 1, 2026-01-05T10:00",
      "2026-01-09T10:00, 1, 2026-01-10T10:00",
      // National Day 2026: Saturday 22 August worked; Mon 31 August (swapped), Tue 1 and Wed 2 September off
      "2026-08-21T10:00, 1, 2026-08-22T10:00",
      "2026-08-31T10:00, 2, 2026-09-04T17:00",
      "2026-08-28T10:00, 1, 2026-09-03T10:00",
      // the land certificate: 20 working days across the 2025 National Day
      "2025-08-20T08:00, 20, 2025-09-19T08:00",
  })
  void shouldCountOnlyWorkingTimeWhenAddingWorkingDays(String received, String days, String expected) {
    // when
    Instant deadline = CALENDAR.deadline(at(received), new BigDecimal(days));

    // then
    assertThat(local(deadline)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "same-day procedure received {0} -> due {1}")
  @CsvSource({
      "2026-11-16T09:00, 2026-11-16T17:00",
      "2026-11-16T14:59, 2026-11-16T17:00",
      "2026-11-16T15:00, 2026-11-17T17:00",
      "2026-11-16T16:45, 2026-11-17T17:00",
      "2026-11-20T15:30, 2026-11-23T17:00",
      "2026-11-16T06:45, 2026-11-16T17:00",
      "2026-11-21T09:00, 2026-11-23T17:00",
      "2026-02-13T15:10, 2026-02-23T17:00",
      "2025-04-29T15:01, 2025-05-05T17:00",
  })
  void shouldApplyTheFifteenOClockRuleWhenProcessingTimeIsSameDay(String received, String expected) {
    // when
    Instant deadline = CALENDAR.deadline(at(received), BigDecimal.ZERO);

    // then
    assertThat(local(deadline)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} working={1}")
  @CsvSource({
      "2026-02-16, false", "2026-02-23, true", "2026-04-27, false", "2026-04-26, false",
      "2025-02-15, true", "2025-09-01, false", "2026-01-02, false", "2026-01-10, true", "2026-08-22, true",
      "2026-08-31, false", "2026-09-01, false", "2026-09-02, false", "2026-09-03, true", "2026-08-23, false", "2025-09-03, true", "2027-02-10, false", "2027-05-03, false",
  })
  void shouldReadWorkingDaysFromTheAnnualCalendar(LocalDate date, boolean working) {
    // when / then
    assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
  }

  @Test
  void shouldMeasureWorkingDaysBetweenTwoInstantsWhenHolidaysLieBetween() {
    // given: Thursday before Tết 2026 to the Monday after it
    Instant from = at("2026-02-12T09:00");
    Instant to = at("2026-02-23T09:00");

    // when / then
    assertThat(CALENDAR.workingDaysBetween(from, to)).isEqualByComparingTo("2.00");
    assertThat(CALENDAR.workingDaysBetween(to, from)).isEqualByComparingTo("0");
  }

  @Test
  void shouldCountWeekdaysButTheLabourCodesSolarHolidaysWhenTheYearHasNoCalendar() {
    // given: 2028 has no file; 30 April is a Sunday, 1 May a Monday
    Instant friday = at("2028-04-28T09:00");

    // when / then: Monday 1 May is off, so two working days end on Wednesday
    assertThat(CALENDAR.deadline(friday, BigDecimal.valueOf(2))).isEqualTo(at("2028-05-03T09:00"));
    assertThat(CALENDAR.deadline(at("2027-12-30T09:00"), BigDecimal.valueOf(5))).isEqualTo(at("2028-01-06T09:00"));
    assertThat(CALENDAR.workingDaysBetween(at("2030-01-01T07:30"), at("2030-01-08T07:30")))
        .isEqualByComparingTo("4.00");
    assertThat(CALENDAR.holidays().status(2028)).isEqualTo("FALLBACK");
  }

  @Test
  void shouldNameTheDaysWhoseStatusChangedWhenAFileIsEdited() {
    // given: 2026 as shipped, and the same year with 24 November off and 22 August no longer worked
    HolidayCalendar shipped = CALENDAR.holidays();
    String edited = """
        year: 2026
        daysOff:
          - { date: "2026-01-01" }
          - { date: "2026-01-02", kind: SWAPPED }
          - { date: "2026-02-16" }
          - { date: "2026-02-17" }
          - { date: "2026-02-18" }
          - { date: "2026-02-19" }
          - { date: "2026-02-20" }
          - { date: "2026-04-27", kind: COMPENSATORY }
          - { date: "2026-04-30" }
          - { date: "2026-05-01" }
          - { date: "2026-08-31", kind: SWAPPED }
          - { date: "2026-09-01" }
          - { date: "2026-09-02" }
          - { date: "2026-11-24", name: "Ngày Văn hóa Việt Nam" }
        workingDays:
          - { date: "2026-01-10" }
        """;
    HolidayCalendar changed = HolidayCalendar.load(List.of(yaml("holidays-2025.yaml", null), yaml("2026", edited),
        yaml("holidays-2027.yaml", null)));

    // when / then
    assertThat(shipped.changedDays(changed)).containsExactly(LocalDate.of(2026, 8, 22), LocalDate.of(2026, 11, 24));
    assertThat(changed.changedDays(shipped)).containsExactly(LocalDate.of(2026, 8, 22), LocalDate.of(2026, 11, 24));
    assertThat(shipped.changedDays(shipped)).isEmpty();
  }

  @Test
  void shouldCountEveryDayOfAYearWhoseFileAppearsAsChangedWhenItDiffersFromTheFallback() {
    // given: 2028 without a file (fallback), then with one that gives Friday 4 February off
    HolidayCalendar without = CALENDAR.holidays();
    HolidayCalendar with = HolidayCalendar.load(List.of(yaml("holidays-2025.yaml", null),
        yaml("holidays-2026.yaml", null), yaml("holidays-2027.yaml", null),
        yaml("2028", "year: 2028\nstatus: PROVISIONAL\ndaysOff:\n  - { date: \"2028-02-04\" }")));

    // when / then: 1 January 2028 is a Saturday; the fallback's Monday 1 May is worked in a file without it
    assertThat(without.changedDays(with)).containsExactly(LocalDate.of(2028, 2, 4), LocalDate.of(2028, 5, 1));
    assertThat(with.provisional(2028)).isTrue();
    assertThat(with.provisional(2026)).isFalse();
    assertThat(without.provisional(2028)).isTrue();
    assertThat(without.provisional(2027)).isTrue();
  }

  /** A calendar file: the shipped one of that name when text is null, else the text. */
  private static HolidayCalendar.Source yaml(String name, String text) {
    return new HolidayCalendar.Source() {
      public String name() {
        return name;
      }

      public InputStream open() {
        return text == null ? LegalCalendarTest.class.getClassLoader().getResourceAsStream("calendar/" + name)
            : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  @Test
  void shouldRefuseNegativeProcessingTime() {
    assertThatThrownBy(() -> CALENDAR.deadline(at("2026-11-16T09:00"), BigDecimal.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> brokenCalendars() {
    return Stream.of(
        Arguments.of("year: 2030\ndaysOff:\n  - { date: \"2030-01-05\" }", "2030-01-05 is a weekend day"),
        Arguments.of("year: 2030\ndaysOff:\n  - { date: \"2031-01-02\" }", "2031-01-02 is not in year 2030"),
        Arguments.of("year: 2030\nworkingDays:\n  - { date: \"2030-01-02\" }", "2030-01-02 is a weekday"),
        Arguments.of("year: 2030\ndaysOff:\n  - { date: \"2030-13-01\" }", "is not a date"),
        Arguments.of("year: 2030\ndaysOff:\n  - { date: \"2030-01-02\", kind: PARTY }", "kind must be HOLIDAY"),
        Arguments.of("year: 2030\ndaysOff:\n  - { date: \"2030-01-02\" }\n  - { date: \"2030-01-02\" }",
            "listed twice"),
        Arguments.of("year: next", "'year' must be a number"),
        Arguments.of("- just a list", "not a YAML mapping"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("brokenCalendars")
  void shouldRejectCalendarFileWithClearMessageWhenItIsWrong(String yaml, String message) {
    // given
    HolidayCalendar.Source source = new HolidayCalendar.Source() {
      public String name() {
        return "bad.yaml";
      }

      public InputStream open() {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
      }
    };

    // when / then
    assertThatThrownBy(() -> HolidayCalendar.load(List.of(source)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining(message);
  }
}

package vn.motcua.processes.legaltime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayBusinessCalendarTest {

  private final WorkingDayBusinessCalendar calendar = new WorkingDayBusinessCalendar(LegalCalendarTest.CALENDAR);

  @ParameterizedTest(name = "{1} from {0} -> {2}")
  @CsvSource({
      "2026-11-20T10:00, P1D, 2026-11-23T10:00",
      "2026-11-20T10:00, P0.5D, 2026-11-20T15:30",
      "2026-11-20T10:00, P0D, 2026-11-20T17:00",
      "2026-11-20T16:00, P0D, 2026-11-23T17:00",
      "2026-11-20T10:00, PT4H, 2026-11-20T14:00",
      "2026-11-20T10:00, P1DT2H, 2026-11-23T12:00",
      "2026-02-13T10:00, P3D, 2026-02-25T10:00",
  })
  void shouldCountDaysAsWorkingDaysAndHoursAsClockTimeWhenResolvingDurations(String start, String duration,
      String expected) {
    // when
    Date due = calendar.resolveDuedate(duration, Date.from(LegalCalendarTest.at(start)));

    // then
    assertThat(LegalCalendarTest.local(due.toInstant())).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1W", "P1M", "P", "PT", "P-1D", "Pxyz"})
  void shouldRefuseDurationsThatAreNotLegalTime(String duration) {
    assertThatThrownBy(() -> calendar.resolveDuedate(duration, new Date()))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("not a supported legal duration");
  }
}

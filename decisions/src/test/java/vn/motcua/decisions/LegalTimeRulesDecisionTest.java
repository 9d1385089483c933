package vn.motcua.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalTimeRulesDecisionTest {

  private static final DecisionTables RULES = DecisionTables.load("legal-time-rules.dmn", "legalTimeRules");

  @ParameterizedTest(name = "{0} ({1}) -> {2}, window {3}, period {4}, warn at {5}, apology {6} day(s) before")
  @CsvSource({
      // procedure, rule set, clock on supplement, window, applicant's period, warning share, apology notice
      "1.004227, 2025, PAUSE, 3, P15D, 0.75, 1",   // land: the law does not count the citizen's time
      "1.004227, 2024, PAUSE, 3, P15D, 0.75, 1",
      "1.013978, 2025, PAUSE, 3, P15D, 0.75, 1",   // its code since 1 July 2025
      "1.001193, 2025, RESTART, 0, P15D, 0.75, 0", // same-day procedures: no later supplement, no apology notice
      "1.000894, 2025, RESTART, 0, P15D, 0.75, 0",
      "2.000635, 2025, RESTART, 0, P15D, 0.75, 0",
      "2.000815, 2025, RESTART, 3, P15D, 0.75, 0.5", // one working day: the apology with half a day left
      "1.009997, 2025, RESTART, 3, P15D, 0.75, 1", // every other procedure: Decree 61/2018 art. 15 default
      "1.001612, 2024, RESTART, 3, P15D, 0.75, 1",
      "1.002809, 2025, RESTART, 3, P15D, 0.75, 1",
      "9.999999, 2025, RESTART, 3, P15D, 0.75, 1", // a procedure not yet in the table still runs on the defaults
  })
  void shouldGiveEachProcedureItsTimeRules(String procedure, String ruleSet, String clock, double window,
      String period, double share, double notice) {
    // given
    Map<String, Object> vars = new HashMap<>();
    vars.put("procedureCode", procedure);
    vars.put("ruleSetVersion", ruleSet);

    // when
    Map<String, Object> rules = RULES.evaluate(vars).getSingleResult().getEntryMap();

    // then
    assertThat(rules.get("clockOnSupplement")).isEqualTo(clock);
    assertThat(((Number) rules.get("supplementWindowDays")).doubleValue()).isEqualTo(window);
    assertThat(rules.get("supplementPeriod")).isEqualTo(period);
    assertThat(((Number) rules.get("stageWarningShare")).doubleValue()).isEqualTo(share);
    assertThat(((Number) rules.get("apologyNoticeDays")).doubleValue()).isEqualTo(notice);
  }
}

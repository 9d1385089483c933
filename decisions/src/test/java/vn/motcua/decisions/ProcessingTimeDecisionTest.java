package vn.motcua.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessingTimeDecisionTest {

  private static final DecisionTables PROCESSING_TIME = DecisionTables.load("processing-time.dmn", "processingTime");

  private static Map<String, Object> input(String procedure, String channel, String level, String ruleSet,
      String circumstance) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("procedureCode", DecisionTables.value(procedure));
    vars.put("channel", DecisionTables.value(channel));
    vars.put("level", DecisionTables.value(level));
    vars.put("ruleSetVersion", DecisionTables.value(ruleSet));
    vars.put("circumstance", DecisionTables.value(circumstance));
    return vars;
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} {4} -> {5} working days")
  @CsvSource({
      // procedure, channel, level, rule set, circumstance, working days
      "1.001193, ONLINE, COMMUNE, 2024, '', 0",
      "1.001193, COUNTER, COMMUNE, 2025, '', 0",
      "1.000894, COUNTER, COMMUNE, 2025, '', 0",
      "1.000894, COUNTER, COMMUNE, 2025, VERIFICATION, 5",
      "1.000894, ONLINE, COMMUNE, 2024, OTHER, 0",
      "2.000635, ONLINE, COMMUNE, 2025, '', 0",
      "2.000815, COUNTER, COMMUNE, 2025, '', 1",
      "1.001612, ONLINE, DISTRICT, 2024, '', 3",
      "1.001612, ONLINE, COMMUNE, 2025, '', 3",
      "1.009997, COUNTER, DISTRICT, 2024, '', 15",
      "1.013225, POSTAL, COMMUNE, 2025, '', 15",
      "1.002809, ONLINE, PROVINCE, 2025, '', 5",
      "1.004227, COUNTER, DISTRICT, 2024, '', 20",
      "1.013978, ONLINE, COMMUNE, 2025, '', 17",  // since 1 July 2025, per channel as published
      "1.013978, COUNTER, COMMUNE, 2025, '', 27",
      "1.013978, POSTAL, COMMUNE, 2025, '', 20",
  })
  void shouldGiveLegalWorkingDaysWhenProcedureIsKnown(String procedure, String channel, String level, String ruleSet,
      String circumstance, double workingDays) {
    // when
    Object result = PROCESSING_TIME.evaluate(input(procedure, channel, level, ruleSet, circumstance))
        .getSingleEntry();

    // then
    assertThat(((Number) result).doubleValue()).isEqualTo(workingDays);
  }

  @ParameterizedTest(name = "{0} at {2} -> no processing time")
  @CsvSource({
      "9.999999, ONLINE, COMMUNE",   // unknown procedure
      "1.001612, ONLINE, PROVINCE",  // household business is never handled by the province
      "1.013225, COUNTER, PROVINCE", // house permits are district or commune
      "1.002809, ONLINE, COMMUNE",   // licences are provincial only
      "'', ONLINE, COMMUNE",
  })
  void shouldFindNoProcessingTimeWhenProcedureOrLevelDoesNotApply(String procedure, String channel, String level) {
    // when / then
    assertThat(PROCESSING_TIME.rows(input(procedure, channel, level, "2025", ""))).isEmpty();
  }
}

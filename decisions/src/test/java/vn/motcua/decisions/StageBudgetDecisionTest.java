package vn.motcua.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageBudgetDecisionTest {

  private static final DecisionTables BUDGET = DecisionTables.load("stage-budget.dmn", "stageBudget");

  private static Map<String, Object> input(String procedure, String stage, Object processingDays) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("procedureCode", procedure);
    vars.put("stage", stage);
    vars.put("ruleSetVersion", "2025");
    vars.put("processingDays", processingDays);
    return vars;
  }

  @ParameterizedTest(name = "{0} {1} -> {3} working days")
  @CsvSource({
      // procedure, stage, processing days of the dossier, stage budget
      "1.004227, COMMUNE_VERIFY, 20, 3",
      "1.004227, LAND_OFFICE, 20, 10",
      "1.004227, TAX, 20, 3",
      "1.004227, ISSUE, 20, 4",
      "1.013978, COMMUNE_VERIFY, 17, 3",  // its code since 1 July 2025: registration 17 online, issue 3
      "1.013978, LAND_OFFICE, 17, 8",
      "1.013978, LAND_OFFICE, 27, 18",
      "1.013978, TAX, 17, 3",
      "1.013978, ISSUE, 17, 3",
      "1.013225, HANDLE, 15, 15",  // a single-agency procedure: the whole time is one stage
      "1.001612, HANDLE, 3, 3",
      "2.000815, HANDLE, 1, 1",
  })
  void shouldSplitTheProcessingTimeIntoStageBudgets(String procedure, String stage, int processingDays,
      double budget) {
    // when
    Object days = BUDGET.evaluate(input(procedure, stage, processingDays)).getSingleEntry();

    // then
    assertThat(((Number) days).doubleValue()).isEqualTo(budget);
  }

  @ParameterizedTest(name = "land certificate {0}: budgets add up to its {1} working days")
  @CsvSource({"1.004227, 20", "1.013978, 17", "1.013978, 27", "1.013978, 20"})
  void shouldSplitTheLandCertificateWithoutExceedingItsLegalTime(String procedure, int processingDays) {
    // when
    double total = 0;
    for (String stage : new String[] {"COMMUNE_VERIFY", "LAND_OFFICE", "TAX", "ISSUE"}) {
      total += ((Number) BUDGET.evaluate(input(procedure, stage, processingDays)).getSingleEntry()).doubleValue();
    }

    // then
    assertThat(total).isEqualTo(processingDays);
  }

  @ParameterizedTest(name = "{0} {1} -> no budget")
  @CsvSource({
      "1.013978, HANDLE",   // the land certificate has no single handling stage
      "1.013225, TAX",      // and other procedures have no land stages
  })
  void shouldGiveNoBudgetToAStageTheProcedureDoesNotHave(String procedure, String stage) {
    // when / then
    assertThat(BUDGET.rows(input(procedure, stage, 15))).isEmpty();
  }
}

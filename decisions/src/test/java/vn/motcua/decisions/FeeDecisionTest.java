package vn.motcua.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeDecisionTest {

  private static final DecisionTables FEE = DecisionTables.load("fee.dmn", "fee");

  private static Map<String, Object> input(String procedure, String category, String province, String channel,
      int copies, int pages) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("procedureCode", DecisionTables.value(procedure));
    vars.put("applicantCategory", category);
    vars.put("provinceCode", province);
    vars.put("channel", channel);
    vars.put("copies", copies);
    vars.put("pages", pages);
    return vars;
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} copies={4} pages={5} -> {6}")
  @CsvSource({
      // procedure, category, province, channel, copies, pages, amount
      "1.001193, CITIZEN, 20, ONLINE, 1, 1, 0",
      "1.000894, CITIZEN, 08, COUNTER, 1, 1, 0",
      "2.000635, CITIZEN, 20, COUNTER, 1, 1, 8000",
      "2.000635, CITIZEN, 20, ONLINE, 3, 1, 24000",
      "2.000635, POOR_HOUSEHOLD, 20, COUNTER, 3, 1, 0",
      "2.000635, MERIT, 36, COUNTER, 2, 1, 0",
      "2.000635, DISABLED, 36, COUNTER, 2, 1, 0",
      "2.000815, CITIZEN, 20, COUNTER, 1, 1, 2000",
      "2.000815, CITIZEN, 20, COUNTER, 1, 2, 4000",
      "2.000815, CITIZEN, 20, COUNTER, 1, 3, 5000",
      "2.000815, CITIZEN, 20, COUNTER, 2, 3, 10000",
      "2.000815, CITIZEN, 20, COUNTER, 1, 196, 198000",
      "2.000815, CITIZEN, 20, COUNTER, 1, 198, 200000",
      "2.000815, CITIZEN, 20, COUNTER, 1, 199, 200000",
      "2.000815, POOR_HOUSEHOLD, 20, COUNTER, 1, 300, 200000",
      "1.001612, CITIZEN, 20, ONLINE, 1, 1, 50000",
      "1.001612, CITIZEN, 20, COUNTER, 1, 1, 100000",
      "1.001612, CITIZEN, 08, ONLINE, 1, 1, 100000",
      "1.009997, CITIZEN, 36, COUNTER, 1, 1, 75000",  // the permit before 1 July 2025 and today
      "1.013225, CITIZEN, 20, ONLINE, 1, 1, 75000",
      "1.002809, CITIZEN, 72, ONLINE, 1, 1, 135000",
      "1.004227, CITIZEN, 20, COUNTER, 1, 1, 100000",
      "1.013978, CITIZEN, 20, ONLINE, 1, 1, 100000",
  })
  void shouldComputeFeeWhenProcedureHasFeeRule(String procedure, String category, String province, String channel,
      int copies, int pages, long amount) {
    // when
    Map<String, Object> row = FEE.evaluate(input(procedure, category, province, channel, copies, pages))
        .getFirstResult().getEntryMap();

    // then
    assertThat(((Number) row.get("amount")).longValue()).isEqualTo(amount);
    assertThat((String) row.get("basis")).isNotBlank();
  }

  @ParameterizedTest(name = "{0} -> no fee rule")
  @CsvSource({"9.999999", "''"})
  void shouldFindNoFeeWhenProcedureIsUnknown(String procedure) {
    // when / then
    assertThat(FEE.rows(input(procedure, "CITIZEN", "20", "ONLINE", 1, 1))).isEmpty();
  }
}

package vn.motcua.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetDecisionTest {

  private static final DecisionTables RULE_SET = DecisionTables.load("rule-set.dmn", "ruleSetVersion");

  @ParameterizedTest(name = "received {0} -> rule set {1}")
  @CsvSource({
      "2018-10-22, 2024",
      "2024-12-31, 2024",
      "2025-06-30, 2024",
      "2025-07-01, 2025",
      "2026-11-21, 2025",
  })
  void shouldPinTheRuleSetInForceOnTheReceiptDate(LocalDate received, String version) {
    // when
    Map<String, Object> row = RULE_SET.evaluate(Map.of("receivedDate", received)).getSingleResult().getEntryMap();

    // then
    assertThat(row).containsEntry("ruleSetVersion", version);
  }

  @Test
  void shouldFindNoRuleSetWhenReceiptDateIsMissing() {
    // given
    Map<String, Object> vars = new HashMap<>();
    vars.put("receivedDate", null);

    // when / then
    assertThat(RULE_SET.rows(vars)).isEmpty();
  }
}

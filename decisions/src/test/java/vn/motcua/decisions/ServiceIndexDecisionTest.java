package vn.motcua.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceIndexDecisionTest {

  private static final DecisionTables INDEX = DecisionTables.load("service-index.dmn", "serviceIndex");

  private static List<Map<String, Object>> components(String version) {
    return INDEX.rows(Map.of("indexVersion", version));
  }

  @Test
  void shouldScoreOneHundredPointsInSixGroupsAsDecision766Does() {
    // when
    Map<Integer, Double> groups = new TreeMap<>();
    components("766/2022").forEach(c -> groups.merge(((Number) c.get("group")).intValue(),
        ((Number) c.get("maxPoints")).doubleValue(), Double::sum));

    // then: publicity 18, progress 20, online services 12, digitization 22, online payment 10, satisfaction 18
    assertThat(groups).containsExactly(Map.entry(1, 18.0), Map.entry(2, 20.0), Map.entry(3, 12.0),
        Map.entry(4, 22.0), Map.entry(5, 10.0), Map.entry(6, 18.0));
  }

  @ParameterizedTest(name = "{0}: {2} points, full at {3}, from {4}, {5} when nothing to count")
  @CsvSource({
      // component, group, max points, rate for full points, metric, when nothing to count
      "OnTime, 2, 20, 1, ON_TIME, ZERO",
      "ProceduresOnline, 3, 2, 0.8, ONLINE_PROCEDURES, ZERO",   // min(2, 2·A/0.8)
      "ProceduresWithOnlineDossiers, 3, 4, 1, ONLINE_PROCEDURES_USED, ZERO",  // 4·B
      "OnlineShare, 3, 6, 0.5, ONLINE_SHARE, ZERO",   // min(6, 6·C/0.5)
      "DataReuse, 4, 2, 0.8, INPUT, ZERO",            // full at 80%
      "SyncedToPortal, 1, 6, 1, PORTAL_SYNCED, ZERO",
      "PaidOnline, 5, 6, 1, PAID_ONLINE, ZERO",
      "FeedbackOnTime, 6, 6, 1, INPUT, FULL",         // 6 if there was no feedback
      "FeedbackSatisfaction, 6, 6, 1, INPUT, FULL",
      "ServiceSatisfaction, 6, 6, 0.9, SATISFACTION, ZERO",  // full at 90%
  })
  void shouldDefineEachComponentsWeightThresholdAndSource(String component, int group, double maxPoints,
      double fullAt, String metric, String whenNoData) {
    // when
    Map<String, Object> row = components("766/2022").stream()
        .filter(c -> component.equals(c.get("component"))).findFirst().orElseThrow();

    // then
    assertThat(((Number) row.get("group")).intValue()).isEqualTo(group);
    assertThat(((Number) row.get("maxPoints")).doubleValue()).isEqualTo(maxPoints);
    assertThat(((Number) row.get("fullAt")).doubleValue()).isEqualTo(fullAt);
    assertThat(row).containsEntry("metric", metric).containsEntry("whenNoData", whenNoData);
    assertThat((String) row.get("name")).contains(" / ");
  }

  @Test
  void shouldHaveNoComponentsForAnUnknownIndexVersion() {
    // when / then
    assertThat(components("999/2030")).isEmpty();
  }
}

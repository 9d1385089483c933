package vn.motcua.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationDecisionTest {

  private static final DecisionTables ESCALATION = DecisionTables.load("escalation.dmn", "escalation");

  @ParameterizedTest(name = "level {0} of a {2} stage held by {1} ({3}) -> {4}.{5}, next after {6}")
  @CsvSource({
      // escalation level, agency holding the stage, its level, structure, agency told, role, next level after
      "1, X06148, COMMUNE, THREE_LEVEL, X06148, leader, P2D",          // first the unit's own leader
      "1, CNVPDK180, DISTRICT, THREE_LEVEL, CNVPDK180, leader, P2D",
      "2, X06148, COMMUNE, THREE_LEVEL, H180, supervision, P5D",     // then the district above the commune
      "2, X06148, COMMUNE, TWO_LEVEL, T20, supervision, P5D",        // no district: straight to the province
      "2, H180-KTHT, DISTRICT, THREE_LEVEL, H180, supervision, P5D", // a district division: its People's Committee
      "2, H180, DISTRICT, THREE_LEVEL, T20, supervision, P5D",
      "2, CNVPDK180, DISTRICT, THREE_LEVEL, T20, supervision, P5D",  // branches of provincial bodies: the province
      "2, SGTVT20, PROVINCE, THREE_LEVEL, T20, supervision, P5D",
  })
  void shouldEscalateToTheLeaderThenOneLevelUp(int level, String stageAgency, String stageLevel, String structure,
      String agency, String role, String nextAfter) {
    // given
    Map<String, Object> vars = new HashMap<>();
    vars.put("escalationLevel", level);
    vars.put("stageAgency", stageAgency);
    vars.put("stageLevel", stageLevel);
    vars.put("adminStructure", structure);
    vars.put("provinceCode", "20");
    vars.put("districtCode", "TWO_LEVEL".equals(structure) ? null : "180");

    // when
    Map<String, Object> target = ESCALATION.evaluate(vars).getSingleResult().getEntryMap();

    // then
    assertThat(target.get("agency")).isEqualTo(agency);
    assertThat(target.get("role")).isEqualTo(role);
    assertThat(target.get("nextAfter")).isEqualTo(nextAfter);
  }

  @ParameterizedTest(name = "level {0} -> nobody further")
  @CsvSource({"3", "0"})
  void shouldStopEscalatingBeyondTheSupervisorOneLevelUp(int level) {
    // given
    Map<String, Object> vars = new HashMap<>();
    vars.put("escalationLevel", level);
    vars.put("stageAgency", "X06148");
    vars.put("stageLevel", "COMMUNE");
    vars.put("adminStructure", "THREE_LEVEL");
    vars.put("provinceCode", "20");
    vars.put("districtCode", "180");

    // when / then
    assertThat(ESCALATION.rows(vars)).isEmpty();
  }
}

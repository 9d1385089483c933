package vn.motcua.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingDecisionTest {

  private static final DecisionTables ROUTING = DecisionTables.load("routing.dmn", "routing");

  private static Map<String, Object> dossier(String procedure, String stage, String structure) {
    return dossier(procedure, stage, structure, "2026-12-07");
  }

  private static Map<String, Object> dossier(String procedure, String stage, String structure, String day) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("receivedDay", day);
    vars.put("procedureCode", procedure);
    vars.put("stage", stage);
    vars.put("adminStructure", structure);
    vars.put("provinceCode", "20");
    vars.put("districtCode", "THREE_LEVEL".equals(structure) ? "180" : null);
    vars.put("communeCode", "06148");
    return vars;
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3} ({4})")
  @CsvSource({
      // procedure, stage, structure, agency, level
      "1.001193, RECEIVE, THREE_LEVEL, X06148, COMMUNE",
      "1.001193, HANDLE, TWO_LEVEL, X06148, COMMUNE",
      "1.000894, HANDLE, THREE_LEVEL, X06148, COMMUNE",
      "2.000635, RECEIVE, TWO_LEVEL, X06148, COMMUNE",
      "2.000815, HANDLE, THREE_LEVEL, X06148, COMMUNE",
      "1.001612, RECEIVE, THREE_LEVEL, H180, DISTRICT",
      "1.001612, HANDLE, THREE_LEVEL, H180-TCKH, DISTRICT",
      "1.001612, RECEIVE, TWO_LEVEL, X06148, COMMUNE",
      "1.001612, HANDLE, TWO_LEVEL, X06148, COMMUNE",
      "1.009997, RECEIVE, THREE_LEVEL, H180, DISTRICT",
      "1.009997, HANDLE, THREE_LEVEL, H180-KTHT, DISTRICT",
      "1.013225, RECEIVE, TWO_LEVEL, X06148, COMMUNE",  // its code since 1 July 2025
      "1.013225, HANDLE, TWO_LEVEL, X06148, COMMUNE",
      "1.002809, RECEIVE, THREE_LEVEL, TTHCC20, PROVINCE",
      "1.002809, RECEIVE, TWO_LEVEL, TTHCC20, PROVINCE",
      "1.002809, HANDLE, THREE_LEVEL, CSGT20, PROVINCE",
      "1.002809, HANDLE, TWO_LEVEL, CSGT20, PROVINCE",
      "1.004227, RECEIVE, THREE_LEVEL, H180, DISTRICT",
      "1.013978, RECEIVE, TWO_LEVEL, X06148, COMMUNE",
      "1.004227, COMMUNE_VERIFY, THREE_LEVEL, X06148, COMMUNE",
      "1.013978, COMMUNE_VERIFY, TWO_LEVEL, X06148, COMMUNE",
      "1.004227, LAND_OFFICE, THREE_LEVEL, CNVPDK180, DISTRICT",
      "1.013978, LAND_OFFICE, TWO_LEVEL, VPDK20, PROVINCE",
      "1.004227, TAX, THREE_LEVEL, CCT180, DISTRICT",
      "1.013978, TAX, TWO_LEVEL, THUE20, PROVINCE",
      "1.004227, ISSUE, THREE_LEVEL, H180, DISTRICT",
      "1.013978, ISSUE, TWO_LEVEL, X06148, COMMUNE",
  })
  void shouldRouteStageToAgencyOfApplicantsUnitWhenRuleMatches(String procedure, String stage, String structure,
      String agency, String level) {
    // when
    List<Map<String, Object>> rows = ROUTING.rows(dossier(procedure, stage, structure));

    // then
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("agency", agency);
      assertThat(row).containsEntry("level", level);
    });
  }

  @ParameterizedTest(name = "driving licence received {0} -> {1}")
  @CsvSource({
      // the police took driving licences over from the Departments of Transport on 1 March 2025
      "2025-02-20, SGTVT20",
      "2025-02-28, SGTVT20",
      "2025-03-01, CSGT20",
      "2025-03-05, CSGT20",
      "2026-12-07, CSGT20",
  })
  void shouldRouteTheDrivingLicenceExchangeByTheLawInForceOnTheDayItWasReceived(String day, String agency) {
    // when
    List<Map<String, Object>> rows = ROUTING.rows(dossier("1.002809", "HANDLE", "THREE_LEVEL", day));

    // then
    assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsEntry("agency", agency));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> no route")
  @CsvSource({
      "9.999999, HANDLE, THREE_LEVEL",   // unknown procedure
      "1.001193, TAX, THREE_LEVEL",      // stage the procedure does not have
      "1.009997, HANDLE, TWO_LEVEL",     // the old permit code ended with the districts
      "1.001612, HANDLE, ''",            // structure unknown: district procedures cannot be placed
      "1.013978, HANDLE, TWO_LEVEL",     // land procedure routes per named stage only
      "'', RECEIVE, TWO_LEVEL",
  })
  void shouldReturnNoRouteWhenNoRuleMatches(String procedure, String stage, String structure) {
    // when
    List<Map<String, Object>> rows = ROUTING.rows(dossier(DecisionTables.value(procedure) == null ? null : procedure,
        stage, (String) DecisionTables.value(structure)));

    // then
    assertThat(rows).isEmpty();
  }

  @ParameterizedTest(name = "district {0} commune {1}")
  @CsvSource({"189, 06250", "073, 02287"})
  void shouldBuildAgencyCodeFromTheApplicantsOwnUnitsWhenRoutingDistrictStages(String district, String commune) {
    // given
    Map<String, Object> vars = dossier("1.009997", "HANDLE", "THREE_LEVEL");
    vars.put("districtCode", district);
    vars.put("communeCode", commune);

    // when
    Map<String, Object> row = ROUTING.evaluate(vars).getSingleResult().getEntryMap();

    // then
    assertThat(row).containsEntry("agency", "H" + district + "-KTHT");
  }
}

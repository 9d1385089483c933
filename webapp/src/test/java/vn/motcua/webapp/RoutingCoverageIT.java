package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.processes.rules.QuietTables;
import vn.motcua.processes.rules.RuleVersions;
import vn.motcua.webapp.catalog.Procedure;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.catalog.Rules;
import vn.motcua.webapp.place.AdminUnit;
import vn.motcua.webapp.place.Places;

/**
 * The data and the models fit together: on days each side of the changes of 2025, for every commune in force, every
 * procedure and every stage its model transfers to, the routing decision names an agency in force that day, and every
 * procedure has a processing time and a fee.
 */
class RoutingCoverageIT extends PostgresIntegrationTest {

  @Autowired
  private ProcedureCatalog catalog;
  @Autowired
  private Rules rules;
  @Autowired
  private Places places;
  @Autowired
  private RepositoryService repository;
  @Autowired
  private org.camunda.bpm.engine.ProcessEngine engine;

  @Test
  void shouldRouteEveryStageOfEveryProcedureToAnAgencyInForceForEveryCommuneOnEveryDay() {
    // given: days on both sides of the changes (driving licences to the police, districts ended) and today; the
    // routing table in force, read once (asked quietly: tens of thousands of questions leave no history)
    List<LocalDate> days = List.of(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30),
        LocalDate.of(2025, 7, 1), LocalDate.of(2026, 11, 16));
    DmnDecision routing = QuietTables.deployed(engine, RuleVersions.inForce(RuleVersions.deployed(engine, "routing"),
        java.time.Instant.now(), VN).orElseThrow(), "routing");
    List<String> problems = new ArrayList<>();
    List<Procedure> procedures = catalog.procedures();
    assertThat(procedures).hasSizeGreaterThanOrEqualTo(8);
    Map<Procedure, Set<String>> stages = new java.util.HashMap<>();
    procedures.forEach(procedure -> stages.put(procedure, stages(procedure)));

    // when
    for (LocalDate day : days) {
      String ruleSet = rules.ruleSetVersion(day).orElseThrow();
      Set<String> timesAndFeesChecked = new java.util.HashSet<>();
      for (Places.Location location : places.communes(day)) {
        String commune = location.commune().getCode();
        for (Procedure procedure : procedures) {
          // a dossier is filed under the procedure's code of its day (1.009997 until 30 June 2025, 1.013225 since)
          String code = procedure.codeOn(day);
          Rules.Facts facts = new Rules.Facts(code, "ONLINE", ruleSet, location.structure().name(),
              location.province().getCode(), location.districtCode(), commune, day);
          String where = code + " " + commune + " " + day;
          String handlingLevel = null;
          for (String stage : stages.get(procedure)) {
            Map<String, Object> question = facts.variables();
            question.put("stage", stage);
            List<Map<String, Object>> route = QuietTables.evaluate(routing, question);
            if (route.size() != 1) {
              problems.add(where + " " + stage + ": " + route.size() + " routes");
            } else if (places.agency((String) route.get(0).get("agency"), day).isEmpty()) {
              problems.add(where + " " + stage + ": no agency " + route.get(0).get("agency") + " in force");
            } else if (stage.equals("HANDLE") || stage.equals("COMMUNE_VERIFY")) {
              handlingLevel = (String) route.get(0).get("level");
            }
          }
          // the legal time and fee depend on the province, the structure and the level, not on the commune
          if (timesAndFeesChecked.add(code + location.province().getCode() + location.structure()
              + handlingLevel)) {
            for (String channel : List.of("ONLINE", "COUNTER", "POSTAL")) {
              Rules.Facts byChannel = new Rules.Facts(code, channel, ruleSet, location.structure().name(),
                  location.province().getCode(), location.districtCode(), commune, day);
              if (handlingLevel != null && rules.processingDays(byChannel, handlingLevel, null).isEmpty()) {
                problems.add(where + " " + channel + ": no processing time at " + handlingLevel);
              }
              if (rules.fee(byChannel, "CITIZEN", 1, 1).isEmpty()) {
                problems.add(where + " " + channel + ": no fee");
              }
            }
          }
        }
      }
    }

    // then
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldPlaceCommunesInTheStructureInForceOnTheDay() {
    // when / then: Tuyên Quang abolished its districts on 1 July 2025; xã Khuôn Hà became part of xã Thượng Lâm
    assertThat(places.locate("02251", LocalDate.of(2025, 6, 30)).orElseThrow().structure())
        .isEqualTo(Places.Structure.THREE_LEVEL);
    assertThat(places.locate("02251", LocalDate.of(2025, 7, 1))).isEmpty();
    // Thượng Lâm keeps its code: in Lâm Bình district until 30 June, under the province from 1 July
    assertThat(places.locate("02269", LocalDate.of(2025, 6, 30)).orElseThrow().districtCode()).isEqualTo("071");
    Places.Location now = places.locate("02269", LocalDate.of(2025, 7, 1)).orElseThrow();
    assertThat(now.structure()).isEqualTo(Places.Structure.TWO_LEVEL);
    assertThat(now.province().getCode()).isEqualTo("08");
    assertThat(places.unit("073").map(AdminUnit::getValidTo)).contains(LocalDate.of(2025, 6, 30));
  }

  @Test
  void shouldHoldNoDistrictOrDistrictAgencyInForceToday() {
    // given: today, on the machine's clock
    LocalDate today = LocalDate.now(VN);

    // when
    List<String> districts = places.communes(today).stream().filter(l -> l.district() != null)
        .map(l -> l.district().getCode() + " " + l.district().getName()).distinct().toList();
    List<String> districtAgencies = places.agencies(today, today).stream()
        .filter(a -> a.getLevel() == AdminUnit.Level.DISTRICT).map(a -> a.getCode() + " " + a.getName()).toList();

    // then: since 1 July 2025 no unit or agency in force is a district's, in every province the data holds
    assertThat(places.communes(today)).hasSizeGreaterThan(180);
    assertThat(districts).isEmpty();
    assertThat(districtAgencies).isEmpty();
    assertThat(places.agencies(today, today)).extracting(a -> a.getCode())
        .contains("TTHCC20", "CSGT20", "VPDK20", "THUE20", "SXD20", "SNNMT20", "X06148", "X02269");
  }

  /** RECEIVE plus every stage the model hands the dossier to through the transfer building block. */
  private Set<String> stages(Procedure procedure) {
    BpmnModelInstance model = repository.getBpmnModelInstance(procedure.processDefinitionId());
    Set<String> stages = new LinkedHashSet<>(List.of("RECEIVE"));
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if ("transfer".equals(call.getCalledElement())) {
        call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list().stream()
            .filter(in -> "stage".equals(in.getCamundaTarget()))
            .forEach(in -> stages.add(in.getCamundaSourceExpression()));
      }
    }
    return stages;
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.webapp.catalog.Procedure;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.catalog.Rules;
import vn.motcua.webapp.place.AdminUnit;
import vn.motcua.webapp.place.Places;

/**
 * The data and the models fit together: for every commune in force, every procedure and every stage its model
 * transfers to, the routing decision names an agency that exists, and every procedure has a processing time and a fee.
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

  @Test
  void shouldRouteEveryStageOfEveryProcedureToAKnownAgencyForEveryCommune() {
    // given
    LocalDate today = LocalDate.of(2026, 11, 16);
    List<String> communes = List.of("06100", "06148", "06520", "06250", "02243", "02320", "13750", "25459");
    List<String> problems = new ArrayList<>();
    List<Procedure> procedures = catalog.procedures();
    assertThat(procedures).hasSizeGreaterThanOrEqualTo(8);

    // when
    for (Procedure procedure : procedures) {
      for (String commune : communes) {
        Places.Location location = places.locate(commune, today).orElseThrow();
        for (String channel : List.of("ONLINE", "COUNTER")) {
          Rules.Facts facts = new Rules.Facts(procedure.code(), channel, "2025", location.structure().name(),
              location.province().getCode(), location.districtCode(), commune);
          for (String stage : stages(procedure)) {
            var route = rules.route(facts, stage);
            if (route.isEmpty()) {
              problems.add(procedure.code() + " " + stage + " " + commune + ": no route");
            } else if (places.agency(route.get().agency()).isEmpty()) {
              problems.add(procedure.code() + " " + stage + " " + commune + ": unknown agency "
                  + route.get().agency());
            } else if (stage.equals("HANDLE") || stage.equals("COMMUNE_VERIFY")) {
              if (rules.processingDays(facts, route.get().level(), null).isEmpty()) {
                problems.add(procedure.code() + " " + commune + ": no processing time at " + route.get().level());
              }
            }
          }
          if (rules.fee(facts, "CITIZEN", 1, 1).isEmpty()) {
            problems.add(procedure.code() + " " + commune + " " + channel + ": no fee");
          }
        }
      }
    }

    // then
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldPlaceCommunesInTheStructureInForceOnTheDay() {
    // when / then: Tuyên Quang abolished its districts on 1 July 2025
    assertThat(places.locate("02227", LocalDate.of(2025, 6, 30)).orElseThrow().structure())
        .isEqualTo(Places.Structure.THREE_LEVEL);
    assertThat(places.locate("02227", LocalDate.of(2025, 7, 1))).isEmpty();
    Places.Location now = places.locate("02243", LocalDate.of(2025, 7, 1)).orElseThrow();
    assertThat(now.structure()).isEqualTo(Places.Structure.TWO_LEVEL);
    assertThat(now.province().getCode()).isEqualTo("08");
    assertThat(places.unit("073").map(AdminUnit::getValidTo)).contains(LocalDate.of(2025, 6, 30));
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

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The application on its default database, the embedded H2 the README's run command uses: migrations, a dossier's
 * way through the engine, and every board query and export, including the figures of a month that is over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:motcua-default;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false", "motcua.demo.history-months=0",
    // a second engine in the test JVM: named apart, so that /engine-rest of the PostgreSQL context stays on its own
    "camunda.bpm.process-engine-name=h2"})
class DefaultDatabaseIT {

  @DynamicPropertySource
  static void simulators(DynamicPropertyRegistry registry) {
    SimulatorPorts.register(registry);
  }

  @Autowired
  private TestRestTemplate rest;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void now(String local) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(local).atZone(PostgresIntegrationTest.VN).toInstant()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRunDossiersAndTheBoardOnTheEmbeddedDatabase() {
    // given: a birth registration received and an overdue copy certification at Thụy Hùng in November 2026
    Api api = new Api(rest);
    now("2026-11-09T09:00");
    String copies = (String) api.submit("citizen", dossierRequest("2.000815", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", copies, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    now("2026-11-16T09:00");
    String birth = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", birth, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));

    // when: the district supervisor looks at the board while November runs
    ResponseEntity<Map<String, Object>> overdue = api.call("giamsat.thuyhung", HttpMethod.GET,
        "/api/v1/board/lists/overdue", null);
    ResponseEntity<Map<String, Object>> running = api.call("giamsat.thuyhung", HttpMethod.GET,
        "/api/v1/board/overview?period=2026-11", null);

    // then
    assertThat(overdue.getStatusCode().value()).isEqualTo(200);
    assertThat(overdue.getBody().toString()).contains(copies);
    assertThat(running.getStatusCode().value()).as("%s", running.getBody()).isEqualTo(200);
    Map<String, Object> kpis = (Map<String, Object>) running.getBody().get("kpis");
    assertThat(kpis).containsEntry("received", 2).containsEntry("inProgress", 2).containsEntry("overdue", 1);
    for (String export : new String[] {"lists/overdue.csv", "lists/paused.xlsx", "kpis.xlsx", "report.pdf"}) {
      assertThat(rest.withBasicAuth("giamsat.thuyhung", "demo")
          .getForEntity("/api/v1/board/exports/" + export + "?period=2026-11", byte[].class).getStatusCode().value())
          .as(export).isEqualTo(200);
    }

    // when: in December, November is over and read from its monthly figures
    now("2026-12-02T09:00");
    Map<String, Object> over = (Map<String, Object>) api.call("giamsat.thuyhung", HttpMethod.GET,
        "/api/v1/board/overview?period=2026-11", null).getBody().get("kpis");

    // then
    assertThat(over).containsEntry("received", 2).containsEntry("inProgress", 2)
        .as("a month that is over has no overdue now").doesNotContainKey("overdue");
  }
}

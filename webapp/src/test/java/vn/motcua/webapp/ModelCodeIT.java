package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 1 of the integrity probe (docs/security.md): a reform officer deployed a timer-started model whose
 * expressions read the Spring environment and loaded {@code java.lang.Runtime}. Now the same model is refused at every
 * door — the engine's REST API (Camunda Modeler) and the models page — naming each element and expression, and nothing
 * is stored; and the running engine resolves no bean of the application in any expression.
 */
class ModelCodeIT extends PostgresIntegrationTest {

  private static final String PROBE = Models.shipped("probe/timer-reads-environment.bpmn");

  @LocalServerPort
  private int port;
  @Autowired
  private ProcessEngine engine;
  @Autowired
  private JdbcTemplate jdbc;

  @Test
  void shouldRefuseTheProbesModelWithNothingStoredWhenDeployedThroughTheEngineApi() {
    // given
    Map<String, Long> before = stored();

    // when: Camunda Modeler's deploy request, as the probe sent it
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> answer = Models.deploy(as("caicach.langson"), "probe", Map.of("probe.bpmn", PROBE));

    // then: 400 with each element and expression; no deployment, definition, timer or run
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(answer.getBody().get("message"))).contains(
        "Task_ReadEnvironment (expression): biểu thức \"${environment.getProperty('user.name')}\" gọi phương thức"
            + " getProperty",
        "Task_LoadClass (outputParameter)", "calls the method getName",
        "Task_LoadClass (expression)", "calls the method newUser");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void shouldRefuseTheProbesModelWithNothingStoredWhenDeployedOnTheModelsPage() {
    // given
    Map<String, Long> before = stored();
    WebSession reform = new WebSession(port, "caicach.langson");

    // when
    HttpResponse<String> page = reform.postMultipart("/board/mo-hinh", "/board/mo-hinh", Map.of("name", "probe",
        "files", new WebSession.FilePart("probe.bpmn", PROBE.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

    // then: the page lists each problem at its element; nothing stored
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("id=\"models-refused\"", "Task_ReadEnvironment", "Task_LoadClass",
        "gọi phương thức getProperty");
    assertThat(stored()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"${environment}", "${identityService}", "${processEngine}", "${dataSource}",
      "${dossierService}", "${applicationContext}"})
  void shouldResolveNoBeanOfTheApplicationWhenAnExpressionNamesOne(String expression) {
    // given: the running application's engine
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();

    // when: the expression evaluated as a model's would be
    Throwable refused = catchThrowable(() -> configuration.getCommandExecutorTxRequired().execute(context ->
        configuration.getExpressionManager().createExpression(expression).getValue(null)));

    // then
    assertThat(refused).as(expression).hasMessageContaining("Cannot resolve identifier");
  }

  /** Rows of what a deployment would leave behind. */
  private Map<String, Long> stored() {
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (String table : List.of("act_re_deployment", "act_re_procdef", "act_ru_job", "act_ru_execution",
        "act_hi_procinst", "act_id_user")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }
}

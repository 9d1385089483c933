package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Two counter officers of the same commune act on the same dossier at the same moment, a hundred times: both claim
 * it, then (released again) both complete it. Each time exactly one wins; the other is told 409 with a message, never
 * an error, and each dossier moves on exactly once.
 */
class TaskRacesIT extends PostgresIntegrationTest {

  private static final int RACES = 100;
  private static final List<String> OFFICERS = List.of("thuyhung.motcua", "thuyhung.motcua2");

  @Autowired
  private TaskService tasks;
  @Autowired
  private HistoryService history;
  private Api api;
  private ExecutorService officers;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    officers = Executors.newFixedThreadPool(OFFICERS.size());
  }

  @AfterEach
  void stop() throws InterruptedException {
    officers.shutdownNow();
    officers.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldLetExactlyOneOfTwoOfficersClaimAndCompleteEachTaskAndAnswerTheOther409() throws Exception {
    // given: a hundred birth registrations waiting at Thụy Hùng's counter
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RACES; i++) {
      codes.add((String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode"));
    }
    List<String> claimOutcomes = new ArrayList<>();
    List<String> completeOutcomes = new ArrayList<>();
    // and a colleague reading the counter's task list all the while, as tasks in it are completed
    java.util.concurrent.atomic.AtomicBoolean racing = new java.util.concurrent.atomic.AtomicBoolean(true);
    ExecutorService colleague = Executors.newSingleThreadExecutor();
    Future<List<Integer>> listings = colleague.submit(() -> {
      List<Integer> statuses = new ArrayList<>();
      while (racing.get()) {
        statuses.add(rest.withBasicAuth("thuyhung.motcua", "demo").getForEntity("/api/v1/tasks", String.class)
            .getStatusCode().value());
      }
      return statuses;
    });
    for (String code : codes) {
      String taskId = tasks.createTaskQuery().processInstanceBusinessKey(code)
          .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();

      // when: both claim at once
      List<Integer> claims = race("/api/v1/tasks/" + taskId + "/claim", null);
      claimOutcomes.add(claims.toString());
      String holder = tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
      assertThat(api.call(holder, HttpMethod.POST, "/api/v1/tasks/" + taskId + "/unclaim", null)
          .getStatusCode().value()).isEqualTo(204);

      // and: both complete it at once
      completeOutcomes.add(race("/api/v1/tasks/" + taskId + "/complete",
          Map.of("variables", Map.of("completeness", "COMPLETE"))).toString());
    }

    racing.set(false);
    List<Integer> listed = listings.get(60, TimeUnit.SECONDS);
    colleague.shutdown();

    // then: one winner and one 409 in every race
    assertThat(claimOutcomes).hasSize(RACES).allMatch(o -> o.equals("[200, 409]"), "one claim won, one refused");
    assertThat(completeOutcomes).hasSize(RACES).allMatch(o -> o.equals("[200, 409]"),
        "one completion won, one refused");
    // and the list never failed when a task in it was completed while it was read
    assertThat(listed).isNotEmpty().containsOnly(200);
    // and every dossier moved on exactly once: one completed check, one appraisal waiting
    for (String code : codes) {
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code)
          .taskDefinitionKey("Task_CheckCompleteness").finished().count()).as(code).isEqualTo(1);
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_Appraise").count())
          .as(code).isEqualTo(1);
    }
  }

  /** Both officers send the same request at the same moment; their statuses, sorted. */
  private List<Integer> race(String path, Object body) throws Exception {
    CyclicBarrier start = new CyclicBarrier(OFFICERS.size());
    List<Future<Integer>> answers = new ArrayList<>();
    for (String officer : OFFICERS) {
      answers.add(officers.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        var answer = api.call(officer, HttpMethod.POST, path, body);
        if (answer.getStatusCode().value() == 409) {
          assertThat(String.valueOf(answer.getBody().get("detail"))).as("the loser is told why").isNotBlank();
        }
        return answer.getStatusCode().value();
      }));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> answer : answers) {
      statuses.add(answer.get(30, TimeUnit.SECONDS));
    }
    return statuses.stream().sorted().toList();
  }
}

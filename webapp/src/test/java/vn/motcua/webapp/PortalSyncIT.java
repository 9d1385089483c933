package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.workers.simulator.NationalPortal;
import vn.motcua.workers.simulator.SimulatedSystem.Faults;
import vn.motcua.workers.simulator.Simulators;

/**
 * Every change of a dossier reaches the national portal, in order, once — through an outbox written in the
 * transaction of the change, kept while the portal is down, delivered when it is back.
 */
class PortalSyncIT extends PostgresIntegrationTest {

  @Autowired
  private Simulators simulators;
  @Autowired
  private JdbcTemplate jdbc;

  private Api api;
  private NationalPortal portal;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    portal = simulators.portal();
  }

  @AfterEach
  void healPortal() {
    portal.faults(Faults.NONE);
  }

  @Test
  void shouldTellThePortalEveryChangeInOrderAndOnceWhenItFailsOften() {
    // given: the portal answers 503 to a fifth of the calls and takes a tenth without answering in time (the
    // deliverer repeats those: the idempotency key keeps them once)
    portal.faults(new Faults(0, 0.2, 0.1, 2_500));

    // when: a birth registration goes from submission to its result
    String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    api.complete("thuyhung.tuphap", code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện"));
    api.complete("thuyhung.chutich", code, "Task_Approve", Map.of("approval", "SIGN"));
    api.complete("thuyhung.motcua", code, "Task_ReturnResult", Map.of("returnMethod", "COUNTER",
        "receivedBy", "Nguyễn Văn An"));

    // then: the portal has every event, in the order of the changes, each once
    List<String> changes = jdbc.queryForList("select status || ':' || coalesce(stage, '-') from portal_outbox"
        + " where receipt_code = ? order by seq", String.class, code);
    assertThat(changes).containsExactly("SUBMITTED:RECEIVE", "IN_PROGRESS:APPRAISE", "IN_PROGRESS:APPROVE",
        "AWAITING_RETURN:RETURN", "RESULT_RETURNED:-");
    await().atMost(Duration.ofSeconds(60)).until(() -> portal.events(code).size() == changes.size()
        && jdbc.queryForObject("select count(*) from portal_outbox where receipt_code = ? and delivered_at is null",
            Long.class, code) == 0);
    assertThat(portal.events(code)).extracting(e -> e.status() + ":" + (e.stage() == null ? "-" : e.stage()))
        .containsExactlyElementsOf(changes);
    assertThat(portal.events(code)).extracting(NationalPortal.Event::seq).containsExactly(1, 2, 3, 4, 5);
    assertThat(portal.count("outOfOrder")).isZero();
  }

  @Test
  void shouldKeepTheChangesWhileThePortalIsDownAndDeliverThemWhenItIsBack() {
    // given: the portal is down
    portal.faults(new Faults(0, 1.0, 0, 0));

    // when: a dossier is received
    String code = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));

    // then: its changes wait in the outbox, tried again and again
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select min(attempts) from"
        + " portal_outbox where receipt_code = ? and seq = 1", Integer.class, code) >= 2);
    assertThat(portal.events(code)).isEmpty();

    // when: it is back
    portal.faults(Faults.NONE);

    // then
    await().atMost(Duration.ofSeconds(30)).until(() -> portal.events(code).size() == 2);
    assertThat(portal.events(code)).extracting(NationalPortal.Event::status)
        .containsExactly("SUBMITTED", "IN_PROGRESS");
  }
}

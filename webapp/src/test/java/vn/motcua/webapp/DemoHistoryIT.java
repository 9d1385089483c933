package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo installation of the README's run command: on the embedded H2 database, two months of dossiers replayed
 * through the engine up to a fixed Friday morning, with timers fired on the way, leave a history the board can show
 * and an engine that agrees with the read model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:motcua-demo;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false", "motcua.demo.history-months=2",
    "camunda.bpm.process-engine-name=demo"})
@ContextConfiguration(initializers = DemoHistoryIT.FridayMorning.class)
class DemoHistoryIT {

  @DynamicPropertySource
  static void simulators(DynamicPropertyRegistry registry) {
    SimulatorPorts.register(registry);
  }

  /** The moment the replay runs up to: Friday 20 November 2026, 10:00 in Hà Nội. */
  static final Instant REPLAYED_UNTIL = LocalDateTime.parse("2026-11-20T10:00")
      .atZone(PostgresIntegrationTest.VN).toInstant();

  /** Sets the engine clock before the application starts, so the replay ends at a known moment. */
  static class FridayMorning implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      ClockUtil.setCurrentTime(Date.from(REPLAYED_UNTIL));
    }
  }

  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private ManagementService management;
  @Autowired
  private TestRestTemplate rest;

  private long count(String where) {
    return jdbc.queryForObject("select count(*) from dossier where " + where, Long.class);
  }

  @Test
  void shouldReplayTwoMonthsOfDossiersAndGiveTheClockBack() {
    // then: October and November up to the Friday, every working day
    assertThat(count("1 = 1")).isGreaterThan(80);
    assertThat(jdbc.queryForList("select distinct received_month from dossier where received_month is not null"
        + " order by 1", Integer.class)).containsExactly(202610, 202611);
    assertThat(count("received_at > ?".replace("?", "timestamp '2026-11-20 03:00:00+00'"))).isZero();
    assertThat(ClockUtil.getCurrentTime().getTime()).as("the engine clock is back to now")
        .isCloseTo(System.currentTimeMillis(), within(60_000L));

    // then: most finished in time, some late and attributed to a stage and agency, some still running
    long finished = count("timeliness is not null");
    long inTime = count("timeliness in ('EARLY', 'ON_TIME')");
    assertThat((double) inTime / finished).isBetween(0.85, 0.99);
    assertThat(count("timeliness = 'LATE' and late_stage is not null and late_agency is not null")).isPositive();
    assertThat(count("status = 'REFUSED'")).isPositive();
    assertThat(count("finished_at is null")).isPositive();
  }

  @Test
  void shouldHaveFiredTheTimersAtTheirMomentsOnTheWay() {
    // then: nothing was due before the end of the replay and is still waiting
    assertThat(management.createJobQuery().duedateLowerThan(Date.from(REPLAYED_UNTIL)).list())
        .as("jobs due before the end of the replay").isEmpty();
    // then: late dossiers got their apology (form 04) and a new appointment after the original one
    List<String> apologized = jdbc.queryForList("select receipt_code from dossier where apologized_at is not null",
        String.class);
    assertThat(apologized).isNotEmpty().allSatisfy(code -> assertThat(jdbc.queryForObject("select count(*)"
        + " from dossier_document doc join dossier d on d.id = doc.dossier_id where d.receipt_code = ?"
        + " and doc.kind = 'APOLOGY_LETTER'", Long.class, code)).as(code).isEqualTo(1));
    assertThat(count("apologized_at is not null and (original_deadline is null or deadline <= original_deadline)"))
        .as("apologies without a later appointment").isZero();
    // then: overdue stages were escalated
    assertThat(count("escalation_level > 0")).isPositive();
    // then: some were sent back once for supplement, and the clock waited for the applicant
    assertThat(jdbc.queryForObject("select count(distinct dossier_id) from dossier_audit where action ="
        + " 'SUPPLEMENT_REQUESTED'", Long.class)).isPositive();
    // then: every applicant was told of the receipt with its appointment, each supplement asked, each apology and
    // each answer ready at the counter, in its time
    assertThat(jdbc.queryForObject("select count(*) from dossier_audit where action = 'NOTICE_SENT'", Long.class))
        .isEqualTo(count("deadline is not null")
            + jdbc.queryForObject("select count(*) from dossier_audit where action = 'SUPPLEMENT_REQUESTED'", Long.class)
            + jdbc.queryForObject("select count(*) from dossier_audit where action = 'DEADLINE_EXTENDED'", Long.class)
            + jdbc.queryForObject("select count(*) from dossier_stage where stage = 'RETURN'", Long.class))
        .isPositive();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_ext_task", Long.class)).isZero();
  }

  @Test
  void shouldKeepTheEngineAndTheReadModelInAgreement() {
    List<String> open = jdbc.queryForList("select receipt_code from dossier where finished_at is null", String.class);
    List<String> done = jdbc.queryForList("select receipt_code from dossier where finished_at is not null",
        String.class);
    assertThat(open).allSatisfy(code -> assertThat(runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(code).count()).as(code).isPositive());
    assertThat(done).allSatisfy(code -> assertThat(runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(code).count()).as(code).isZero());
    assertThat(jdbc.queryForObject("select count(*) from dossier_stage where started_at > ? or completed_at > ?",
        Long.class, java.sql.Timestamp.from(REPLAYED_UNTIL), java.sql.Timestamp.from(REPLAYED_UNTIL))).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldShowTheReplayedMonthOnTheProvinceBoard() {
    // when: October is over and the province supervisor reads it
    Map<String, Object> kpis = (Map<String, Object>) new Api(rest).call("giamsat.langson", HttpMethod.GET,
        "/api/v1/board/overview?period=2026-10", null).getBody().get("kpis");

    // then: the monthly figures are those of the dossiers
    assertThat(((Number) kpis.get("received")).longValue())
        .isEqualTo(count("received_month = 202610 and unit_province = '20'")).isPositive();
    assertThat(((Number) kpis.get("late")).longValue())
        .isEqualTo(count("finished_month = 202610 and unit_province = '20' and timeliness = 'LATE'"));

    // when: the province supervisor looks at what is overdue now
    Map<String, Object> overdue = new Api(rest).call("giamsat.langson", HttpMethod.GET,
        "/api/v1/board/lists/overdue", null).getBody();

    // then: the dossiers still on a desk past their deadline are there
    List<String> late = jdbc.queryForList("select receipt_code from dossier where finished_at is null and paused_at"
        + " is null and deadline < ? and unit_province = '20'", String.class, java.sql.Timestamp.from(REPLAYED_UNTIL));
    assertThat(late).isNotEmpty();
    assertThat(overdue.toString()).contains(late);
  }
}

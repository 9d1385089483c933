package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.webapp.board.BoardRollup;

/**
 * The supervisor's board on a small dataset of Trực Ninh district (Nam Định), October 2024, written straight into the
 * read model: jurisdiction, live lists and their filters, KPIs, delay attribution, and the Decision 766 index of
 * each commune and its ranking, every figure computed by hand in the comments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardIT extends PostgresIntegrationTest {

  private static final String SUPERVISOR = "giamsat.trucninh";
  private static final String PHUONG_DINH = "13750";
  private static final String CO_LE = "13735";
  private static final String TRUC_DAI = "13777";
  private static final String DISTRICT = "363";

  @Autowired
  private JdbcTemplate jdbc;

  @Autowired
  private BoardRollup rollup;

  private Api api;
  private int sequence;

  @BeforeAll
  void dataset() {
    api = new Api(rest);
    // results and refusals received and finished in October 2024
    // Phương Định: 4 — birth online early, extract online paid online on time, copies at the counter late,
    // marriage refused on time
    finished(PHUONG_DINH, "1.001193", "ONLINE", 0, null, "RESULT_RETURNED", "EARLY", true, true, 5, false);
    finished(PHUONG_DINH, "2.000635", "ONLINE", 8000, true, "RESULT_RETURNED", "ON_TIME", true, true, 4, true);
    Map<String, Object> late = finished(PHUONG_DINH, "2.000815", "COUNTER", 2000, false, "RESULT_RETURNED", "LATE",
        false, false, 2, false);
    attribute(late, "APPRAISE", "X13750", 240, "WORKLOAD");
    finished(PHUONG_DINH, "1.000894", "COUNTER", 0, null, "REFUSED", "ON_TIME", true, true, null, false);
    // Cổ Lễ: 2, online, on time, electronic, synced, rated 5
    finished(CO_LE, "1.001193", "ONLINE", 0, null, "RESULT_RETURNED", "ON_TIME", true, true, 5, true);
    finished(CO_LE, "2.000635", "ONLINE", 8000, true, "RESULT_RETURNED", "ON_TIME", true, true, 5, true);
    // Trực Đại: 1 copy at the counter, late, nothing electronic, not rated
    Map<String, Object> lateToo = finished(TRUC_DAI, "2.000815", "COUNTER", 2000, false, "RESULT_RETURNED", "LATE",
        false, false, null, false);
    attribute(lateToo, "APPRAISE", "X13777", 960, null);
    // the district's own construction permit, online, paid online, early
    finished(DISTRICT, "1.009997", "ONLINE", 75000, true, "RESULT_RETURNED", "EARLY", true, true, 4, false);

    // unfinished, received in September: overdue, due soon, waiting for a supplement, escalated
    open(PHUONG_DINH, "X13750", "phuongdinh.tuphap", "IN_PROGRESS", "2024-10-16T09:00", null, 0);
    open(CO_LE, "X13735", null, "IN_PROGRESS", "2024-10-22T09:00", null, 0);
    open(PHUONG_DINH, null, null, "AWAITING_SUPPLEMENT", "2024-10-13T09:00", "2024-10-11T09:00", 0);
    open(TRUC_DAI, "X13777", null, "IN_PROGRESS", "2024-10-15T09:00", null, 2);

    // figures reform officers entered for Phương Định in October
    String path = "/api/v1/board/index-inputs";
    assertThat(api.call("caicach.namdinh", HttpMethod.POST, path, input(PHUONG_DINH, "PublishedOnTime", 9, 10))
        .getStatusCode().value()).isEqualTo(201);
    api.call("caicach.namdinh", HttpMethod.POST, path, input(PHUONG_DINH, "DataReuse", 6, 10));
    api.call("caicach.namdinh", HttpMethod.POST, path, input(PHUONG_DINH, "FeedbackOnTime", 1, 2));
    // written straight into the table, as an import would: months an earlier run computed are computed again
    rollup.forget(Set.of(202409, 202410));
  }

  @BeforeEach
  void mondayTwentyFirstOfOctober() {
    now("2024-10-21T09:00");
  }

  private static Map<String, Object> input(String unit, String component, int numerator, int denominator) {
    return Map.of("unitCode", unit, "month", "2024-10", "component", component, "numerator", numerator,
        "denominator", denominator);
  }

  private Map<String, Object> row(String unit, String procedure, String channel, long fee) {
    boolean district = unit.equals(DISTRICT);
    Map<String, Object> row = new HashMap<>();
    row.put("receipt_code", (district ? "H363" : "X" + unit) + "-BOARD-" + (++sequence));
    row.put("procedure_code", procedure);
    row.put("procedure_name", "Thủ tục " + procedure);
    row.put("process_definition_id", "seeded:" + procedure);
    row.put("channel", channel);
    row.put("applicant_name", "Trần Thị Bình");
    row.put("applicant_id_number", "036190001234");
    row.put("applicant_category", "CITIZEN");
    row.put("province_code", "36");
    row.put("district_code", DISTRICT);
    row.put("commune_code", district ? PHUONG_DINH : unit);
    row.put("admin_structure", "THREE_LEVEL");
    row.put("rule_set_version", "2024");
    row.put("receiving_agency", district ? "H363" : "X" + unit);
    row.put("fee_amount", fee);
    row.put("submitted_by", "citizen");
    row.put("sector", "Hộ tịch");
    row.put("unit_code", unit);
    row.put("unit_level", district ? "DISTRICT" : "COMMUNE");
    row.put("unit_province", "36");
    row.put("unit_district", DISTRICT);
    return row;
  }

  private Map<String, Object> finished(String unit, String procedure, String channel, long fee, Boolean paidOnline,
      String status, String timeliness, boolean electronic, boolean digitized, Integer rating, boolean synced) {
    Map<String, Object> row = row(unit, procedure, channel, fee);
    row.put("status", status);
    row.put("submitted_at", at("2024-10-07T08:00"));
    row.put("received_at", at("2024-10-07T09:00"));
    row.put("received_month", 202410);
    row.put("deadline", at("2024-10-14T09:00"));
    row.put("finished_at", at("2024-10-15T10:00"));
    row.put("finished_month", 202410);
    row.put("timeliness", timeliness);
    row.put("paid_online", paidOnline);
    row.put("electronic_result", electronic);
    row.put("digitized", digitized);
    row.put("rating", rating);
    row.put("portal_synced", synced);
    insert(row);
    return row;
  }

  private void attribute(Map<String, Object> row, String stage, String agency, int minutes, String cause) {
    jdbc.update("update dossier set late_stage = ?, late_agency = ?, late_minutes = ?, delay_cause = ?"
        + " where receipt_code = ?", stage, agency, minutes, cause, row.get("receipt_code"));
  }

  private void open(String unit, String agency, String officer, String status, String deadline, String pausedAt,
      int escalation) {
    Map<String, Object> row = row(unit, "2.000815", "COUNTER", 2000);
    row.put("status", status);
    row.put("submitted_at", at("2024-09-30T08:00"));
    row.put("received_at", at("2024-09-30T09:00"));
    row.put("received_month", 202409);
    row.put("deadline", at(deadline));
    row.put("current_agency", agency);
    row.put("current_assignee", officer);
    row.put("current_stage", agency == null ? "SUPPLEMENT" : "APPRAISE");
    row.put("paused_at", pausedAt == null ? null : at(pausedAt));
    row.put("escalation_level", escalation);
    row.put("escalated_to", escalation > 0 ? "H363.supervision" : null);
    insert(row);
  }

  private void insert(Map<String, Object> row) {
    List<String> columns = List.copyOf(row.keySet());
    jdbc.update("insert into dossier (" + String.join(", ", columns) + ") values ("
        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
        columns.stream().map(row::get).toArray());
  }

  private static Timestamp at(String local) {
    return Timestamp.from(LocalDateTime.parse(local).atZone(VN).toInstant());
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String user, String list, String query) {
    ResponseEntity<Map<String, Object>> response = api.call(user, HttpMethod.GET,
        "/api/v1/board/lists/" + list + query, null);
    assertThat(response.getStatusCode().value()).as("%s: %s", list, response.getBody()).isEqualTo(200);
    return (List<Map<String, Object>>) response.getBody().get("rows");
  }

  private Map<String, Object> overview(String user, String query) {
    ResponseEntity<Map<String, Object>> response = api.call(user, HttpMethod.GET, "/api/v1/board/overview" + query,
        null);
    assertThat(response.getStatusCode().value()).as("overview: %s", response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  @Test
  void shouldListWhatIsLateSoonDuePausedAndEscalatedWithWhoHoldsIt() {
    // when
    List<Map<String, Object>> overdue = rows(SUPERVISOR, "overdue", "");
    List<Map<String, Object>> dueSoon = rows(SUPERVISOR, "due-soon", "?dueDays=1");
    List<Map<String, Object>> paused = rows(SUPERVISOR, "paused", "");
    List<Map<String, Object>> escalated = rows(SUPERVISOR, "escalated", "");

    // then: the waiting dossier is past its date but paused, so not overdue; the most overdue comes first
    assertThat(overdue).extracting(r -> r.get("agencyCode")).containsExactly("X13777", "X13750");
    assertThat(overdue.get(1)).containsEntry("officer", "phuongdinh.tuphap").containsEntry("stage", "APPRAISE");
    // Wednesday 16th 09:00 to Monday 21st 09:00: 3 working days late
    assertThat(number(overdue.get(1).get("remainingWorkingDays"))).isEqualTo(-3.0);
    assertThat(dueSoon).extracting(r -> r.get("agencyCode")).containsExactly("X13735");
    assertThat(number(dueSoon.get(0).get("remainingWorkingDays"))).isEqualTo(1.0);
    assertThat(paused).singleElement().satisfies(r -> assertThat(r).containsEntry("status", "AWAITING_SUPPLEMENT"));
    assertThat(escalated).singleElement().satisfies(r -> assertThat(r).containsEntry("escalationLevel", 2)
        .containsEntry("escalatedTo", "H363.supervision"));
  }

  @Test
  void shouldNarrowTheListsByUnitAgencyOfficerAndLevel() {
    // when / then
    assertThat(rows(SUPERVISOR, "overdue", "?unit=" + PHUONG_DINH)).extracting(r -> r.get("agencyCode"))
        .containsExactly("X13750");
    assertThat(rows(SUPERVISOR, "overdue", "?agency=X13777")).extracting(r -> r.get("agencyCode"))
        .containsExactly("X13777");
    assertThat(rows(SUPERVISOR, "overdue", "?officer=phuongdinh.tuphap")).hasSize(1);
    assertThat(rows(SUPERVISOR, "overdue", "?level=DISTRICT")).isEmpty();
    assertThat(rows(SUPERVISOR, "due-soon", "?dueDays=1&procedure=1.009997")).isEmpty();
  }

  @Test
  void shouldShowEachSupervisorOnlyTheirJurisdiction() {
    // when: Thụy Hùng's supervisor looks at Trực Ninh, or at one of its communes
    ResponseEntity<Map<String, Object>> outside = api.call("giamsat.thuyhung", HttpMethod.GET,
        "/api/v1/board/lists/overdue?unit=" + PHUONG_DINH, null);

    // then
    assertThat(outside.getStatusCode().value()).isEqualTo(403);
    assertThat(outside.getBody().get("detail").toString()).contains(PHUONG_DINH);
    assertThat(rows("giamsat.thuyhung", "overdue", "")).noneMatch(r -> "363".equals(r.get("unitCode"))
        || String.valueOf(r.get("agencyCode")).startsWith("X137"));
    // Nam Định's reform officer (the province) sees the district's dossiers; a citizen and an officer see no board
    assertThat(rows("caicach.namdinh", "overdue", "")).hasSize(2);
    assertThat(api.call("citizen", HttpMethod.GET, "/api/v1/board/lists/overdue", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(api.call("thuyhung.tuphap", HttpMethod.GET, "/api/v1/board/lists/overdue", null).getStatusCode()
        .value()).isEqualTo(403);
  }

  @Test
  void shouldRefuseBadFiltersWithAClearMessage() {
    // when / then
    ResponseEntity<Map<String, Object>> badPeriod = api.call(SUPERVISOR, HttpMethod.GET,
        "/api/v1/board/overview?period=2025-13", null);
    assertThat(badPeriod.getStatusCode().value()).isEqualTo(400);
    assertThat(badPeriod.getBody().get("detail").toString()).contains("2025-13");
    assertThat(api.call(SUPERVISOR, HttpMethod.GET, "/api/v1/board/lists/overdue?dueDays=99", null)
        .getStatusCode().value()).isEqualTo(400);
    assertThat(api.call(SUPERVISOR, HttpMethod.GET, "/api/v1/board/lists/late", null).getStatusCode().value())
        .isEqualTo(404);
    assertThat(api.call("caicach.namdinh", HttpMethod.POST, "/api/v1/board/index-inputs",
        input(PHUONG_DINH, "OnTime", 1, 2)).getStatusCode().value()).isEqualTo(400);
    assertThat(api.call("caicach.namdinh", HttpMethod.POST, "/api/v1/board/index-inputs",
        input(PHUONG_DINH, "PublishedOnTime", 3, 2)).getStatusCode().value()).isEqualTo(400);
    assertThat(api.call(SUPERVISOR, HttpMethod.POST, "/api/v1/board/index-inputs",
        input(PHUONG_DINH, "PublishedOnTime", 1, 2)).getStatusCode().value()).isEqualTo(403);
    assertThat(api.call("caicach.namdinh", HttpMethod.POST, "/api/v1/board/index-inputs",
        input("06148", "PublishedOnTime", 1, 2)).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldCountTheDistrictsKpisForTheMonth() {
    // when
    Map<String, Object> kpis = (Map<String, Object>) overview(SUPERVISOR, "?period=2024-10").get("kpis");

    // then: 8 received and finished; 2 early, 4 on time, 2 late; 5 online; 5 with a fee, 3 paid online;
    // 6 digitized; 6 rated, 5 satisfied; now 4 in progress (received in September), 2 overdue (one is paused)
    assertThat(kpis).containsEntry("received", 8).containsEntry("finished", 8).containsEntry("early", 2)
        .containsEntry("onTime", 4).containsEntry("late", 2).containsEntry("online", 5)
        .containsEntry("feeDossiers", 5).containsEntry("paidOnline", 3).containsEntry("digitized", 6)
        .containsEntry("rated", 6).containsEntry("satisfied", 5).containsEntry("inProgress", 4)
        .containsEntry("overdue", 2);
    assertThat(number(kpis.get("onTimeShare"))).isEqualTo(0.75);
    assertThat(number(kpis.get("onlineShare"))).isEqualTo(0.625);
    assertThat(number(kpis.get("onlinePaymentShare"))).isEqualTo(0.6);
    assertThat(number(kpis.get("digitizedShare"))).isEqualTo(0.75);
    assertThat(number(kpis.get("satisfaction"))).isCloseTo(5.0 / 6, within(1e-9));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldAttributeEachLateDossierToTheStageAndAgencyThatMadeItLate() {
    // when
    List<Map<String, Object>> delays = (List<Map<String, Object>>) overview(SUPERVISOR, "?period=2024-10")
        .get("delays");

    // then: half a day at Phương Định's appraisal (workload), two days at Trực Đại's (no cause stated)
    assertThat(delays).hasSize(2);
    assertThat(delays).filteredOn(d -> "X13750".equals(d.get("agencyCode"))).singleElement().satisfies(d -> {
      assertThat(d).containsEntry("stage", "APPRAISE").containsEntry("dossiers", 1);
      assertThat(number(d.get("averageDaysLate"))).isEqualTo(0.5);
      assertThat((Map<String, Object>) d.get("causes")).containsEntry("WORKLOAD", 1);
    });
    assertThat(delays).filteredOn(d -> "X13777".equals(d.get("agencyCode"))).singleElement().satisfies(d -> {
      assertThat(number(d.get("averageDaysLate"))).isEqualTo(2.0);
      assertThat((Map<String, Object>) d.get("causes")).containsEntry("UNSTATED", 1);
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldComputeTheDecision766IndexOfEachCommuneAndRankThem() {
    // when
    List<Map<String, Object>> ranking = (List<Map<String, Object>>) overview(SUPERVISOR, "?period=2024-10")
        .get("ranking");

    // then: Cổ Lễ first, Phương Định second, Trực Đại third (the district's own dossiers are not a commune)
    assertThat(ranking).extracting(r -> ((Map<String, Object>) r.get("result")).get("unitCode"))
        .containsExactly(CO_LE, PHUONG_DINH, TRUC_DAI);
    assertThat(ranking).extracting(r -> r.get("rank")).containsExactly(1, 2, 3);

    // Phương Định, by hand. Commune procedures (the catalogue as published today): 7, of which 3 fully online.
    // 1 publicity: published on time 9/10 × 6 = 5.40; updated, content: not entered = 0; synced 1/4 × 6 = 1.50
    // 2 progress: (1 early + 2 on time) / 4 × 20 = 15.00
    // 3 online: min(2, 2 × 3/7 / 0.8) = 1.07; procedures with online dossiers 2/7 × 4 = 1.14; online 2/4 → 6.00
    // 4 digitization: electronic results 3/4 × 6 = 4.50; digitized 3/4 × 4 = 3.00; reuse 0.6 / 0.8 × 2 = 1.50
    // 5 payment: offered: not entered = 0; procedures paid online 1/2 × 2 = 1.00; paid online 1/2 × 6 = 3.00
    // 6 satisfaction: feedback on time 1/2 × 6 = 3.00; feedback satisfaction: none = 6.00;
    //   satisfied 2/3 ÷ 0.9 × 6 = 4.44
    assertIndex(ranking.get(1), 6.90, 15.00, 8.21, 9.00, 4.00, 13.44, 56.55);
    // Cổ Lễ: synced 2/2 = 6; on time 2/2 = 20; 1.07 + 1.14 + 6; electronic 6 + digitized 4; paid 2 + 6;
    //   feedback: none = 6 + 6, satisfied 2/2 = 6
    assertIndex(ranking.get(0), 6.00, 20.00, 8.21, 10.00, 8.00, 18.00, 70.21);
    // Trực Đại: nothing online, electronic or paid, late, not rated: only 1.07 and the 12 of no feedback
    assertIndex(ranking.get(2), 0.00, 0.00, 1.07, 0.00, 0.00, 12.00, 13.07);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldGiveAMonthThatIsOverTheSameFiguresAsWhileItRan() {
    // given: October while it runs (read live from the dossiers)
    Map<String, Object> running = overview(SUPERVISOR, "?period=2024-10");

    // when: in December, October is over (read from the monthly figures)
    now("2024-12-04T09:00");
    Map<String, Object> over = overview(SUPERVISOR, "?period=2024-10");

    // then: the same counts, delays and index; in progress is now what was open at the end of October
    Map<String, Object> before = new HashMap<>((Map<String, Object>) running.get("kpis"));
    Map<String, Object> after = new HashMap<>((Map<String, Object>) over.get("kpis"));
    assertThat(after.remove("inProgress")).isEqualTo(4);
    assertThat(after.remove("overdue")).isNull();
    before.remove("inProgress");
    before.remove("overdue");
    assertThat(after).isEqualTo(before);
    assertThat(over.get("delays")).isEqualTo(running.get("delays"));
    assertThat(over.get("ranking")).isEqualTo(running.get("ranking"));
    assertThat(((List<Map<String, Object>>) over.get("trend"))).filteredOn(m -> "2024-10".equals(m.get("month")))
        .singleElement().satisfies(m -> assertThat(m).containsEntry("received", 8).containsEntry("finished", 8)
            .containsEntry("onTime", 6));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldComputeAClosedMonthAgainWhenOneOfItsDossiersChanges() {
    // given: a birth dossier received at Thụy Hùng in November 2026
    now("2026-11-16T09:00");
    String code = (String) api.submit("citizen", Api.dossierRequest("1.001193", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    String query = "?period=2026-11&unit=06148&procedure=1.001193";

    // when: in December, November's figures are computed; then a scan of its components is attached
    now("2026-12-10T09:00");
    Map<String, Object> before = (Map<String, Object>) overview("giamsat.thuyhung", query).get("kpis");
    assertThat(api.attach("thuyhung.motcua", code, null, "SCAN", "to-khai.pdf", Api.pdf("tờ khai khai sinh"))
        .getStatusCode().value()).isEqualTo(201);
    Map<String, Object> after = (Map<String, Object>) overview("giamsat.thuyhung", query).get("kpis");

    // then: November counts one more digitized dossier, and nothing else changed
    assertThat(number(after.get("digitized"))).isEqualTo(number(before.get("digitized")) + 1);
    assertThat(after.get("received")).isEqualTo(before.get("received"));
  }

  @SuppressWarnings("unchecked")
  private static void assertIndex(Map<String, Object> ranked, double... expected) {
    Map<String, Object> result = (Map<String, Object>) ranked.get("result");
    Map<String, Object> groups = (Map<String, Object>) result.get("groups");
    for (int group = 1; group <= 6; group++) {
      assertThat(number(groups.get(String.valueOf(group)))).as("%s group %d", result.get("unitCode"), group)
          .isCloseTo(expected[group - 1], within(0.005));
    }
    assertThat(number(result.get("total"))).as("%s total", result.get("unitCode")).isCloseTo(expected[6],
        within(0.005));
  }
}

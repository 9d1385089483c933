package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import java.time.Duration;
import java.util.HashMap;
import org.springframework.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.workers.simulator.Simulators;

/**
 * Every procedure, submitted through the REST API and driven to its result by the demo users of the agencies the
 * routing decision names, on PostgreSQL: deadline, candidate groups, stage history and final status.
 */
class ProcedureLifecycleIT extends PostgresIntegrationTest {

  private static final String CHECK = "Task_CheckCompleteness";
  private static final String ACCEPT = "Task_AcceptTransfer";
  private static final String APPRAISE = "Task_Appraise";
  private static final String APPROVE = "Task_Approve";
  private static final String RETURN = "Task_ReturnResult";
  /** Not a task: the applicant pays the financial obligations and an officer records the receipt. */
  private static final String PAID = "obligations-paid";
  private static final String POSTAL_ADDRESS = "Số 12 đường Hoàng Văn Thụ, xã Thất Khê, tỉnh Lạng Sơn";

  @Autowired
  private Simulators simulators;
  @Autowired
  private org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  private org.camunda.bpm.engine.HistoryService history;
  @org.springframework.boot.test.web.server.LocalServerPort
  private int port;

  /** A step: who does it, which task, in which candidate group, with what decisions. */
  record Step(String user, String taskKey, String group, Map<String, Object> values) {
  }

  /** A dossier from submission to result. */
  record Scenario(String name, String submitter, Map<String, Object> request, long fee, String deadline,
                  String finalStatus, List<Step> steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  private Api api;

  @BeforeEach
  void mondayMorning() {
    api = new Api(rest);
    // received on Monday 16 November 2026 at 09:00, Hà Nội time
    now("2026-11-16T09:00");
  }

  static Step step(String user, String taskKey, String group, Object... values) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < values.length; i += 2) {
      map.put((String) values[i], values[i + 1]);
    }
    return new Step(user, taskKey, group, map);
  }

  static List<Step> singleAgency(String counter, String receiving, String specialist, String leader,
      String handling, Step... afterIntake) {
    List<Step> steps = new java.util.ArrayList<>();
    steps.add(step(counter, CHECK, receiving + ".counter", "completeness", "COMPLETE"));
    steps.addAll(List.of(afterIntake));
    steps.add(step(specialist, APPRAISE, handling + ".specialist", "appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Hồ sơ đủ điều kiện"));
    steps.add(step(leader, APPROVE, handling + ".leader", "approval", "SIGN"));
    steps.add(step(counter, RETURN, receiving + ".counter", "returnMethod", "COUNTER", "receivedBy", "Nguyễn Văn An"));
    return steps;
  }

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario("birth registration, commune, same day", "citizen", dossierRequest("1.001193", "06148"), 0,
            "2026-11-16T17:00:00+07:00", "RESULT_RETURNED",
            singleAgency("thuyhung.motcua", "X06148", "thuyhung.tuphap", "thuyhung.chutich", "X06148")),
        new Scenario("marriage registration with verification: five working days", "citizen",
            dossierRequest("1.000894", "06148"), 0, "2026-11-23T09:00:00+07:00", "RESULT_RETURNED", List.of(
                step("thuyhung.motcua", CHECK, "X06148.counter", "completeness", "COMPLETE"),
                step("thuyhung.tuphap", APPRAISE, "X06148.specialist", "appraisal", "VERIFY",
                    "appraisalNote", "Cần xác minh tình trạng hôn nhân"),
                step("thuyhung.tuphap", "Task_Verify", "X06148.specialist", "verificationResult", "Đã xác minh"),
                step("thuyhung.tuphap", APPRAISE, "X06148.specialist", "appraisal", "PROPOSE_APPROVE",
                    "appraisalNote", "Đủ điều kiện"),
                step("thuyhung.chutich", APPROVE, "X06148.leader", "approval", "SIGN"),
                step("thuyhung.motcua", RETURN, "X06148.counter", "returnMethod", "COUNTER",
                    "receivedBy", "Hai bên nam, nữ"))),
        new Scenario("civil-status extract copies recorded at the counter", "thuyhung.motcua",
            dossierRequest("2.000635", "06148", "channel", "COUNTER", "copies", 3), 24_000, "2026-11-16T17:00:00+07:00",
            "RESULT_RETURNED",
            singleAgency("thuyhung.motcua", "X06148", "thuyhung.tuphap", "thuyhung.chutich", "X06148")),
        new Scenario("certifying copies: one working day, fee per page", "citizen",
            dossierRequest("2.000815", "06148", "copies", 2, "pages", 5), 14_000, "2026-11-17T09:00:00+07:00",
            "RESULT_RETURNED",
            singleAgency("thuyhung.motcua", "X06148", "thuyhung.tuphap", "thuyhung.chutich", "X06148")),
        new Scenario("household business: the commune receives and handles it (two-level)", "citizen",
            dossierRequest("1.001612", "06148"), 50_000, "2026-11-19T09:00:00+07:00", "RESULT_RETURNED",
            singleAgency("thuyhung.motcua", "X06148", "thuyhung.tuphap", "thuyhung.chutich", "X06148")),
        new Scenario("construction permit with a site inspection: fifteen working days", "citizen",
            dossierRequest("1.013225", "06148"), 75_000, "2026-12-07T09:00:00+07:00", "RESULT_RETURNED", List.of(
                step("thuyhung.motcua", CHECK, "X06148.counter", "completeness", "COMPLETE"),
                step("thuyhung.tuphap", APPRAISE, "X06148.specialist", "appraisal", "INSPECT",
                    "appraisalNote", "Kiểm tra hiện trạng"),
                step("thuyhung.tuphap", "Task_InspectSite", "X06148.specialist", "inspectionRecord", "Phù hợp"),
                step("thuyhung.tuphap", APPRAISE, "X06148.specialist", "appraisal", "PROPOSE_APPROVE",
                    "appraisalNote", "Đủ điều kiện cấp phép"),
                step("thuyhung.chutich", APPROVE, "X06148.leader", "approval", "SIGN"),
                step("thuyhung.motcua", RETURN, "X06148.counter", "returnMethod", "POST",
                    "postalAddress", POSTAL_ADDRESS))),
        new Scenario("driving licence: provincial centre receives, the traffic police handle", "citizen",
            dossierRequest("1.002809", "06148"), 135_000, "2026-11-23T09:00:00+07:00", "RESULT_RETURNED",
            singleAgency("tthcc.langson", "TTHCC20", "csgt.langson", "csgt.langson.lanhdao", "CSGT20",
                step("csgt.langson", ACCEPT, "CSGT20.counter", "transferAccepted", true))),
        new Scenario("first land-use certificate across four agencies: seventeen working days online", "citizen",
            dossierRequest("1.013978", "06148"), 100_000, "2026-12-09T09:00:00+07:00", "RESULT_RETURNED", List.of(
                step("thuyhung.motcua", CHECK, "X06148.counter", "completeness", "COMPLETE"),
                step("thuyhung.tuphap", "Task_VerifyLandOrigin", "X06148.specialist", "landVerification", "CONFIRMED",
                    "landOriginNote", "Sử dụng ổn định từ năm 1993, không tranh chấp"),
                step("vpdk.langson", ACCEPT, "VPDK20.counter", "transferAccepted", true),
                step("vpdk.langson", "Task_AppraiseLandRecord", "VPDK20.specialist", "appraisal", "ELIGIBLE",
                    "appraisalNote", "Đủ điều kiện cấp Giấy chứng nhận"),
                step("thue.langson", ACCEPT, "THUE20.counter", "transferAccepted", true),
                step("thue.langson", "Task_AssessFinancialObligations", "THUE20.specialist",
                    "taxAmount", 12_500_000, "taxNoticeNumber", "TB-2026/118"),
                step("thue.langson", PAID, "APPLICANT", "paymentReference", "BL-556677"),
                step("vpdk.langson", "Task_ConfirmObligationsPaid", "VPDK20.specialist", "taxPaid", true,
                    "paymentReference", "BL-556677"),
                step("thuyhung.motcua", ACCEPT, "X06148.counter", "transferAccepted", true),
                step("thuyhung.chutich", "Task_SignCertificate", "X06148.leader", "approval", "SIGN"),
                step("thuyhung.motcua", RETURN, "X06148.counter", "returnMethod", "COUNTER",
                    "receivedBy", "Nguyễn Văn An"))),
        new Scenario("birth registration under the two-level structure (Tuyên Quang)", "tranthibinh",
            dossierRequest("1.001193", "02269"), 0, "2026-11-16T17:00:00+07:00", "RESULT_RETURNED",
            singleAgency("thuonglam.motcua", "X02269", "thuonglam.chuyenvien", "thuonglam.chutich", "X02269")),
        new Scenario("household business moves to the commune under the two-level structure", "tranthibinh",
            dossierRequest("1.001612", "02269"), 100_000, "2026-11-19T09:00:00+07:00", "RESULT_RETURNED",
            singleAgency("thuonglam.motcua", "X02269", "thuonglam.chuyenvien", "thuonglam.chutich", "X02269")),
        new Scenario("counter refuses a dossier that is not admissible", "citizen", dossierRequest("1.013225", "06148"),
            75_000, null, "REFUSED", List.of(
                step("thuyhung.motcua", CHECK, "X06148.counter", "completeness", "REFUSE",
                    "refusalReason", "Công trình thuộc thẩm quyền cấp phép của tỉnh"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void shouldTakeEveryDossierToItsResultWhenTheDemoUsersDoEachStep(Scenario scenario) {
    // given / when
    String code = drive(scenario);

    // then: finished (by post, once the worker has ordered the postal service to pick the result up)
    Map<String, Object> dossier = await().atMost(Duration.ofSeconds(30))
        .until(() -> api.dossier(scenario.submitter(), code), d -> d.get("finishedAt") != null);
    assertThat(dossier.get("status")).isEqualTo(scenario.finalStatus());
    if (scenario.steps().stream().anyMatch(step -> "POST".equals(step.values().get("returnMethod")))) {
      assertThat(simulators.postal().orders()).filteredOn(order -> order.item().endsWith(code)).singleElement()
          .satisfies(order -> assertThat(order.address()).isEqualTo(POSTAL_ADDRESS));
    }
    assertThat(dossier.get("deadline")).isEqualTo(scenario.deadline());
    assertThat(dossier.get("finishedAt")).isNotNull();
    // the fee, paid at the counter before it checked the dossier, is the applicant's part of the tracking sheet
    boolean fee = ((Number) ((Map<String, Object>) dossier.get("fee")).get("amount")).longValue() > 0;
    assertThat(stages(dossier).get(0).get("stage")).isEqualTo(fee ? "FEE" : "RECEIVE");
    List<Map<String, Object>> stages = stages(dossier).stream().filter(s -> !"FEE".equals(s.get("stage"))).toList();
    assertThat(stages).extracting(s -> s.get("candidateGroup"))
        .containsExactlyElementsOf(scenario.steps().stream().map(Step::group).toList());
    assertThat(stages).allSatisfy(stage -> {
      assertThat(stage).containsEntry("state", "COMPLETED");
      assertThat(stage.get("completedBy")).isNotNull();
    });
    for (int i = 1; i < stages.size(); i++) {
      assertThat(stages.get(i).get("handedOverBy")).as("hand-over into stage %d", i)
          .isEqualTo(stages.get(i - 1).get("completedBy"));
    }
    if (scenario.deadline() != null) {
      // everything happened at Monday 09:00, well before any deadline
      assertThat(dossier.get("timeliness")).isIn("EARLY", "ON_TIME");
    }
    assertEngineKeptOnlyWhatIsRead(code, scenario.steps().stream().filter(s -> !PAID.equals(s.taskKey())).count());
  }

  /**
   * The engine's history level "motcua": the dossier's process instances (tracking, Cockpit) and its steps (who did
   * what; a step done answers 409) are there; what motcua records itself (activities, variables, decisions) is not.
   */
  private void assertEngineKeptOnlyWhatIsRead(String code, long steps) {
    String[] instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list().stream()
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toArray(String[]::new);
    assertThat(instances).isNotEmpty();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code).finished().count())
        .isGreaterThanOrEqualTo(steps);
    for (String instance : instances) {
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).isZero();
      assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance).count()).isZero();
    }
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceIdIn(instances).count()).isZero();
  }

  @Test
  void shouldOfferTheLandCertificateItIssuedWhenTheSamePersonAppliesForABuildingPermit() {
    // given: the citizen's first land-use certificate was issued and returned
    String land = drive(scenarios().filter(s -> s.request().get("procedureCode").equals("1.013978")).findFirst()
        .orElseThrow());
    await().atMost(Duration.ofSeconds(30)).until(() -> api.dossier("citizen", land).get("status"),
        "RESULT_RETURNED"::equals);
    WebSession citizen = new WebSession(port, "citizen");

    // when: they apply for a building permit online
    String form = "/cong-dan/nop/1.013225";
    String page = citizen.get(form + "?lang=vi").body();

    // then: the proof of land-use rights is the certificate they were issued, on offer instead of an upload
    Matcher offered = Pattern.compile("name=\"reuse_GIAY_TO_QUYEN_SU_DUNG_DAT\" value=\"(\\d+)\"").matcher(page);
    assertThat(offered.find()).as("the certificate on offer").isTrue();
    assertThat(page).contains("Dùng kết quả đã được cấp cho Ông/Bà");

    // when: they submit with it
    Map<String, Object> fields = new HashMap<>(Map.of("fullName", "Nguyễn Văn An", "idNumber", "020190001234",
        "phone", "0912345678", "communeCode", "06148", "reuse_GIAY_TO_QUYEN_SU_DUNG_DAT", offered.group(1),
        "file_DON_DE_NGHI_GPXD", new WebSession.FilePart("don.pdf", Api.pdf("đơn")),
        "file_BAN_VE_THIET_KE", new WebSession.FilePart("ban-ve.pdf", Api.pdf("bản vẽ"))));
    assertThat(citizen.postMultipart(form, form, fields).statusCode()).isEqualTo(302);

    // then: the new dossier holds the issued certificate as that component
    assertThat(jdbc.queryForObject("select count(*) from dossier_document d join dossier x on x.id = d.dossier_id"
        + " where x.procedure_code = '1.013225' and d.requirement_code = 'GIAY_TO_QUYEN_SU_DUNG_DAT'"
        + " and d.reused_from = ?", Long.class, Long.valueOf(offered.group(1)))).isEqualTo(1);
  }

  /** Submits the scenario's dossier and has each of its steps done by the user it names. */
  private String drive(Scenario scenario) {
    Map<String, Object> submitted = api.submit(scenario.submitter(), scenario.request());
    String code = (String) submitted.get("receiptCode");
    assertThat(code).matches("[A-Z0-9-]+-261116-\\d{4}");
    assertThat(((Number) ((Map<?, ?>) submitted.get("fee")).get("amount")).longValue()).isEqualTo(scenario.fee());
    for (Step step : scenario.steps()) {
      if (step.taskKey().equals(PAID)) {
        // the applicant pays the tax notice; the counter records the receipt
        assertThat(api.dossier(scenario.submitter(), code)).containsEntry("status", "AWAITING_PAYMENT");
        assertThat(api.call(step.user(), HttpMethod.POST, "/api/v1/dossiers/" + code + "/obligations-paid",
            step.values()).getStatusCode().value()).isEqualTo(200);
        continue;
      }
      Map<String, Object> task = api.task(step.user(), code, step.taskKey());
      assertThat(task.get("candidateGroups")).as(step.taskKey()).isEqualTo(List.of(step.group()));
      if (!step.taskKey().equals(CHECK) && !step.taskKey().equals(ACCEPT)) {
        // every handling step is due by its stage's deadline (the stage's budget, within the dossier's deadline);
        // returning the result, by the dossier's deadline
        Map<String, Object> dossier = api.dossier(scenario.submitter(), code);
        assertThat(task.get("due")).as("due date of %s", step.taskKey()).isEqualTo(step.taskKey().equals(RETURN)
            ? dossier.get("deadline") : ((Map<?, ?>) dossier.get("supervision")).get("stageDeadline"));
      }
      api.complete(step.user(), code, step.taskKey(), step.values());
    }
    return code;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> stages(Map<String, Object> dossier) {
    return (List<Map<String, Object>>) dossier.get("stages");
  }
}

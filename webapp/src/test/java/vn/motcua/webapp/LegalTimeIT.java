package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.webapp.Api.dossierRequest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import vn.motcua.workers.simulator.Simulators;

/**
 * Legal time running by itself across Tết 2027: a construction permit received on Monday 1 February 2027, just
 * before the Lunar New Year holidays (5–11 February, with compensatory days), counts 15 working days to Monday
 * 1 March. The test moves the engine clock and runs the jobs then due, as the job executor would, and follows the
 * warning, the apology task, the new appointment and the two escalations as the read model and the audit show them.
 */
class LegalTimeIT extends PostgresIntegrationTest {

  private static final String SPECIALIST = "thuyhung.tuphap";
  private static final String DIVISION_LEADER = "thuyhung.chutich";
  private static final String PROVINCE_SUPERVISOR = "giamsat.langson";

  @Autowired
  private ManagementService management;

  @Autowired
  private RuntimeService runtime;

  @Autowired
  private Simulators simulators;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  /**
   * Runs the dossier's jobs due at the engine's current time, earliest first, until none is left, as the job
   * executor would (other tests' dossiers keep their timers).
   */
  private int runDueJobs(String code) {
    int ran = 0;
    List<Job> due;
    while (!(due = dueJobs(code)).isEmpty()) {
      for (Job job : due) {
        management.executeJob(job.getId());
        ran++;
      }
    }
    return ran;
  }

  private List<Job> dueJobs(String code) {
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list().stream()
        .map(ProcessInstance::getId).toList();
    return management.createJobQuery().executable().orderByJobDuedate().asc().list().stream()
        .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> audit(String code, String action) {
    Map<String, Object> history = api.call("citizen", HttpMethod.GET, "/api/v1/dossiers/" + code + "/history", null)
        .getBody();
    return ((List<Map<String, Object>>) history.get("audit")).stream()
        .filter(entry -> action.equals(entry.get("action"))).toList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> supervision(String code) {
    return (Map<String, Object>) api.dossier("citizen", code).get("supervision");
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  private boolean hasTask(String user, String code, String taskKey) {
    return api.tasks(user).stream()
        .anyMatch(t -> code.equals(t.get("receiptCode")) && taskKey.equals(t.get("taskKey")));
  }

  @Test
  void shouldWarnApologiseAndEscalateAtTheRightWorkingDayMomentsAcrossTet() throws Exception {
    // given: received on Monday 1 February 2027 at 09:00 by Thụy Hùng commune, which handles it (two-level)
    now("2027-02-01T09:00");
    String code = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));

    // then: 15 working days skip Tết (5, 8–11 February) and the weekends
    Map<String, Object> dossier = api.dossier("citizen", code);
    assertThat(dossier.get("deadline")).isEqualTo("2027-03-01T09:00:00+07:00");
    assertThat(supervision(code)).containsEntry("stageDeadline", "2027-03-01T09:00:00+07:00");

    // when: Tết passes; the first working day after it
    now("2027-02-12T09:00");

    // then: nothing is due yet; 4 working days were used (2, 3, 4 and 12 February)
    assertThat(runDueJobs(code)).isZero();
    assertThat(((Number) api.dossier("citizen", code).get("remainingWorkingDays")).doubleValue()).isEqualTo(11.0);

    // when: one minute before 75% of the budget (11.25 working days: 23 February 11:00)
    now("2027-02-23T10:59");
    assertThat(runDueJobs(code)).isZero();
    assertThat(supervision(code).get("warnedAt")).isNull();
    now("2027-02-23T11:00");
    runDueJobs(code);

    // then: the early warning is recorded, the specialist's work goes on
    assertThat(supervision(code)).containsEntry("warnedAt", "2027-02-23T11:00:00+07:00");
    assertThat(audit(code, "STAGE_WARNING")).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("at", "2027-02-23T11:00:00+07:00"));
    assertThat(hasTask(SPECIALIST, code, "Task_IssueApology")).isFalse();

    // when: one working day before the deadline (Friday 26 February 09:00)
    now("2027-02-26T08:59");
    assertThat(runDueJobs(code)).isZero();
    now("2027-02-26T09:00");
    runDueJobs(code);

    // then: the commune must issue the apology with a new appointment (form 04)
    assertThat(hasTask(SPECIALIST, code, "Task_IssueApology")).isTrue();
    assertThat(audit(code, "APOLOGY_REQUESTED")).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("at", "2027-02-26T09:00:00+07:00"));

    // when: it gives 2 more working days
    api.complete(SPECIALIST, code, "Task_IssueApology", Map.of("extensionDays", 2,
        "apologyReason", "Chờ ý kiến của Sở Xây dựng về chỉ giới xây dựng"));

    // then: the new date, the original kept, the step's due date moved, the reason on record
    assertThat(api.dossier("citizen", code).get("deadline")).isEqualTo("2027-03-03T09:00:00+07:00");
    assertThat(supervision(code)).containsEntry("originalDeadline", "2027-03-01T09:00:00+07:00")
        .containsEntry("apologizedAt", "2027-02-26T09:00:00+07:00");
    assertThat(api.task(SPECIALIST, code, "Task_Appraise")).containsEntry("due", "2027-03-03T09:00:00+07:00");
    assertThat(audit(code, "DEADLINE_EXTENDED")).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("actor", SPECIALIST);
      assertThat((String) e.get("detail")).contains("Chờ ý kiến của Sở Xây dựng", "\"previousDeadline\":\"2027-03-01 09:00\"",
          "\"newDeadline\":\"2027-03-03 09:00\"");
      // and as officers read it in the dossier's audit trail
      assertThat((String) e.get("summary")).contains("lý do: Chờ ý kiến của Sở Xây dựng",
          "hạn cũ: 2027-03-01 09:00", "hạn mới: 2027-03-03 09:00");
    });

    // and the apology with the new appointment (form 04) is issued to the applicant, filed with the dossier
    assertThat(letter(code, "APOLOGY_LETTER")).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        "Kính gửi: Ông/Bà Nguyễn Văn An", "Chờ ý kiến của Sở Xây dựng về chỉ giới xây dựng",
        "09 giờ 00 phút, ngày 01/03/2027", "03/03/2027", "ỦY BAN NHÂN DÂN XÃ THỤY HÙNG", "Ngày 26 tháng 2 năm 2027");

    // and the applicant is told by e-mail (Vietnamese intact, then English) and by SMS, through the workers
    List<Map<String, Object>> sent = await().atMost(Duration.ofSeconds(30))
        .until(() -> audit(code, "NOTICE_SENT"), entries -> entries.size() == 2);
    assertThat(sent).extracting(e -> (String) e.get("summary")).containsExactly(
        "thông báo: đã tiếp nhận, hẹn trả kết quả; thư điện tử: có; tin nhắn SMS: có",
        "thông báo: xin lỗi, hẹn lại ngày trả kết quả; thư điện tử: có; tin nhắn SMS: có");
    MimeMessage mail = simulators.mails().stream().filter(m -> subject(m).contains(code))
        .filter(m -> subject(m).startsWith("Thư xin lỗi")).findFirst().orElseThrow();
    assertThat(subject(mail)).isEqualTo("Thư xin lỗi và hẹn lại ngày trả kết quả – hồ sơ " + code
        + " / Apology and new appointment – dossier " + code);
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("an.nguyen@example.vn");
    assertThat((String) mail.getContent()).contains("Kính gửi ông/bà Nguyễn Văn An",
        "chưa thể giải quyết xong vào ngày hẹn 01/03/2027 09:00", "thành thật xin lỗi",
        "Ngày hẹn trả kết quả mới: 03/03/2027 09:00", "Dear Nguyễn Văn An", "New appointment for the result");
    assertThat(simulators.sms().sent()).filteredOn(sms -> sms.text().contains(code) && sms.text().contains("xin loi"))
        .singleElement()
        .satisfies(sms -> assertThat(sms.text()).isEqualTo("Ho so " + code
            + ": co quan giai quyet xin loi vi cham tre. Ngay hen tra ket qua moi: 03/03/2027 09:00."));

    // when: the old deadline passes (no escalation: the new one holds), then the new one
    now("2027-03-01T09:00");
    assertThat(runDueJobs(code)).isZero();
    now("2027-03-03T09:00");
    runDueJobs(code);

    // then: the commune chairperson must direct it
    assertThat(hasTask(DIVISION_LEADER, code, "Task_DirectOverdueStage")).isTrue();
    assertThat(supervision(code)).containsEntry("escalationLevel", 1)
        .containsEntry("escalatedTo", "X06148.leader");
    api.complete(DIVISION_LEADER, code, "Task_DirectOverdueStage", Map.of("delayCause", "COORDINATION",
        "measures", "Đã đôn đốc Sở Xây dựng trả lời trước 04/3"));

    // when: two working days later the stage is still open
    now("2027-03-05T08:59");
    assertThat(runDueJobs(code)).isZero();
    now("2027-03-05T09:00");
    runDueJobs(code);

    // then: the province's supervisor is told (there is no district between)
    assertThat(hasTask(PROVINCE_SUPERVISOR, code, "Task_SuperviseOverdueStage")).isTrue();
    assertThat(supervision(code)).containsEntry("escalationLevel", 2).containsEntry("escalatedTo", "T20.supervision")
        .containsEntry("delayCause", "COORDINATION");
    assertThat(audit(code, "ESCALATED")).extracting(e -> e.get("at"))
        .containsExactly("2027-03-03T09:00:00+07:00", "2027-03-05T09:00:00+07:00");

    // when: the commune finishes the dossier
    now("2027-03-05T10:00");
    api.complete(SPECIALIST, code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện cấp phép"));
    api.complete(DIVISION_LEADER, code, "Task_Approve", Map.of("approval", "SIGN"));
    api.complete("thuyhung.motcua", code, "Task_ReturnResult", Map.of("returnMethod", "COUNTER",
        "receivedBy", "Nguyễn Văn An"));

    // then: the supervisor's task ended with the stage; the dossier counts as late, attributed to the appraisal
    assertThat(hasTask(PROVINCE_SUPERVISOR, code, "Task_SuperviseOverdueStage")).isFalse();
    Map<String, Object> finished = api.dossier("citizen", code);
    assertThat(finished).containsEntry("status", "RESULT_RETURNED").containsEntry("timeliness", "LATE");
    assertThat(supervision(code)).containsEntry("lateStage", "APPRAISE");
    assertThat(((Map<?, ?>) supervision(code).get("lateAgency")).get("code")).isEqualTo("X06148");

    // and the whole story is in the audit trail in the order it happened
    Map<String, Object> history = api.call("citizen", HttpMethod.GET, "/api/v1/dossiers/" + code + "/history", null)
        .getBody();
    @SuppressWarnings("unchecked")
    List<String> actions = ((List<Map<String, Object>>) history.get("audit")).stream()
        .map(e -> (String) e.get("action"))
        .filter(a -> List.of("STAGE_WARNING", "APOLOGY_REQUESTED", "DEADLINE_EXTENDED", "ESCALATED", "FINISHED")
            .contains(a))
        .toList();
    assertThat(actions).containsExactly("STAGE_WARNING", "APOLOGY_REQUESTED", "DEADLINE_EXTENDED", "ESCALATED",
        "ESCALATED", "FINISHED");
  }

  /** The text of the letter of this kind filed with the dossier, as the applicant downloads it. */
  @SuppressWarnings("unchecked")
  private String letter(String code, String kind) {
    List<Map<String, Object>> documents = (List<Map<String, Object>>) (List<?>) rest.withBasicAuth("citizen", "demo")
        .getForObject("/api/v1/dossiers/" + code + "/documents", List.class);
    Map<String, Object> letter = documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " among " + documents));
    byte[] pdf = rest.withBasicAuth("citizen", "demo")
        .getForObject("/api/v1/documents/" + letter.get("id") + "/content", byte[].class);
    try {
      com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
      String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
      reader.close();
      return text;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldIssueTheLettersOfARefusalAtTheCounterAndOfAStop() {
    // given
    now("2026-11-16T09:00");
    String refused = (String) api.submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    String stopped = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");

    // when: the counter refuses the first; the second is stopped at the applicant's request
    api.complete("thuyhung.motcua", refused, "Task_CheckCompleteness", Map.of("completeness", "REFUSE",
        "refusalReason", "Thủ tục không thuộc thẩm quyền của UBND xã"));
    api.complete("thuyhung.motcua", stopped, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    api.complete(SPECIALIST, stopped, "Task_Appraise", Map.of("appraisal", "PROPOSE_STOP",
        "appraisalNote", "Người nộp có đơn xin dừng", "stopReason", "Người nộp hồ sơ có đơn đề nghị dừng giải quyết"));
    api.complete(DIVISION_LEADER, stopped, "Task_Approve", Map.of("approval", "SIGN"));

    // then: each letter, with its reasons, is there for the applicant before the counter returns the dossier
    assertThat(letter(refused, "RECEPTION_REFUSAL")).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Thủ tục không thuộc thẩm quyền của UBND xã", "ỦY BAN NHÂN DÂN XÃ THỤY HÙNG");
    assertThat(letter(stopped, "STOP_NOTICE")).contains("THÔNG BÁO VỀ VIỆC DỪNG XỬ LÝ HỒ SƠ", "Mẫu số 05",
        "Người nộp hồ sơ có đơn đề nghị dừng giải quyết");
    api.complete("thuyhung.motcua", stopped, "Task_ReturnResult", Map.of("returnMethod", "COUNTER",
        "receivedBy", "Nguyễn Văn An"));
    assertThat(api.dossier("citizen", stopped)).containsEntry("status", "STOPPED");
  }

  @Test
  void shouldRefuseASupplementAfterTheWindowWithAClearMessageAndKeepTheDeadline() {
    // given: received Monday 16 November 2026; the 3-working-day window closed Thursday 19th at 09:00
    now("2026-11-16T09:00");
    String code = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    now("2026-11-20T09:00");
    String id = (String) api.task(SPECIALIST, code, "Task_Appraise").get("id");
    api.call(SPECIALIST, HttpMethod.POST, "/api/v1/tasks/" + id + "/claim", null);

    // when
    var refused = api.call(SPECIALIST, HttpMethod.POST, "/api/v1/tasks/" + id + "/complete",
        Map.of("variables", Map.of("appraisal", "SUPPLEMENT", "appraisalNote", "Thiếu bản vẽ",
            "missingDocuments", "Bản vẽ mặt bằng")));

    // then
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("Đã quá thời hạn 3 ngày làm việc kể từ khi tiếp nhận");
    Map<String, Object> unchanged = api.dossier("citizen", code);
    assertThat(unchanged).containsEntry("status", "IN_PROGRESS").containsEntry("deadline", "2026-12-07T09:00:00+07:00");
    assertThat(audit(code, "CLOCK_PAUSED")).isEmpty();
  }

  @Test
  void shouldRecordWhoPausedAndRestartedTheClockAndWhy() {
    // given
    now("2026-11-16T09:00");
    String code = (String) api.submit("citizen", dossierRequest("1.013225", "06148")).get("receiptCode");
    api.complete("thuyhung.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));

    // when: asked on Tuesday, supplemented the next Monday at 10:00
    now("2026-11-17T09:00");
    api.complete(SPECIALIST, code, "Task_Appraise", Map.of("appraisal", "SUPPLEMENT", "appraisalNote", "Thiếu",
        "missingDocuments", "Bản vẽ mặt bằng công trình"));
    Map<String, Object> paused = api.dossier("citizen", code);
    now("2026-11-23T10:00");
    api.call("citizen", HttpMethod.POST, "/api/v1/dossiers/" + code + "/supplements", null);

    // then: while waiting, the clock stood still; then 15 working days again from the supplement
    assertThat(paused).containsEntry("status", "AWAITING_SUPPLEMENT");
    assertThat(((Map<?, ?>) paused.get("supervision")).get("pausedAt")).isEqualTo("2026-11-17T09:00:00+07:00");
    assertThat(api.dossier("citizen", code)).containsEntry("deadline", "2026-12-14T10:00:00+07:00")
        .containsEntry("receivedAt", "2026-11-16T09:00:00+07:00");
    assertThat(audit(code, "CLOCK_PAUSED")).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("actor", SPECIALIST).containsEntry("at", "2026-11-17T09:00:00+07:00");
      assertThat((String) e.get("detail")).contains("Bản vẽ mặt bằng công trình");
    });
    assertThat(audit(code, "CLOCK_RESUMED")).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("actor", "citizen").containsEntry("at", "2026-11-23T10:00:00+07:00");
      assertThat((String) e.get("detail")).contains("\"rule\":\"RESTART\"", "\"newDeadline\":\"2026-12-14 10:00\"");
    });
  }
}

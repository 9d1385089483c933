package vn.motcua.workers.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.workers.NotificationSettings;
import vn.motcua.workers.Retries;
import vn.motcua.workers.WorkersAutoConfiguration;
import vn.motcua.workers.simulator.SimulatedSystem.Faults;
import vn.motcua.workers.simulator.SmsGateway;

/**
 * The applicant's notice against a real SMTP server (GreenMail) and the SMS gateway simulator: sent once by each
 * channel, retried without sending twice, and the BPMN error when the other side refuses for good.
 */
class NotifyApplicantTest {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

  private SmsGateway sms;
  private NotifyApplicant handler;
  private final ExternalTaskService service = mock(ExternalTaskService.class);
  private final Map<String, Object> variables = new HashMap<>();

  @BeforeEach
  void start() {
    sms = new SmsGateway(7);
    sms.start(0);
    NotificationSettings settings = new NotificationSettings("127.0.0.1", ServerSetupTest.SMTP.getPort(), "", "",
        "Bộ phận Một cửa xã Thụy Hùng <motcua@thuyhung.langson.gov.vn>", sms.url(), "", false, 800,
        "Asia/Ho_Chi_Minh");
    handler = new NotifyApplicant(new WorkersAutoConfiguration().applicantMail(settings), settings,
        Retries.DEFAULT);
    variables.put("receiptCode", "X06148-261116-0001");
    variables.put("applicantName", "Nguyễn Văn An");
    variables.put("procedureName", "Chứng thực bản sao từ bản chính");
    variables.put("applicantEmail", "an.nguyen@example.vn");
    variables.put("applicantPhone", "0912345678");
    variables.put("originalDeadline", at("2026-11-17T09:00"));
    variables.put("dossierDeadline", at("2026-11-20T09:00"));
  }

  @AfterEach
  void stop() {
    sms.close();
  }

  private static Date at(String local) {
    return Date.from(LocalDateTime.parse(local).atZone(VN).toInstant());
  }

  private ExternalTask task(Integer retries) {
    ExternalTask task = ExternalTasks.task("notify-applicant", variables, retries, "Task_NotifyApology:7f1c");
    when(task.getExtensionProperty("notice")).thenReturn("APOLOGY");
    return task;
  }

  @Test
  void shouldSendTheNoticeByMailInVietnameseAndEnglishAndBySmsWhenBothAreGiven() throws Exception {
    // given
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then: one e-mail, its Vietnamese intact, with the new and the original appointment
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject())
        .isEqualTo("Thư xin lỗi và hẹn lại ngày trả kết quả – hồ sơ X06148-261116-0001"
            + " / Apology and new appointment – dossier X06148-261116-0001");
    String body = GreenMailUtil.getBody(received[0]);
    assertThat(new String(jakarta.mail.internet.MimeUtility.decode(
        new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        "quoted-printable").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("Kính gửi ông/bà Nguyễn Văn An", "Chứng thực bản sao từ bản chính", "17/11/2026 09:00",
            "Ngày hẹn trả kết quả mới: 20/11/2026 09:00", "Dear Nguyễn Văn An");
    assertThat(received[0].getHeader("Message-ID")[0]).isEqualTo("<Task_NotifyApology:7f1c.notice@motcua>");
    // then: one SMS, without diacritics as brand-name SMS are sent
    assertThat(sms.sent()).singleElement().satisfies(message -> {
      assertThat(message.to()).isEqualTo("0912345678");
      assertThat(message.text()).isEqualTo("Ho so X06148-261116-0001: co quan giai quyet xin loi vi cham tre."
          + " Ngay hen tra ket qua moi: 20/11/2026 09:00.");
    });
    verify(service).complete(task, Map.of("notifiedByEmail", true, "notifiedBySms", true),
        Map.of(NotifyApplicant.EMAIL_SENT, true, NotifyApplicant.SMS_SENT, true));
  }

  @Test
  void shouldTryAgainLaterWithoutMailingTwiceWhenTheSmsGatewayIsDown() {
    // given: the gateway answers 503
    sms.faults(new Faults(0, 1.0, 0, 0));

    // when
    handler.execute(task(null), service);

    // then: the mail went, the failure says so, four attempts left, the first after 10 s
    verify(service).handleFailure(eq("task-1"), anyString(), anyString(), eq(4), eq(10_000L), eq(Map.of()),
        eq(Map.of(NotifyApplicant.EMAIL_SENT, true)));
    assertThat(MAIL.getReceivedMessages()).hasSize(1);

    // when: the gateway is back and the engine hands the task out again, with what the first attempt kept
    sms.faults(Faults.NONE);
    variables.put(NotifyApplicant.EMAIL_SENT, true);
    ExternalTask again = task(4);
    handler.execute(again, service);

    // then
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(sms.sent()).hasSize(1);
    verify(service).complete(again, Map.of("notifiedByEmail", true, "notifiedBySms", true),
        Map.of(NotifyApplicant.SMS_SENT, true));
  }

  @Test
  void shouldNotSendTheSmsTwiceWhenItsAnswerCameTooLate() {
    // given: the gateway sends the SMS but answers after the handler stopped waiting
    variables.remove("applicantEmail");
    sms.faults(new Faults(0, 0, 1.0, 2_000));

    // when: the first attempt times out, the second repeats the call with the same idempotency key
    handler.execute(task(null), service);
    sms.faults(Faults.NONE);
    handler.execute(task(4), service);

    // then: one SMS, the repeat answered from the first
    assertThat(sms.sent()).hasSize(1);
    assertThat(sms.count("repeated")).isEqualTo(1);
    verify(service).handleFailure(eq("task-1"), anyString(), anyString(), eq(4), eq(10_000L), anyMap(), anyMap());
  }

  @Test
  void shouldLeaveAnIncidentAfterTheLastAttempt() {
    // given
    sms.faults(new Faults(0, 1.0, 0, 0));
    variables.remove("applicantEmail");

    // when
    handler.execute(task(1), service);

    // then: no retries left, no wait: the engine raises an incident
    verify(service).handleFailure(eq("task-1"), anyString(), anyString(), eq(0), eq(0L), anyMap(), anyMap());
  }

  @Test
  void shouldTakeTheErrorPathWhenTheGatewayRefusesTheNumber() {
    // given
    variables.put("applicantPhone", "0123");
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then: the mail went, the SMS cannot go: the model's error path, and no retry
    verify(service).handleBpmnError(eq(task), eq(NotifyApplicant.UNDELIVERABLE), anyString(),
        eq(Map.of(NotifyApplicant.EMAIL_SENT, true, NotifyApplicant.ERROR,
            "Tổng đài SMS từ chối: not a Vietnamese mobile number: 0123")));
    verify(service, never()).handleFailure(anyString(), any(), any(), any(Integer.class), any(Long.class), any(),
        any());
  }

  @Test
  void shouldTakeTheErrorPathWhenTheApplicantLeftNoAddress() {
    // given
    variables.remove("applicantEmail");
    variables.remove("applicantPhone");
    ExternalTask task = task(null);

    // when
    handler.execute(task, service);

    // then
    verify(service).handleBpmnError(eq(task), eq(NotifyApplicant.UNDELIVERABLE), anyString(),
        eq(Map.of(NotifyApplicant.ERROR, "Người nộp không để lại thư điện tử hay số điện thoại")));
    assertThat(MAIL.getReceivedMessages()).isEmpty();
    assertThat(sms.count("received")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RECEIVED", "SUPPLEMENT", "APOLOGY", "RESULT", "REFUSAL", "STOP"})
  void shouldHaveEveryNoticeTheModelsSendInVietnameseAndEnglish(String kind) {
    // given: the model names the notice in a variable
    variables.put("notice", kind);

    // when
    NotifyApplicant.Notice notice = handler.notice(task(null));

    // then: both languages filled in, the SMS plain ASCII
    assertThat(notice.subject().split(" / ")).hasSize(2)
        .allSatisfy(language -> assertThat(language).contains("X06148-261116-0001"));
    assertThat(notice.body()).contains("Kính gửi ông/bà Nguyễn Văn An", "Dear Nguyễn Văn An",
        "(Chứng thực bản sao từ bản chính)").doesNotContain("{");
    assertThat(notice.sms()).contains("X06148-261116-0001").matches("\\p{ASCII}+");
  }

  @Test
  void shouldWriteFirstInEnglishToAnApplicantWhoUsedTheServiceInEnglish() {
    // given: they applied in English and were asked to supplement
    variables.put("applicantLanguage", "en");
    variables.put("notice", "SUPPLEMENT");
    variables.put("missingDocuments", "1. Giấy chứng sinh (bản chính)");

    // when
    NotifyApplicant.Notice notice = handler.notice(task(null));

    // then: English first, Vietnamese below, the missing document named, the SMS in English
    assertThat(notice.subject()).isEqualTo("Dossier X06148-261116-0001 needs more documents"
        + " / Hồ sơ X06148-261116-0001 cần bổ sung");
    assertThat(notice.body()).startsWith("Dear Nguyễn Văn An")
        .contains("1. Giấy chứng sinh (bản chính)", "Kính gửi ông/bà Nguyễn Văn An")
        .endsWith("This message was sent automatically by the one-stop system; please do not reply.");
    assertThat(notice.sms()).startsWith("Dossier X06148-261116-0001 needs more documents.");
  }
}

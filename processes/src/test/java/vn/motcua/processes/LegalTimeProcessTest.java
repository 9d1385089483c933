package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static vn.motcua.processes.ProcessTestSupport.*;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * The law's time rules as the models run them: the supplement window and once-per-agency rule, restart and pause of
 * the clock, stage budgets, the early warning, the apology with a new appointment, and escalation. A house
 * construction permit (15 working days, clock restarts on supplement) and the first land-use certificate (stage
 * budgets 3/10/3/4, clock paused on supplement and payment), both received on Monday 16 November 2026 at 09:00.
 */
@Deployment(resources = {"processes/construction-permit.bpmn", "processes/land-use-certificate-first.bpmn", INTAKE, FEE_PAYMENT,
    SUPPLEMENT, TRANSFER, RETURN_RESULT, NOTIFICATION, FORM_INFORM, FORM_POSTAL, FORM_SIGN, ROUTING, PROCESSING_TIME, TIME_RULES, STAGE_BUDGET, ESCALATION_RULES, APOLOGY,
    ESCALATION, FORM_APOLOGY, FORM_DIRECT, FORM_SUPERVISE, FORM_CHECK, FORM_TRANSFER, "forms/appraise-construction.form",
    "forms/inspect-site.form", FORM_APPROVE, FORM_RETURN, "forms/verify-land-origin.form", "forms/appraise-land.form",
    "forms/assess-tax.form", "forms/confirm-tax-paid.form", "forms/send-land-information-on-paper.form", "forms/sign-certificate.form"})
class LegalTimeProcessTest extends ProcessTestSupport {

  static final String APPRAISE = "Task_Appraise";
  static final String WARNING = "StartEvent_StageWarningHandling";
  static final String APOLOGY_DUE = "StartEvent_ApologyDueHandling";
  static final String OVERDUE = "StartEvent_StageOverdueHandling";
  static final String FAR_FUTURE = "2999-12-31T07:00";

  /** A construction permit received by Tràng Định and handed to its Economy and Infrastructure division. */
  private Dossier constructionPermit() {
    Dossier dossier = start("constructionPermit", dossierVariables("1.009997", "H180"));
    dossier.complete("Task_CheckCompleteness", "completeness", "COMPLETE");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);
    return dossier;
  }

  private Dossier askForSupplement(Dossier dossier) {
    return dossier.complete(APPRAISE, "appraisal", "SUPPLEMENT", "appraisalNote", "Thiếu bản vẽ",
        "missingDocuments", "Bản vẽ mặt bằng công trình");
  }

  private String deadline(Dossier dossier, String variable) {
    return local((Date) dossier.variable(variable));
  }

  private String due(Dossier dossier, String timerActivity) {
    return local(dossier.timer(timerActivity).getDuedate());
  }

  @Test
  void shouldScheduleWarningApologyAndEscalationFromTheStageBudget() {
    // when
    Dossier dossier = constructionPermit();

    // then: 15 working days; warning at 75% = 11.25 days (1 Dec 09:00 + 2 working hours);
    // apology one working day before the deadline; escalation at the deadline
    assertThat(deadline(dossier, "dossierDeadline")).isEqualTo("2026-12-07T09:00");
    assertThat(due(dossier, WARNING)).isEqualTo("2026-12-01T11:00");
    assertThat(due(dossier, APOLOGY_DUE)).isEqualTo("2026-12-04T09:00");
    assertThat(due(dossier, OVERDUE)).isEqualTo("2026-12-07T09:00");
  }

  @Test
  void shouldRefuseASupplementRequestAfterTheWindowAndChangeNothing() {
    // given: the window of 3 working days after receipt closed on Thursday 19 November at 09:00
    Dossier dossier = constructionPermit();
    now("2026-11-19T10:00");

    // when / then
    assertThatThrownBy(() -> askForSupplement(dossier))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("quá thời hạn 3 ngày làm việc")
        .hasMessageContaining("3 working days after receipt");
    assertThat(dossier.openTasks()).containsExactly(APPRAISE);
    assertThat(dossier.awaitingSupplement()).isFalse();
    assertThat(deadline(dossier, "dossierDeadline")).isEqualTo("2026-12-07T09:00");
    assertThat(due(dossier, OVERDUE)).isEqualTo("2026-12-07T09:00");
  }

  @Test
  void shouldAcceptASupplementRequestOnTheLastMomentOfTheWindow() {
    // given
    Dossier dossier = constructionPermit();
    now("2026-11-19T09:00");

    // when
    askForSupplement(dossier);

    // then
    assertThat(dossier.awaitingSupplement()).isTrue();
  }

  @Test
  void shouldRefuseASecondSupplementRequestFromTheSameAgency() {
    // given: asked on Tuesday, supplemented on Wednesday
    Dossier dossier = constructionPermit();
    now("2026-11-17T09:00");
    askForSupplement(dossier);
    now("2026-11-18T09:00");
    dossier.supplement();

    // when / then
    assertThatThrownBy(() -> askForSupplement(dossier))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("H180-KTHT đã yêu cầu bổ sung hồ sơ này một lần")
        .hasMessageContaining("already asked for a supplement once");
    assertThat(dossier.openTasks()).containsExactly(APPRAISE);
    assertThat(dossier.awaitingSupplement()).isFalse();
  }

  @Test
  void shouldStopTheTimersWhileWaitingAndRestartTheClockWhenTheApplicantSupplements() {
    // given
    Dossier dossier = constructionPermit();
    now("2026-11-17T09:00");

    // when: asked on Tuesday 17th
    askForSupplement(dossier);

    // then: no warning, apology or escalation while the applicant has the dossier
    assertThat(due(dossier, WARNING)).isEqualTo(FAR_FUTURE);
    assertThat(due(dossier, APOLOGY_DUE)).isEqualTo(FAR_FUTURE);
    assertThat(due(dossier, OVERDUE)).isEqualTo(FAR_FUTURE);
    assertThat(deadline(dossier, "pausedAt")).isEqualTo("2026-11-17T09:00");

    // when: supplemented on Monday 23rd at 10:00
    now("2026-11-23T10:00");
    dossier.supplement();

    // then: 15 working days again from the complete dossier; the task and every timer follow
    assertThat(deadline(dossier, "dossierDeadline")).isEqualTo("2026-12-14T10:00");
    assertThat(local(dossier.task(APPRAISE).getDueDate())).isEqualTo("2026-12-14T10:00");
    assertThat(due(dossier, WARNING)).isEqualTo("2026-12-08T13:30");
    assertThat(due(dossier, APOLOGY_DUE)).isEqualTo("2026-12-11T10:00");
    assertThat(due(dossier, OVERDUE)).isEqualTo("2026-12-14T10:00");
    // the receipt stays what it was; the count restarted from the supplement
    assertThat(deadline(dossier, "receivedAt")).isEqualTo("2026-11-16T09:00");
    assertThat(deadline(dossier, "clockRestartedAt")).isEqualTo("2026-11-23T10:00");
  }

  @Test
  void shouldPauseTheLandClockWhileTheApplicantSupplements() {
    // given: the commune's stage of the land certificate, due 19 November (3 working days)
    Dossier dossier = start("landUseCertificateFirst", dossierVariables("1.004227", "H180"));
    dossier.complete("Task_CheckCompleteness", "completeness", "COMPLETE");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);
    assertThat(local(dossier.task("Task_VerifyLandOrigin").getDueDate())).isEqualTo("2026-11-19T09:00");

    // when: asked on Tuesday 17th, supplemented on Tuesday 24th (5 working days)
    now("2026-11-17T09:00");
    dossier.complete("Task_VerifyLandOrigin", "landVerification", "SUPPLEMENT", "landOriginNote", "Thiếu",
        "missingDocuments", "Biên lai nộp thuế đất");
    now("2026-11-24T09:00");
    dossier.supplement();

    // then: the deadlines move by the 5 working days the applicant had the dossier; receipt stays
    assertThat(deadline(dossier, "dossierDeadline")).isEqualTo("2026-12-21T09:00");
    assertThat(deadline(dossier, "stageDeadline")).isEqualTo("2026-11-26T09:00");
    assertThat(local(dossier.task("Task_VerifyLandOrigin").getDueDate())).isEqualTo("2026-11-26T09:00");
    assertThat(deadline(dossier, "receivedAt")).isEqualTo("2026-11-16T09:00");
    assertThat(due(dossier, "StartEvent_StageOverdueCommuneVerify")).isEqualTo("2026-11-26T09:00");
  }

  @Test
  void shouldGiveEachLandStageItsBudgetAndNotCountTheTimeTheApplicantPays() {
    // given: received Monday 16 November 09:00, 20 working days → 14 December
    Dossier dossier = start("landUseCertificateFirst", dossierVariables("1.004227", "H180"));
    dossier.complete("Task_CheckCompleteness", "completeness", "COMPLETE");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);

    // then: the commune has 3 working days
    assertThat(local(dossier.task("Task_VerifyLandOrigin").getDueDate())).isEqualTo("2026-11-19T09:00");

    // when: confirmed Wednesday 14:00, received by the land office Thursday 08:00
    now("2026-11-18T14:00");
    dossier.complete("Task_VerifyLandOrigin", "landVerification", "CONFIRMED", "landOriginNote", "Ổn định");
    now("2026-11-19T08:00");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);

    // then: the land office has 10 working days from its start
    assertThat(local(dossier.task("Task_AppraiseLandRecord").getDueDate())).isEqualTo("2026-12-03T08:00");

    // when: appraised and handed to the tax office on Wednesday 2 December 10:00
    now("2026-12-02T10:00");
    dossier.complete("Task_AppraiseLandRecord", "appraisal", "ELIGIBLE", "appraisalNote", "Đủ điều kiện");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);

    // then: 3 working days for the tax office
    assertThat(local(dossier.task("Task_AssessFinancialObligations").getDueDate())).isEqualTo("2026-12-07T10:00");

    // when: assessed Thursday 3rd, paid Tuesday 8th (3 working days the law does not count)
    now("2026-12-03T10:00");
    dossier.complete("Task_AssessFinancialObligations", "taxAmount", 12_500_000L, "taxNoticeNumber", "TB-1");
    assertThat(due(dossier, "StartEvent_StageOverdueTax")).isEqualTo(FAR_FUTURE);
    now("2026-12-08T10:00");
    dossier.pay();

    // then: the stage and the dossier deadlines moved by those 3 days
    assertThat(local(dossier.task("Task_ConfirmObligationsPaid").getDueDate())).isEqualTo("2026-12-10T10:00");
    assertThat(deadline(dossier, "dossierDeadline")).isEqualTo("2026-12-17T09:00");
    assertThat(due(dossier, "StartEvent_StageOverdueTax")).isEqualTo("2026-12-10T10:00");

    // when: confirmed and received by the issuing authority on the 8th at 11:00
    now("2026-12-08T11:00");
    dossier.complete("Task_ConfirmObligationsPaid", "taxPaid", true, "paymentReference", "BL-1");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);

    // then: 4 working days to sign, within the dossier's deadline
    assertThat(local(dossier.task("Task_SignCertificate").getDueDate())).isEqualTo("2026-12-14T11:00");
  }

  @Test
  void shouldNeverGiveAStageMoreTimeThanTheDossierHasLeft() {
    // given: the land office took far longer than its budget
    Dossier dossier = start("landUseCertificateFirst", dossierVariables("1.004227", "H180"));
    dossier.complete("Task_CheckCompleteness", "completeness", "COMPLETE");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);
    dossier.complete("Task_VerifyLandOrigin", "landVerification", "CONFIRMED", "landOriginNote", "Ổn định");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);

    // when: it hands over to the tax office on Friday 11 December, one working day before the dossier's deadline
    now("2026-12-11T09:00");
    dossier.complete("Task_AppraiseLandRecord", "appraisal", "ELIGIBLE", "appraisalNote", "Đủ điều kiện");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);

    // then
    assertThat(local(dossier.task("Task_AssessFinancialObligations").getDueDate())).isEqualTo("2026-12-14T09:00");
  }

  @Test
  void shouldWarnThenAskForAnApologyThenEscalateToTheLeaderAndOneLevelUp() {
    // given
    Dossier dossier = constructionPermit();

    // when: 75% of the stage's budget is used
    now("2026-12-01T11:00");
    execute(dossier.timer(WARNING));

    // then: the warning is recorded, the officer's work goes on
    assertThat(dossier.passed("EndEvent_StageWarningHandling")).isTrue();
    assertThat(dossier.openTasks()).containsExactly(APPRAISE);

    // when: one working day before the deadline
    now("2026-12-04T09:00");
    execute(dossier.timer(APOLOGY_DUE));

    // then: the handling unit must issue the apology (form 04), due by the deadline
    assertThat(dossier.openTasks()).containsExactlyInAnyOrder(APPRAISE, "Task_IssueApology");
    assertThat(dossier.candidateGroups("Task_IssueApology")).containsExactly("H180-KTHT.specialist");
    assertThat(local(dossier.task("Task_IssueApology").getDueDate())).isEqualTo("2026-12-07T09:00");

    // when: it sets a new appointment 3 working days later
    dossier.complete("Task_IssueApology", "extensionDays", 3, "apologyReason", "Chờ ý kiến Sở Xây dựng");

    // then: the new date, the original kept, the officer's task and timers follow, no second apology
    assertThat(deadline(dossier, "dossierDeadline")).isEqualTo("2026-12-10T09:00");
    assertThat(deadline(dossier, "originalDeadline")).isEqualTo("2026-12-07T09:00");
    assertThat(local(dossier.task(APPRAISE).getDueDate())).isEqualTo("2026-12-10T09:00");
    assertThat(due(dossier, OVERDUE)).isEqualTo("2026-12-10T09:00");
    assertThat(dossier.timers(APOLOGY_DUE)).isEmpty();
    // then: the applicant is told, with both dates, beside the flow
    assertThat(dossier.notices()).containsExactly("RECEIVED", "APOLOGY");
    Map<String, Object> notice = engine.getRuntimeService().getVariables(engine.getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey("notifyApplicant").variableValueEquals("notice", "APOLOGY")
        .singleResult().getId());
    assertThat(notice).containsEntry("receiptCode", dossier.receiptCode).containsEntry("receivingAgency", "H180")
        .containsEntry("applicantName", "Nguyễn Văn An");
    assertThat(local((Date) notice.get("dossierDeadline"))).isEqualTo("2026-12-10T09:00");
    assertThat(local((Date) notice.get("originalDeadline"))).isEqualTo("2026-12-07T09:00");

    // when: the new date passes
    now("2026-12-10T09:00");
    execute(dossier.timer(OVERDUE));

    // then: the division's leader must direct it, due in one working day
    assertThat(dossier.openTasks()).containsExactlyInAnyOrder(APPRAISE, "Task_DirectOverdueStage");
    assertThat(dossier.candidateGroups("Task_DirectOverdueStage")).containsExactly("H180-KTHT.leader");
    assertThat(local(dossier.task("Task_DirectOverdueStage").getDueDate())).isEqualTo("2026-12-11T09:00");
    assertThat(due(dossier, "Event_StillOverdue")).isEqualTo("2026-12-14T09:00");

    // when: the leader directs at once, but two working days later the stage is still open
    dossier.complete("Task_DirectOverdueStage", "delayCause", "COORDINATION", "measures", "Đôn đốc Sở Xây dựng");
    now("2026-12-14T09:00");
    execute(dossier.timer("Event_StillOverdue"));

    // then: the district's supervisor is told
    assertThat(dossier.openTasks()).containsExactlyInAnyOrder(APPRAISE, "Task_SuperviseOverdueStage");
    assertThat(dossier.candidateGroups("Task_SuperviseOverdueStage")).containsExactly("H180.supervision");

    // when: the stage finishes
    dossier.complete(APPRAISE, "appraisal", "PROPOSE_APPROVE", "appraisalNote", "Đủ điều kiện");
    dossier.complete("Task_Approve", "approval", "SIGN");

    // then: what was raised about the stage ends with it; the applicant is told to collect the result
    assertThat(dossier.openTasks()).containsExactly("Task_ReturnResult");
    assertThat(dossier.notices()).containsExactly("RECEIVED", "APOLOGY", "RESULT");
  }

  @Test
  void shouldApologiseOnlyOnceEvenWhenALaterStageRunsLate() {
    // given: the land certificate's commune stage is still open one working day before the dossier's deadline
    Dossier dossier = start("landUseCertificateFirst", dossierVariables("1.004227", "H180"));
    dossier.complete("Task_CheckCompleteness", "completeness", "COMPLETE");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);
    assertThat(due(dossier, "StartEvent_ApologyDueCommuneVerify")).isEqualTo("2026-12-11T09:00");
    now("2026-12-11T09:00");
    execute(dossier.timer("StartEvent_ApologyDueCommuneVerify"));

    // when: the commune apologises with a new date 2 working days later and hands over
    assertThat(dossier.candidateGroups("Task_IssueApology")).containsExactly("X06148.specialist");
    dossier.complete("Task_IssueApology", "extensionDays", 2, "apologyReason", "Chờ xác minh nguồn gốc đất");
    dossier.complete("Task_VerifyLandOrigin", "landVerification", "CONFIRMED", "landOriginNote", "Ổn định");
    dossier.complete("Task_AcceptTransfer", "transferAccepted", true);

    // then: the land office's stage has no apology left to give
    assertThat(deadline(dossier, "dossierDeadline")).isEqualTo("2026-12-16T09:00");
    assertThat(deadline(dossier, "originalDeadline")).isEqualTo("2026-12-14T09:00");
    assertThat(due(dossier, "StartEvent_ApologyDueLandOffice")).isEqualTo(FAR_FUTURE);
    assertThat(local(dossier.task("Task_AppraiseLandRecord").getDueDate())).isEqualTo("2026-12-16T09:00");
  }

  @Test
  void shouldRefuseAnAppointmentOutsideOneToThirtyWorkingDays() {
    // given
    Dossier dossier = constructionPermit();
    now("2026-12-04T09:00");
    execute(dossier.timer(APOLOGY_DUE));

    // when / then
    assertThatThrownBy(() -> dossier.complete("Task_IssueApology", "extensionDays", 45, "apologyReason", "Lâu"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("từ 1 đến 30 ngày làm việc");
    assertThat(dossier.openTasks()).containsExactlyInAnyOrder(APPRAISE, "Task_IssueApology");
    assertThat(deadline(dossier, "dossierDeadline")).isEqualTo("2026-12-07T09:00");
  }

  @Test
  void shouldCancelTheApologyWhenTheDossierFinishesInTime() {
    // given: the apology task is open
    Dossier dossier = constructionPermit();
    now("2026-12-04T09:00");
    execute(dossier.timer(APOLOGY_DUE));

    // when: the officer finishes before the deadline
    dossier.complete(APPRAISE, "appraisal", "PROPOSE_APPROVE", "appraisalNote", "Đủ điều kiện");
    dossier.complete("Task_Approve", "approval", "SIGN");

    // then
    assertThat(dossier.openTasks()).containsExactly("Task_ReturnResult");
    assertThat(dossier.variable("apologyIssued")).isNull();
  }
}

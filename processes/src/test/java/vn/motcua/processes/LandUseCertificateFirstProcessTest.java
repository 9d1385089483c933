package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static vn.motcua.processes.ProcessTestSupport.*;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"processes/land-use-certificate-first.bpmn", INTAKE, FEE_PAYMENT, SUPPLEMENT, TRANSFER, RETURN_RESULT, NOTIFICATION, FORM_INFORM, FORM_POSTAL, FORM_SIGN,
    ROUTING, PROCESSING_TIME, TIME_RULES, STAGE_BUDGET, ESCALATION_RULES, APOLOGY, ESCALATION,
    FORM_APOLOGY, FORM_DIRECT, FORM_SUPERVISE, FORM_CHECK, FORM_TRANSFER, "forms/verify-land-origin.form", "forms/appraise-land.form",
    "forms/assess-tax.form", "forms/confirm-tax-paid.form", "forms/send-land-information-on-paper.form", "forms/sign-certificate.form", FORM_RETURN})
class LandUseCertificateFirstProcessTest extends ProcessTestSupport {

  static final String PROCEDURE = "1.004227";
  static final String CHECK = "Task_CheckCompleteness";
  static final String ACCEPT_TRANSFER = "Task_AcceptTransfer";
  static final String VERIFY_ORIGIN = "Task_VerifyLandOrigin";
  static final String APPRAISE = "Task_AppraiseLandRecord";
  static final String ASSESS_TAX = "Task_AssessFinancialObligations";
  static final String CONFIRM_PAID = "Task_ConfirmObligationsPaid";
  static final String SIGN = "Task_SignCertificate";
  static final String RETURN = "Task_ReturnResult";

  private Dossier submitThreeLevel() {
    return start("landUseCertificateFirst", dossierVariables(PROCEDURE, "H180"));
  }

  /** Completes the acknowledgement of an inter-agency hand-over, checking who received it. */
  private void acknowledge(Dossier dossier, String agency) {
    assertThat(dossier.candidateGroups(ACCEPT_TRANSFER)).containsExactly(agency + ".counter");
    dossier.complete(ACCEPT_TRANSFER, "transferAccepted", true);
  }

  private Dossier throughCommune(Dossier dossier) {
    dossier.complete(CHECK, "completeness", "COMPLETE");
    acknowledge(dossier, "X06148");
    return dossier.complete(VERIFY_ORIGIN, "landVerification", "CONFIRMED", "landOriginNote", "Đất ở ổn định từ 1993");
  }

  @Test
  void shouldHandTheDossierAcrossEveryAgencyAndIssueTheCertificateWhenAllStagesAgree() {
    // given: received Monday 16 November 2026 09:00 at the district one-stop counter
    Dossier dossier = submitThreeLevel();
    assertThat(dossier.candidateGroups(CHECK)).containsExactly("H180.counter");
    dossier.complete(CHECK, "completeness", "COMPLETE");

    // then: commune stage, 20 working days deadline
    acknowledge(dossier, "X06148");
    assertThat(local((Date) dossier.variable("dossierDeadline"))).isEqualTo("2026-12-14T09:00");
    assertThat(dossier.candidateGroups(VERIFY_ORIGIN)).containsExactly("X06148.specialist");
    dossier.complete(VERIFY_ORIGIN, "landVerification", "CONFIRMED", "landOriginNote", "Đất ở ổn định từ 1993");

    // land registration office branch
    acknowledge(dossier, "CNVPDK180");
    assertThat(dossier.candidateGroups(APPRAISE)).containsExactly("CNVPDK180.specialist");
    dossier.complete(APPRAISE, "appraisal", "ELIGIBLE", "appraisalNote", "Đủ điều kiện cấp");

    // tax office (the cadastral information went to the tax system), then the land office confirms payment
    acknowledge(dossier, "CCT180");
    assertThat(dossier.openTasks()).containsExactly(ASSESS_TAX);
    assertThat(engine.getRuntimeService().getVariable(dossier.instance.getId(), "taxTransferId"))
        .isEqualTo("CT-2026-000001");
    assertThat(dossier.candidateGroups(ASSESS_TAX)).containsExactly("CCT180.specialist");
    dossier.complete(ASSESS_TAX, "taxAmount", 12_500_000L, "taxNoticeNumber", "TB-2026/118");
    BpmnAwareTests.assertThat(dossier.instance).isWaitingAt("Task_AwaitPayment");
    assertThat(dossier.openTasks()).isEmpty();
    dossier.pay();
    assertThat(dossier.candidateGroups(CONFIRM_PAID)).containsExactly("CNVPDK180.specialist");
    dossier.complete(CONFIRM_PAID, "taxPaid", true, "paymentReference", "BL-556677");

    // issuing authority signs
    acknowledge(dossier, "H180");
    assertThat(dossier.candidateGroups(SIGN)).containsExactly("H180.leader");
    // the issuing stage's budget is 4 working days from its start (the clock has not moved)
    assertThat(local(dossier.task(SIGN).getDueDate())).isEqualTo("2026-11-20T09:00");
    dossier.complete(SIGN, "approval", "SIGN");

    // the receiving counter returns it
    assertThat(dossier.candidateGroups(RETURN)).containsExactly("H180.counter");
    dossier.complete(RETURN, "returnMethod", "POST", "postalAddress", "Thôn Bản Mới, xã Chí Minh, Tràng Định");
    dossier.completeExternal("order-postal-delivery", "postalTrackingNumber", "EL100000001VN");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_ResultReturned");
    assertThat(dossier.path()).containsSubsequence("CallActivity_Transfer", "CallActivity_TransferToLandOffice",
        "CallActivity_TransferToTax", "CallActivity_TransferToIssuer", "CallActivity_ReturnResult");
  }

  @Test
  void shouldSendTheLandInformationToTheTaxSystemAndOnPaperWhenItRefuses() {
    // given: the land office found the record eligible and handed it to the tax office
    workersAtOnce = false;
    Dossier dossier = submitThreeLevel();
    dossier.complete(CHECK, "completeness", "COMPLETE");
    acknowledge(dossier, "X06148");
    dossier.complete(VERIFY_ORIGIN, "landVerification", "CONFIRMED", "landOriginNote", "Đất ở ổn định từ 1993");
    acknowledge(dossier, "CNVPDK180");
    dossier.complete(APPRAISE, "appraisal", "ELIGIBLE", "appraisalNote", "Đủ điều kiện cấp");
    acknowledge(dossier, "CCT180");

    // then: the cadastral information goes to the tax system first; the tax officer waits for it
    assertThat(dossier.openTasks()).isEmpty();

    // when: the tax system refuses the form
    engine.getExternalTaskService().handleBpmnError(dossier.externalTask("send-land-information"), "test-worker",
        "TAX_TRANSFER_REFUSED", "Thiếu mã số thuế", Map.of("taxTransferError", "Thiếu mã số thuế"));

    // then: the land office sends it on paper within one working day, then the tax officer assesses
    assertThat(dossier.candidateGroups("Task_SendLandInformationOnPaper")).containsExactly("CNVPDK180.specialist");
    assertThat(local(dossier.task("Task_SendLandInformationOnPaper").getDueDate())).isEqualTo("2026-11-17T09:00");
    dossier.complete("Task_SendLandInformationOnPaper", "landTransferNumber", "PCT-118/2026");
    assertThat(dossier.candidateGroups(ASSESS_TAX)).containsExactly("CCT180.specialist");
  }

  @Test
  void shouldRouteEveryStageToProvinceAndCommuneWhenTheProvinceHasTwoLevels() {
    // given
    // filed under the code of the procedure since 1 July 2025
    Map<String, Object> vars = dossierVariables("1.013978", "X06148");
    vars.put("adminStructure", "TWO_LEVEL");
    vars.put("districtCode", null);
    Dossier dossier = start("landUseCertificateFirst", vars);

    // when: the commune receives and verifies itself (no hand-over), then the province offices take over
    dossier.complete(CHECK, "completeness", "COMPLETE");
    dossier.complete(VERIFY_ORIGIN, "landVerification", "CONFIRMED", "landOriginNote", "Ổn định");
    acknowledge(dossier, "VPDK20");
    dossier.complete(APPRAISE, "appraisal", "ELIGIBLE", "appraisalNote", "Đủ điều kiện");
    acknowledge(dossier, "THUE20");
    dossier.complete(ASSESS_TAX, "taxAmount", 0L, "taxNoticeNumber", "TB-1");
    dossier.pay();
    dossier.complete(CONFIRM_PAID, "taxPaid", true, "paymentReference", "MIEN");
    acknowledge(dossier, "X06148");

    // then: the commune signs
    assertThat(dossier.candidateGroups(SIGN)).containsExactly("X06148.leader");
  }

  @Test
  void shouldReturnRefusalWhenTheCommuneFindsTheLandNotEligible() {
    // given
    Dossier dossier = submitThreeLevel();
    dossier.complete(CHECK, "completeness", "COMPLETE");
    acknowledge(dossier, "X06148");

    // when
    dossier.complete(VERIFY_ORIGIN, "landVerification", "NOT_ELIGIBLE", "landOriginNote", "Đang tranh chấp",
        "refusalReason", "Đất đang có tranh chấp");

    // then
    assertThat(engine.getTaskService().getVariable(dossier.task(RETURN).getId(), "resultKind")).isEqualTo("REFUSAL");
    dossier.complete(RETURN, "returnMethod", "COUNTER", "receivedBy", "Nguyễn Văn An");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Refused");
  }

  @Test
  void shouldReturnRefusalWhenTheLandOfficeFindsItNotEligible() {
    // given
    Dossier dossier = throughCommune(submitThreeLevel());
    acknowledge(dossier, "CNVPDK180");

    // when
    dossier.complete(APPRAISE, "appraisal", "NOT_ELIGIBLE", "appraisalNote", "Không phù hợp quy hoạch",
        "refusalReason", "Không phù hợp quy hoạch sử dụng đất");

    // then
    dossier.complete(RETURN, "returnMethod", "ONLINE");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Refused");
  }

  @Test
  void shouldReturnAStopNoticeWhenTheLandOfficeStopsProcessing() {
    // given
    Dossier dossier = throughCommune(submitThreeLevel());
    acknowledge(dossier, "CNVPDK180");

    // when: the applicant asked to stop (form 05 of Circular 03/2025)
    dossier.complete(APPRAISE, "appraisal", "STOP", "appraisalNote", "Người nộp đề nghị dừng",
        "stopReason", "Người sử dụng đất đề nghị dừng giải quyết");

    // then
    assertThat(engine.getTaskService().getVariable(dossier.task(RETURN).getId(), "resultKind")).isEqualTo("STOP");
    dossier.complete(RETURN, "returnMethod", "COUNTER", "receivedBy", "Nguyễn Văn An");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Stopped");
    assertThat(dossier.path()).doesNotContain("CallActivity_TransferToTax");
  }

  @Test
  void shouldReturnRefusalWhenTheIssuingAuthorityRefusesToSign() {
    // given
    Dossier dossier = throughCommune(submitThreeLevel());
    acknowledge(dossier, "CNVPDK180");
    dossier.complete(APPRAISE, "appraisal", "ELIGIBLE", "appraisalNote", "Đủ");
    acknowledge(dossier, "CCT180");
    dossier.complete(ASSESS_TAX, "taxAmount", 1000L, "taxNoticeNumber", "TB-2");
    dossier.pay();
    dossier.complete(CONFIRM_PAID, "taxPaid", true, "paymentReference", "BL-1");
    acknowledge(dossier, "H180");

    // when
    dossier.complete(SIGN, "approval", "REFUSE", "refusalReason", "Sai thông tin thửa đất");

    // then
    dossier.complete(RETURN, "returnMethod", "COUNTER", "receivedBy", "Nguyễn Văn An");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Refused");
  }

  @Test
  void shouldResumeEachStageAfterItsOwnSupplementRequest() {
    // given
    Dossier dossier = submitThreeLevel();
    dossier.complete(CHECK, "completeness", "COMPLETE");
    acknowledge(dossier, "X06148");

    // when: the commune asks for a supplement
    dossier.complete(VERIFY_ORIGIN, "landVerification", "SUPPLEMENT", "landOriginNote", "Thiếu",
        "missingDocuments", "Biên lai nộp thuế đất các năm");
    assertThat(dossier.awaitingSupplement()).isTrue();
    BpmnAwareTests.assertThat(dossier.instance).isWaitingAt("CallActivity_SupplementAtCommune");
    dossier.supplement();

    // then it resumes at the commune; later the land office asks too and resumes there
    dossier.complete(VERIFY_ORIGIN, "landVerification", "CONFIRMED", "landOriginNote", "Đủ");
    acknowledge(dossier, "CNVPDK180");
    dossier.complete(APPRAISE, "appraisal", "SUPPLEMENT", "appraisalNote", "Thiếu",
        "missingDocuments", "Sơ đồ thửa đất");
    dossier.supplement();
    assertThat(dossier.candidateGroups(APPRAISE)).containsExactly("CNVPDK180.specialist");
  }

  @Test
  void shouldReturnTheDossierWhenTheApplicantDoesNotSupplementTheLandOffice() {
    // given
    Dossier dossier = throughCommune(submitThreeLevel());
    acknowledge(dossier, "CNVPDK180");
    dossier.complete(APPRAISE, "appraisal", "SUPPLEMENT", "appraisalNote", "Thiếu", "missingDocuments", "Sơ đồ");

    // when
    execute(dossier.supplementTimer());

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Withdrawn");
  }

  @Test
  void shouldRefuseAtTheCounterWhenTheDossierIsNotAdmissible() {
    // given
    Dossier dossier = submitThreeLevel();

    // when
    dossier.complete(CHECK, "completeness", "REFUSE", "refusalReason", "Không thuộc thẩm quyền");

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_RefusedAtIntake");
  }
}

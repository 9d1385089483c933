package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * The paths every procedure built on the receive – transfer – appraise – approve – return template must take.
 * Each model's own ProcessTest extends this and adds the paths only it has.
 */
abstract class SingleAgencyProcedureContract extends ProcessTestSupport {

  static final String CHECK = "Task_CheckCompleteness";
  static final String ACCEPT_TRANSFER = "Task_AcceptTransfer";
  static final String APPRAISE = "Task_Appraise";
  static final String APPROVE = "Task_Approve";
  static final String RETURN = "Task_ReturnResult";

  /** What a model must produce for a Lạng Sơn applicant received on Monday 16 November 2026 at 09:00. */
  record Expected(String processKey, String procedureCode, String receivingAgency, String handlingAgency,
                  String deadline, String twoLevelReceivingAgency, String twoLevelHandlingAgency) {
  }

  abstract Expected expected();

  /** The code a dossier of the two-level structure is filed under (a procedure re-published on 1 July 2025 differs). */
  String twoLevelProcedureCode() {
    return expected().procedureCode();
  }

  Dossier submit() {
    return submit(dossierVariables(expected().procedureCode(), expected().receivingAgency()));
  }

  Dossier submit(Map<String, Object> variables) {
    return start(expected().processKey(), variables);
  }

  /** Completes intake and, when the handling agency is another one, its acknowledgement of the transfer. */
  Dossier receive(Dossier dossier, String handlingAgency, String receivingAgency) {
    dossier.complete(CHECK, "completeness", "COMPLETE");
    if (!handlingAgency.equals(receivingAgency)) {
      assertThat(dossier.candidateGroups(ACCEPT_TRANSFER)).containsExactly(handlingAgency + ".counter");
      dossier.complete(ACCEPT_TRANSFER, "transferAccepted", true);
    }
    return dossier;
  }

  @Test
  void shouldReachTheCounterOnlyOnceTheFeeTheDecisionAsksForIsPaid() {
    // given: the fee decision asked for a fee
    Map<String, Object> variables = dossierVariables(expected().procedureCode(), expected().receivingAgency());
    variables.put("feeAmount", 50_000L);
    Dossier dossier = submit(variables);
    assertThat(dossier.openTasks()).isEmpty();

    // when
    dossier.payFee("COUNTER", "BL-0000123");

    // then
    assertThat(dossier.candidateGroups(CHECK)).containsExactly(expected().receivingAgency() + ".counter");
  }

  @Test
  void shouldCancelTheDossierWhenTheFeeIsNotPaidInTime() {
    // given
    Map<String, Object> variables = dossierVariables(expected().procedureCode(), expected().receivingAgency());
    variables.put("feeAmount", 50_000L);
    Dossier dossier = submit(variables);

    // when
    execute(dossier.timer("Event_FeePeriodExpired"));

    // then
    BpmnAwareTests.assertThat(dossier.instance).isEnded().hasPassed("EndEvent_FeeNotPaid")
        .hasNotPassed("CallActivity_Intake");
  }

  @Test
  void shouldReturnResultWhenDossierIsCompleteAndApproved() {
    Expected e = expected();
    // given
    Dossier dossier = submit();
    assertThat(dossier.candidateGroups(CHECK)).containsExactly(e.receivingAgency() + ".counter");
    assertThat(local(dossier.task(CHECK).getDueDate())).isEqualTo("2026-11-16T14:30");

    // when
    receive(dossier, e.handlingAgency(), e.receivingAgency());

    // then: the legal deadline is fixed from the receipt time and every task is due by it; the applicant is told
    assertThat(local((java.util.Date) dossier.variable("dossierDeadline"))).isEqualTo(e.deadline());
    assertThat(dossier.notices()).containsExactly("RECEIVED");
    assertThat(dossier.candidateGroups(APPRAISE)).containsExactly(e.handlingAgency() + ".specialist");
    assertThat(local(dossier.task(APPRAISE).getDueDate())).isEqualTo(e.deadline());

    dossier.complete(APPRAISE, "appraisal", "PROPOSE_APPROVE", "appraisalNote", "Đủ điều kiện");
    assertThat(dossier.candidateGroups(APPROVE)).containsExactly(e.handlingAgency() + ".leader");
    assertThat(local(dossier.task(APPROVE).getDueDate())).isEqualTo(e.deadline());

    dossier.complete(APPROVE, "approval", "SIGN");
    assertThat(dossier.candidateGroups(RETURN)).containsExactly(e.receivingAgency() + ".counter");
    Task returnTask = dossier.task(RETURN);
    assertThat(local(returnTask.getDueDate())).isEqualTo(e.deadline());
    assertThat(engine.getTaskService().getVariable(returnTask.getId(), "resultKind")).isEqualTo("RESULT");

    dossier.complete(RETURN, "returnMethod", "COUNTER", "receivedBy", "Nguyễn Văn An");
    BpmnAwareTests.assertThat(dossier.instance).isEnded()
        .hasPassedInOrder("CallActivity_Intake", "CallActivity_Transfer", "Task_DetermineProcessingTime", APPRAISE,
            APPROVE, "CallActivity_ReturnResult", "EndEvent_ResultReturned")
        .hasNotPassed("EndEvent_Refused", "EndEvent_Withdrawn");
  }

  @Test
  void shouldEndRefusedWhenCounterRefusesToReceive() {
    // given
    Dossier dossier = submit();

    // when
    dossier.complete(CHECK, "completeness", "REFUSE", "refusalReason", "Không thuộc thẩm quyền");

    // then
    BpmnAwareTests.assertThat(dossier.instance).isEnded().hasPassed("EndEvent_RefusedAtIntake")
        .hasNotPassed("CallActivity_Transfer");
  }

  @Test
  void shouldCountFromTheCompleteDossierWhenCounterAskedForSupplementFirst() {
    Expected e = expected();
    // given
    Dossier dossier = submit();
    dossier.complete(CHECK, "completeness", "SUPPLEMENT", "missingDocuments", "Bản sao giấy tờ tùy thân");
    assertThat(dossier.awaitingSupplement()).isTrue();

    BpmnAwareTests.assertThat(dossier.instance).isWaitingAt("CallActivity_Intake");

    // when: the applicant brings everything one week later
    now("2026-11-23T09:00");
    dossier.supplement();
    receive(dossier, e.handlingAgency(), e.receivingAgency());

    // then: the receipt time, and so the deadline, is that of the complete dossier
    assertThat(local((java.util.Date) dossier.variable("receivedAt"))).isEqualTo("2026-11-23T09:00");
    assertThat(dossier.task(APPRAISE)).isNotNull();
  }

  @Test
  void shouldResumeAppraisalWhenApplicantSupplementsDuringHandling() {
    Expected e = expected();
    // given
    Dossier dossier = receive(submit(), e.handlingAgency(), e.receivingAgency());

    // when
    dossier.complete(APPRAISE, "appraisal", "SUPPLEMENT", "appraisalNote", "Thiếu", "missingDocuments", "Giấy tờ X");
    assertThat(dossier.awaitingSupplement()).isTrue();
    dossier.supplement();

    // then
    assertThat(dossier.candidateGroups(APPRAISE)).containsExactly(e.handlingAgency() + ".specialist");
  }

  @Test
  void shouldReturnDossierWhenSupplementPeriodExpires() {
    Expected e = expected();
    // given
    Dossier dossier = receive(submit(), e.handlingAgency(), e.receivingAgency());
    dossier.complete(APPRAISE, "appraisal", "SUPPLEMENT", "appraisalNote", "Thiếu", "missingDocuments", "Giấy tờ X");

    // then: the applicant has 15 working days
    assertThat(local(dossier.supplementTimer().getDuedate())).isEqualTo("2026-12-07T09:00");

    // when
    execute(dossier.supplementTimer());

    // then
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Withdrawn");
  }

  @Test
  void shouldReturnRefusalWhenLeaderSignsProposedRefusal() {
    Expected e = expected();
    // given
    Dossier dossier = receive(submit(), e.handlingAgency(), e.receivingAgency());

    // when
    dossier.complete(APPRAISE, "appraisal", "PROPOSE_REFUSE", "appraisalNote", "Không đủ điều kiện",
        "refusalReason", "Không đủ điều kiện theo quy định");
    dossier.complete(APPROVE, "approval", "SIGN");

    // then
    assertThat(engine.getTaskService().getVariable(dossier.task(RETURN).getId(), "resultKind")).isEqualTo("REFUSAL");
    dossier.complete(RETURN, "returnMethod", "ONLINE");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Refused");
  }

  @Test
  void shouldReturnAStopNoticeWhenLeaderSignsProposedStop() {
    Expected e = expected();
    // given: the applicant asked to withdraw during handling (form 05 of Circular 03/2025)
    Dossier dossier = receive(submit(), e.handlingAgency(), e.receivingAgency());

    // when
    dossier.complete(APPRAISE, "appraisal", "PROPOSE_STOP", "appraisalNote", "Người nộp đề nghị dừng",
        "stopReason", "Người nộp hồ sơ đề nghị dừng giải quyết");
    dossier.complete(APPROVE, "approval", "SIGN");

    // then
    assertThat(engine.getTaskService().getVariable(dossier.task(RETURN).getId(), "resultKind")).isEqualTo("STOP");
    dossier.complete(RETURN, "returnMethod", "ONLINE");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_Stopped");
  }

  @Test
  void shouldGoBackToAppraisalWhenLeaderReturnsTheProposal() {
    Expected e = expected();
    // given
    Dossier dossier = receive(submit(), e.handlingAgency(), e.receivingAgency());
    dossier.complete(APPRAISE, "appraisal", "PROPOSE_APPROVE", "appraisalNote", "Đủ điều kiện");

    // when
    dossier.complete(APPROVE, "approval", "RETURN", "approvalNote", "Kiểm tra lại");

    // then
    assertThat(dossier.candidateGroups(APPRAISE)).containsExactly(e.handlingAgency() + ".specialist");
  }

  @Test
  void shouldRouteToTwoLevelAgenciesWhenTheApplicantsProvinceHasNoDistricts() {
    Expected e = expected();
    // given
    Map<String, Object> vars = dossierVariables(twoLevelProcedureCode(), e.twoLevelReceivingAgency());
    vars.put("adminStructure", "TWO_LEVEL");
    vars.put("districtCode", null);

    // when
    Dossier dossier = receive(submit(vars), e.twoLevelHandlingAgency(), e.twoLevelReceivingAgency());

    // then
    assertThat(dossier.candidateGroups(APPRAISE)).containsExactly(e.twoLevelHandlingAgency() + ".specialist");
  }
}

package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.processes.ProcessTestSupport.*;

import java.util.Date;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"processes/marriage-registration.bpmn", INTAKE, FEE_PAYMENT, SUPPLEMENT, TRANSFER, RETURN_RESULT, NOTIFICATION, FORM_INFORM, FORM_POSTAL, FORM_SIGN, ROUTING,
    PROCESSING_TIME, TIME_RULES, STAGE_BUDGET, ESCALATION_RULES, APOLOGY, ESCALATION,
    FORM_APOLOGY, FORM_DIRECT, FORM_SUPERVISE, FORM_CHECK, FORM_TRANSFER, "forms/appraise-marriage.form", "forms/verify.form", FORM_APPROVE,
    FORM_RETURN})
class MarriageRegistrationProcessTest extends SingleAgencyProcedureContract {

  static final String VERIFY = "Task_Verify";

  @Override
  Expected expected() {
    return new Expected("marriageRegistration", "1.000894", "X06148", "X06148", "2026-11-16T17:00", "X06148",
        "X06148");
  }

  @Test
  void shouldExtendDeadlineToFiveWorkingDaysWhenVerificationIsNeeded() {
    // given: same-day procedure received Monday 09:00
    Dossier dossier = receive(submit(), "X06148", "X06148");
    assertThat(local((Date) dossier.variable("dossierDeadline"))).isEqualTo("2026-11-16T17:00");

    // when
    dossier.complete(APPRAISE, "appraisal", "VERIFY", "appraisalNote", "Cần xác minh tình trạng hôn nhân");

    // then: five working days from the receipt, and the verification task is due by then
    assertThat(local((Date) dossier.variable("dossierDeadline"))).isEqualTo("2026-11-23T09:00");
    assertThat(local(dossier.task(VERIFY).getDueDate())).isEqualTo("2026-11-23T09:00");
    assertThat(dossier.candidateGroups(VERIFY)).containsExactly("X06148.specialist");

    // when
    dossier.complete(VERIFY, "verificationResult", "Không có vướng mắc");

    // then: back to appraisal, due by the extended deadline
    assertThat(local(dossier.task(APPRAISE).getDueDate())).isEqualTo("2026-11-23T09:00");
    dossier.complete(APPRAISE, "appraisal", "PROPOSE_APPROVE", "appraisalNote", "Đủ điều kiện")
        .complete(APPROVE, "approval", "SIGN")
        .complete(RETURN, "returnMethod", "COUNTER", "receivedBy", "Hai bên nam, nữ");
    assertThat(dossier.endEvent()).isEqualTo("EndEvent_ResultReturned");
  }
}

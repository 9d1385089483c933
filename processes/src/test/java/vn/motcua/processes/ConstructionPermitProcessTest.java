package vn.motcua.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.processes.ProcessTestSupport.*;

import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"processes/construction-permit.bpmn", INTAKE, FEE_PAYMENT, SUPPLEMENT, TRANSFER, RETURN_RESULT, NOTIFICATION, FORM_INFORM, FORM_POSTAL, FORM_SIGN, ROUTING,
    PROCESSING_TIME, TIME_RULES, STAGE_BUDGET, ESCALATION_RULES, APOLOGY, ESCALATION,
    FORM_APOLOGY, FORM_DIRECT, FORM_SUPERVISE, FORM_CHECK, FORM_TRANSFER, "forms/appraise-construction.form", "forms/inspect-site.form",
    FORM_APPROVE, FORM_RETURN})
class ConstructionPermitProcessTest extends SingleAgencyProcedureContract {

  static final String INSPECT = "Task_InspectSite";

  @Override
  Expected expected() {
    // 15 working days from Monday 16 November 2026 09:00
    return new Expected("constructionPermit", "1.009997", "H180", "H180-KTHT", "2026-12-07T09:00", "X06148",
        "X06148");
  }

  @Override
  String twoLevelProcedureCode() {
    return "1.013225";
  }

  @Test
  void shouldInspectTheSiteBeforeProposingWhenAppraisalAsksForIt() {
    // given
    Dossier dossier = receive(submit(), "H180-KTHT", "H180");

    // when
    dossier.complete(APPRAISE, "appraisal", "INSPECT", "appraisalNote", "Kiểm tra hiện trạng khu đất");

    // then
    assertThat(dossier.candidateGroups(INSPECT)).containsExactly("H180-KTHT.specialist");
    assertThat(local(dossier.task(INSPECT).getDueDate())).isEqualTo("2026-12-07T09:00");
    dossier.complete(INSPECT, "inspectionRecord", "Hiện trạng phù hợp bản vẽ");
    dossier.complete(APPRAISE, "appraisal", "PROPOSE_APPROVE", "appraisalNote", "Đủ điều kiện cấp phép");
    assertThat(dossier.path()).contains("Task_InspectSite");
  }
}

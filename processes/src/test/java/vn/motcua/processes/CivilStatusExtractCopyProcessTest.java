package vn.motcua.processes;

import static vn.motcua.processes.ProcessTestSupport.*;

import org.camunda.bpm.engine.test.Deployment;

@Deployment(resources = {"processes/civil-status-extract-copy.bpmn",
    INTAKE, FEE_PAYMENT, SUPPLEMENT, TRANSFER, RETURN_RESULT, NOTIFICATION, FORM_INFORM, FORM_POSTAL, FORM_SIGN, ROUTING, PROCESSING_TIME, TIME_RULES, STAGE_BUDGET, ESCALATION_RULES, APOLOGY, ESCALATION,
    FORM_APOLOGY, FORM_DIRECT, FORM_SUPERVISE,
    FORM_CHECK, FORM_TRANSFER, FORM_APPRAISE, FORM_APPROVE, FORM_RETURN})
class CivilStatusExtractCopyProcessTest extends SingleAgencyProcedureContract {

  @Override
  Expected expected() {
    return new Expected("civilStatusExtractCopy",
        "2.000635", "X06148", "X06148", "2026-11-16T17:00", "X06148", "X06148");
  }
}

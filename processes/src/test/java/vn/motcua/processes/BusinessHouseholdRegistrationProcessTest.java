package vn.motcua.processes;

import static vn.motcua.processes.ProcessTestSupport.*;

import org.camunda.bpm.engine.test.Deployment;

@Deployment(resources = {"processes/business-household-registration.bpmn",
    INTAKE, FEE_PAYMENT, SUPPLEMENT, TRANSFER, RETURN_RESULT, NOTIFICATION, FORM_INFORM, FORM_POSTAL, FORM_SIGN, ROUTING, PROCESSING_TIME, TIME_RULES, STAGE_BUDGET, ESCALATION_RULES, APOLOGY, ESCALATION,
    FORM_APOLOGY, FORM_DIRECT, FORM_SUPERVISE,
    FORM_CHECK, FORM_TRANSFER, FORM_APPRAISE, FORM_APPROVE, FORM_RETURN})
class BusinessHouseholdRegistrationProcessTest extends SingleAgencyProcedureContract {

  @Override
  Expected expected() {
    return new Expected("businessHouseholdRegistration",
        "1.001612", "H180", "H180-TCKH", "2026-11-19T09:00", "X06148", "X06148");
  }
}

package vn.motcua.processes;

import static vn.motcua.processes.ProcessTestSupport.*;

import org.camunda.bpm.engine.test.Deployment;

@Deployment(resources = {"processes/driving-licence-exchange.bpmn",
    INTAKE, FEE_PAYMENT, SUPPLEMENT, TRANSFER, RETURN_RESULT, NOTIFICATION, FORM_INFORM, FORM_POSTAL, FORM_SIGN, ROUTING, PROCESSING_TIME, TIME_RULES, STAGE_BUDGET, ESCALATION_RULES, APOLOGY, ESCALATION,
    FORM_APOLOGY, FORM_DIRECT, FORM_SUPERVISE,
    FORM_CHECK, FORM_TRANSFER, FORM_APPRAISE, FORM_APPROVE, FORM_RETURN})
class DrivingLicenceExchangeProcessTest extends SingleAgencyProcedureContract {

  @Override
  Expected expected() {
    return new Expected("drivingLicenceExchange",
        "1.002809", "TTHCC20", "CSGT20", "2026-11-23T09:00", "TTHCC20", "CSGT20");
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Procedures follow the law in force on the day the dossier was received: the police took driving licences over
 * from the Departments of Transport on 1 March 2025, so an exchange received on 20 February 2025 goes to the
 * Department of Transport and one received on 5 March 2025 to the provincial traffic police; a household business
 * received on 30 June 2025, the districts' last day, stays with its district to the end. (Every shipped procedure
 * received today goes to today's agency: ProcedureLifecycleIT drives each to its result.)
 */
class LawOfTheDayIT extends PostgresIntegrationTest {

  private static final String COUNTER = "tthcc.langson";

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @Test
  void shouldSendADrivingLicenceExchangeToTheAgencyInChargeOnTheDayItWasReceived() {
    // given: one exchange received before the police took over, one after
    now("2025-02-20T09:00");
    String february = received();
    now("2025-03-05T09:00");
    String march = received();

    // then: each waits at the agency in charge on its day
    assertThat(candidateGroup(february, "Task_AcceptTransfer")).isEqualTo("SGTVT20.counter");
    assertThat(candidateGroup(march, "Task_AcceptTransfer")).isEqualTo("CSGT20.counter");
    assertThat(agency(february)).containsEntry("code", "SGTVT20")
        .containsEntry("name", "Sở Giao thông vận tải tỉnh Lạng Sơn");
    assertThat(agency(march)).containsEntry("code", "CSGT20")
        .containsEntry("name", "Phòng Cảnh sát giao thông – Công an tỉnh Lạng Sơn");

    // when: the traffic police accept theirs
    api.complete("csgt.langson", march, "Task_AcceptTransfer", Map.of("transferAccepted", true));

    // then: its specialist appraises it
    assertThat(api.task("csgt.langson", march, "Task_Appraise").get("candidateGroups"))
        .isEqualTo(java.util.List.of("CSGT20.specialist"));
  }

  @Test
  void shouldKeepAHouseholdBusinessReceivedOnTheDistrictsLastDayWithItsDistrictToTheEnd() {
    // given: the former Tràng Định district's staff (their agencies end on 30 June 2025)
    staff("trangdinh.motcua", "H180.counter");
    staff("trangdinh.tckh", "H180-TCKH.counter", "H180-TCKH.specialist");
    staff("trangdinh.lanhdao", "H180-TCKH.leader");

    // when: received online on Monday 30 June 2025 from Cao Minh commune, then handled after the switch
    now("2025-06-30T09:00");
    String code = (String) api.submitOwing("citizen", dossierRequest("1.001612", "06010")).get("receiptCode");
    api.payAtCounter("trangdinh.motcua", code);
    api.complete("trangdinh.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    assertThat(candidateGroup(code, "Task_AcceptTransfer")).isEqualTo("H180-TCKH.counter");
    now("2025-07-01T08:00");
    api.complete("trangdinh.tckh", code, "Task_AcceptTransfer", Map.of("transferAccepted", true));
    api.complete("trangdinh.tckh", code, "Task_Appraise", Map.of("appraisal", "PROPOSE_APPROVE",
        "appraisalNote", "Đủ điều kiện"));
    assertThat(api.task("trangdinh.lanhdao", code, "Task_Approve").get("candidateGroups"))
        .isEqualTo(java.util.List.of("H180-TCKH.leader"));
    api.complete("trangdinh.lanhdao", code, "Task_Approve", Map.of("approval", "SIGN"));
    api.complete("trangdinh.motcua", code, "Task_ReturnResult", Map.of("returnMethod", "COUNTER",
        "receivedBy", "Nguyễn Văn An"));

    // then: finished at the district, under the law of its day: three working days, district level
    Map<String, Object> dossier = api.dossier("citizen", code);
    assertThat(dossier).containsEntry("status", "RESULT_RETURNED").containsEntry("procedureCode", "1.001612")
        .containsEntry("deadline", "2025-07-03T09:00:00+07:00");
    assertThat(dossier.get("receivingAgency")).asString().contains("H180");
    assertThat(dossier.get("place")).asString().contains("THREE_LEVEL").contains("180");
  }

  /** Submitted online by the citizen, paid and received at the provincial service centre. */
  private String received() {
    String code = (String) api.submit("citizen", dossierRequest("1.002809", "06148")).get("receiptCode");
    api.complete(COUNTER, code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    return code;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> agency(String receiptCode) {
    return (Map<String, Object>) api.dossier("citizen", receiptCode).get("currentAgency");
  }
}

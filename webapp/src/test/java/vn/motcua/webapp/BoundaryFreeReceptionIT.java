package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Boundary-free reception (Decree 118/2025): any centre of the province receives a dossier whatever the applicant's
 * commune, and the competent agency handles it. The receiving centre and the handling agency are both on the dossier,
 * the voucher (form 01) and the lookup page; the board counts the dossier once, for the handling unit, and shows the
 * receiving centre's work apart. A centre of another province does not receive it.
 */
class BoundaryFreeReceptionIT extends PostgresIntegrationTest {

  private static final String SUPERVISOR = "giamsat.langson";
  private static final String PERIOD = "?period=2026-12";

  @LocalServerPort
  private int port;
  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    now("2026-12-08T09:00");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldReceiveAtAnotherCommunesCentreAndCountTheDossierOnceForTheHandlingUnit() throws Exception {
    // given: the province's board before
    Map<String, Object> before = api.call(SUPERVISOR, HttpMethod.GET, "/api/v1/board/overview" + PERIOD, null)
        .getBody();

    // when: an applicant living in Thụy Hùng hands a birth registration in at Thất Khê's centre
    Map<String, Object> submitted = api.submit("thatkhe.motcua", dossierRequest("1.001193", "06148",
        "channel", "COUNTER"));
    String code = (String) submitted.get("receiptCode");

    // then: Thất Khê received it, Thụy Hùng handles it
    assertThat(code).startsWith("X06040-");
    assertThat((Map<String, Object>) submitted.get("receivingAgency")).containsEntry("code", "X06040")
        .containsEntry("name", "Ủy ban nhân dân xã Thất Khê");
    assertThat((Map<String, Object>) submitted.get("handlingAgency")).containsEntry("code", "X06148")
        .containsEntry("name", "Ủy ban nhân dân xã Thụy Hùng");
    api.complete("thatkhe.motcua", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    assertThat(api.task("thuyhung.motcua", code, "Task_AcceptTransfer").get("candidateGroups"))
        .isEqualTo(List.of("X06148.counter"));
    api.complete("thuyhung.motcua", code, "Task_AcceptTransfer", Map.of("transferAccepted", true));
    assertThat(api.task("thuyhung.tuphap", code, "Task_Appraise").get("candidateGroups"))
        .isEqualTo(List.of("X06148.specialist"));

    // and the voucher Thất Khê hands over names both
    assertThat(voucher(code)).contains("Bộ phận Tiếp nhận và Trả kết quả – Ủy ban nhân dân xã Thất Khê tiếp nhận",
        "Cơ quan giải quyết: Ủy ban nhân dân xã Thụy Hùng.");

    // and the public lookup page too
    var lookup = new WebSession(port, "tranthibinh").post("/tra-cuu?lang=vi", "/tra-cuu?lang=vi",
        Map.of("ma", code, "so", "1234"));
    assertThat(lookup.statusCode()).isEqualTo(200);
    assertThat(lookup.body()).contains("id=\"tracking-receiving-agency\">Ủy ban nhân dân xã Thất Khê<",
        "id=\"tracking-handling-agency\">Ủy ban nhân dân xã Thụy Hùng<");

    // and the board counts it once, for Thụy Hùng; Thất Khê's centre shows it as its reception work
    Map<String, Object> after = api.call(SUPERVISOR, HttpMethod.GET, "/api/v1/board/overview" + PERIOD, null)
        .getBody();
    assertThat(received(after) - received(before)).isEqualTo(1);
    assertThat(unitReceived(after, "06148") - unitReceived(before, "06148")).isEqualTo(1);
    assertThat(unitReceived(after, "06040") - unitReceived(before, "06040")).isZero();
    assertThat(reception(after, "X06040", "received") - reception(before, "X06040", "received")).isEqualTo(1);
    assertThat(reception(after, "X06040", "forOtherUnits") - reception(before, "X06040", "forOtherUnits"))
        .isEqualTo(1);
    // and Thụy Hùng's own supervisor follows it
    assertThat(api.dossier("giamsat.thuyhung", code)).containsEntry("receiptCode", code);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldReceiveACommuneProcedureAtTheProvinceCentreForTheApplicantsCommune() {
    // when: the provincial centre receives a household business of Thụy Hùng
    Map<String, Object> submitted = api.submit("tthcc.langson", dossierRequest("1.001612", "06148",
        "channel", "COUNTER"));

    // then: the commune handles it
    assertThat((Map<String, Object>) submitted.get("receivingAgency")).containsEntry("code", "TTHCC20");
    assertThat((Map<String, Object>) submitted.get("handlingAgency")).containsEntry("code", "X06148");
    String code = (String) submitted.get("receiptCode");
    api.complete("tthcc.langson", code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    assertThat(api.task("thuyhung.motcua", code, "Task_AcceptTransfer").get("candidateGroups"))
        .isEqualTo(List.of("X06148.counter"));
  }

  @Test
  void shouldRefuseADossierOfAnotherProvinceAtACommuneCentreAndRecordNothing() {
    // when: Thất Khê (Lạng Sơn) is asked to receive for Thượng Lâm (Tuyên Quang)
    ResponseEntity<Map<String, Object>> refused = api.call("thatkhe.motcua", HttpMethod.POST, "/api/v1/dossiers",
        dossierRequest("1.001193", "02269", "channel", "COUNTER"));

    // then
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(refused.getBody().get("detail"))).contains("X06040", "Xã Thượng Lâm",
        "Tỉnh Tuyên Quang", "bất kỳ bộ phận một cửa nào trong tỉnh");
  }

  private String voucher(String code) throws Exception {
    List<Map<String, Object>> documents = rest.withBasicAuth("thatkhe.motcua", "demo").exchange(
        "/api/v1/dossiers/" + code + "/documents", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    Object id = documents.stream().filter(d -> "RECEIPT_VOUCHER".equals(d.get("kind"))).findFirst().orElseThrow()
        .get("id");
    byte[] pdf = rest.withBasicAuth("thatkhe.motcua", "demo").getForObject("/api/v1/documents/" + id + "/content",
        byte[].class);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  /** The dossiers received of an overview or of one of its units (their "kpis"). */
  @SuppressWarnings("unchecked")
  private static long received(Map<String, Object> withKpis) {
    return ((Number) ((Map<String, Object>) withKpis.get("kpis")).get("received")).longValue();
  }

  @SuppressWarnings("unchecked")
  private static long unitReceived(Map<String, Object> overview, String unit) {
    return ((List<Map<String, Object>>) overview.get("units")).stream().filter(u -> unit.equals(u.get("code")))
        .findFirst().map(u -> received(u)).orElse(0L);
  }

  @SuppressWarnings("unchecked")
  private static long reception(Map<String, Object> overview, String agency, String figure) {
    return ((List<Map<String, Object>>) overview.get("reception")).stream()
        .filter(r -> agency.equals(r.get("agencyCode"))).findFirst()
        .map(r -> ((Number) r.get(figure)).longValue()).orElse(0L);
  }
}

package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Zero Java, the other way: a province's new structure is data, as every province's was on 1 July 2025 (shown on the
 * illustrative three-level rows of Nam Định, which end on 30 June 2025 as Nam Định became part of Ninh Bình). The
 * operator adds today's units — here an illustrative Ninh Bình with two communes directly under it from 1 July, Cổ Lễ
 * keeping its code — each with its People's Committee, and reloads. Nothing else changes: the routing table already has
 * its two-level rows. A household business received on 30 June 2025 goes to the district; one received on 1 July is
 * received and handled by the commune, a construction permit too, filed under the code it has since that day; the old
 * commune is no longer accepted.
 */
class TwoLevelSwitchIT extends PostgresIntegrationTest {

  private static final String NEW_COMMUNE = "13751";

  @LocalServerPort
  private int port;
  @Autowired
  private org.springframework.jdbc.core.JdbcTemplate jdbc;
  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @AfterEach
  void restoreTheShippedReferenceData() {
    shippedReferenceData();
    // a reload keeps codes its files no longer list (a dossier may name them): the operator's rows go by hand
    jdbc.update("delete from agency where code = ?", "X" + NEW_COMMUNE);
    jdbc.update("delete from admin_unit where code in (?, '37')", NEW_COMMUNE);
    new WebSession(port, "caicach.langson").post("/board/mo-hinh?lang=vi", "/board/mo-hinh/du-lieu", Map.of());
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRouteNewDossiersByTheTwoLevelStructureOnceTheReferenceDataSaysSo() throws IOException {
    // given: on 30 June 2025 Phương Định commune is in Trực Ninh district
    now("2025-06-30T09:00");
    String before = submitAtDistrict("1.001612", "13750");
    assertThat(receivingAgency(before)).isEqualTo("H363");
    // and a construction permit of that day is filed under the permit's code of then
    assertThat(api.dossier("citizen", submitAtDistrict("1.013225", "13750"))).containsEntry("procedureCode",
        "1.009997");

    // when: the new province and its communes are in force from 1 July (data only), reloaded
    edit("admin-units.csv", List.of(), List.of("37,Tỉnh Ninh Bình,PROVINCE,,2025-07-01,,no",
        NEW_COMMUNE + ",Xã Phương Định,COMMUNE,37,2025-07-01,,no",
        // Cổ Lễ keeps its code: the township until 30 June, the commune under the province from 1 July
        "13735,Xã Cổ Lễ,COMMUNE,37,2025-07-01,,no"));
    edit("agencies.csv", List.of(), List.of(
        "X" + NEW_COMMUNE + ",Ủy ban nhân dân xã Phương Định,Phương Định Commune People's Committee,COMMUNE,"
            + NEW_COMMUNE + ",PEOPLES_COMMITTEE,2025-07-01,,no",
        "X13735,Ủy ban nhân dân xã Cổ Lễ,Cổ Lễ Commune People's Committee,COMMUNE,13735,PEOPLES_COMMITTEE,"
            + "2025-07-01,,no"));
    WebSession officer = new WebSession(port, "caicach.langson");
    var reloaded = officer.post("/board/mo-hinh?lang=vi", "/board/mo-hinh/du-lieu?lang=vi", Map.of());
    assertThat(reloaded.statusCode()).isEqualTo(200);
    java.text.NumberFormat vietnamese = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi"));
    assertThat(reloaded.body()).contains("Đã nạp lại: " + vietnamese.format(rows("admin-units.csv"))
        + " đơn vị hành chính, " + vietnamese.format(rows("agencies.csv")) + " cơ quan.");

    // and the new communes' staff are set up in Camunda Admin (the engine's users and groups: data as well)
    staff("phuongdinhmoi.motcua", "X" + NEW_COMMUNE + ".counter");
    staff("phuongdinhmoi.tuphap", "X" + NEW_COMMUNE + ".specialist");
    staff("cole.motcua", "X13735.counter");

    // then: from 1 July the commune receives and handles a household business, and receives a construction permit
    now("2025-07-01T09:00");
    String after = submitAtNewCommune("1.001612", NEW_COMMUNE, "phuongdinhmoi.motcua");
    assertThat(candidateGroup(after, "Task_CheckCompleteness")).isEqualTo("X" + NEW_COMMUNE + ".counter");
    api.complete("phuongdinhmoi.motcua", after, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
    assertThat(api.task("phuongdinhmoi.tuphap", after, "Task_Appraise").get("candidateGroups"))
        .isEqualTo(List.of("X" + NEW_COMMUNE + ".specialist"));
    // asked for by the permit's former code, filed under today's
    String permit = submitAtNewCommune("1.009997", NEW_COMMUNE, "phuongdinhmoi.motcua");
    assertThat(candidateGroup(permit, "Task_CheckCompleteness")).isEqualTo("X" + NEW_COMMUNE + ".counter");
    assertThat(api.dossier("citizen", permit)).containsEntry("procedureCode", "1.013225");
    // and a code that names a reorganised unit from 1 July places the applicant in the new structure
    assertThat(candidateGroup(submitAtNewCommune("1.001612", "13735", "cole.motcua"), "Task_CheckCompleteness"))
        .isEqualTo("X13735.counter");
    // and the dossier received on 30 June stays with the district
    assertThat(receivingAgency(before)).isEqualTo("H363");
    // and the old commune no longer exists for new dossiers
    ResponseEntity<Map<String, Object>> ended = api.call("citizen", HttpMethod.POST, "/api/v1/dossiers",
        dossierRequest("1.001612", "13750"));
    assertThat(ended.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(ended.getBody().get("detail"))).contains("13750");
    // and the reload is in the log
    assertThat(officer.get("/board/mo-hinh?lang=vi").body()).contains("Nạp lại đơn vị hành chính và cơ quan");
  }

  @Test
  void shouldRefuseReferenceDataWithABrokenRowAndChangeNothing() throws IOException {
    // given: an agency of a unit that does not exist
    now("2025-06-30T09:00");
    edit("agencies.csv", List.of(), List.of("X99999,Ủy ban nhân dân xã Không Có,Nowhere,COMMUNE,99999"));

    // when
    var refused = new WebSession(port, "caicach.langson").post("/board/mo-hinh?lang=vi",
        "/board/mo-hinh/du-lieu?lang=vi", Map.of());

    // then: refused with the row and the reason; the structure is as before
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Không nạp được dữ liệu tham chiếu, không có gì thay đổi: agencies.csv #",
        "administrative unit 99999 of agency X99999 is not defined");
    assertThat(receivingAgency(submitAtDistrict("1.001612", "13750"))).isEqualTo("H363");
  }

  @Test
  void shouldRefuseTwoPeriodsOfOneCodeThatOverlap() throws IOException {
    // given: Phương Định listed again from 1 June 2025 while its first period runs to 30 June
    now("2025-06-30T09:00");
    edit("admin-units.csv", List.of(), List.of("13750,Xã Phương Định,COMMUNE,36,2025-06-01,"));

    // when
    var refused = new WebSession(port, "caicach.langson").post("/board/mo-hinh?lang=vi",
        "/board/mo-hinh/du-lieu?lang=vi", Map.of());

    // then
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("admin-units.csv: the periods of 13750 overlap (… – 2025-06-30 and 2025-06-01 – …)");
    assertThat(receivingAgency(submitAtDistrict("1.001612", "13750"))).isEqualTo("H363");
  }

  @SuppressWarnings("unchecked")
  private String receivingAgency(String receiptCode) {
    return (String) ((Map<String, Object>) api.dossier("citizen", receiptCode).get("receivingAgency")).get("code");
  }

  /** Submitted online by an applicant of a commune still under a district, whose counter's fee is left owing. */
  private String submitAtDistrict(String procedure, String commune) {
    return (String) api.submitOwing("citizen", dossierRequest(procedure, commune)).get("receiptCode");
  }

  /** Submitted online to a commune under the province, whose counter takes the fee. */
  @SuppressWarnings("unchecked")
  private String submitAtNewCommune(String procedure, String commune, String counter) {
    Map<String, Object> dossier = api.submitOwing("citizen", dossierRequest(procedure, commune));
    assertThat((Map<String, Object>) dossier.get("place")).containsEntry("adminStructure", "TWO_LEVEL")
        .doesNotContainKey("districtCode");
    String code = (String) dossier.get("receiptCode");
    api.payAtCounter(counter, code);
    return code;
  }

  /** How many rows a reference data file holds (not its comments, header or empty lines). */
  private static long rows(String file) throws IOException {
    return Files.readAllLines(REFERENCE_DATA.resolve(file), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).count() - 1;
  }

  /** Replaces lines of a reference data file (pairs: old, new) and appends rows, as an operator edits it. */
  private static void edit(String file, List<String> replacements, List<String> added) throws IOException {
    Path path = REFERENCE_DATA.resolve(file);
    String content = Files.readString(path, StandardCharsets.UTF_8);
    for (int i = 0; i < replacements.size(); i += 2) {
      assertThat(content).as("%s has %s", file, replacements.get(i)).contains(replacements.get(i) + "\n");
      content = content.replace(replacements.get(i) + "\n", replacements.get(i + 1) + "\n");
    }
    StringBuilder edited = new StringBuilder(content.endsWith("\n") ? content : content + "\n");
    added.forEach(row -> edited.append(row).append('\n'));
    Files.writeString(path, edited.toString(), StandardCharsets.UTF_8);
  }
}

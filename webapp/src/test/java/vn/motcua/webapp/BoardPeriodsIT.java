package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import static vn.motcua.webapp.Api.dossierRequest;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board speaks of each period in the structure of its time: from July 2025 the province's supervisor narrows it
 * to today's communes and wards (no district) and ranks them and the departments; in the second quarter of 2025 it
 * narrows to and ranks that time's districts, and says the period is historical; the year 2025 has both, each part
 * ranked apart, and the page says so.
 */
class BoardPeriodsIT extends PostgresIntegrationTest {

  private static final Pattern UNIT = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>([^<]+)</option>");

  @LocalServerPort
  private int port;
  @org.springframework.beans.factory.annotation.Autowired
  private vn.motcua.webapp.board.BoardRollup rollup;

  /** The units the filter offers for a period, as "code name". */
  private List<String> units(WebSession supervisor, String period) {
    String page = supervisor.get("/board?lang=vi&period=" + period).body();
    String select = page.substring(page.indexOf("id=\"filter-unit\""), page.indexOf("</select>",
        page.indexOf("id=\"filter-unit\"")));
    Matcher option = UNIT.matcher(select);
    List<String> found = new java.util.ArrayList<>();
    while (option.find()) {
      found.add(option.group(1) + " " + option.group(2));
    }
    return found;
  }

  @Test
  void shouldOfferTheUnitsOfThePeriodsStructureWhenTheSupervisorNarrowsTheBoard() {
    // given
    WebSession province = new WebSession(port, "giamsat.langson");

    // when / then: December 2026 — today's communes and wards, no district
    List<String> today = units(province, "2026-12");
    assertThat(today).contains("06148 Xã Thụy Hùng", "06040 Xã Thất Khê", "05977 Phường Đông Kinh")
        .noneMatch(unit -> unit.contains("Huyện") || unit.startsWith("180 "))
        .doesNotContain("06013 Xã Chí Minh");
    assertThat(today).hasSize(65);

    // when / then: the second quarter of 2025 — that time's 11 districts and 194 communes
    List<String> before = units(province, "2025-Q2");
    assertThat(before).contains("180 Huyện Tràng Định", "06013 Xã Chí Minh", "06040 Thị trấn Thất Khê",
        "06148 Xã Thanh Long").doesNotContain("06148 Xã Thụy Hùng");
    assertThat(before).hasSize(11 + 194);

    // when / then: the year 2025 — both, each code as it last was in the year
    assertThat(units(province, "2025")).contains("180 Huyện Tràng Định", "06013 Xã Chí Minh", "06148 Xã Thụy Hùng",
        "06040 Xã Thất Khê");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRankEachPeriodsUnitsInTheStructureOfItsTimeAndSayWhenAPeriodSpansTheChange() {
    // given: a birth received in May 2025 at Cao Minh (then in Tràng Định district), one in September 2025 at Thụy
    // Hùng (directly under the province), and in December 2026 one at Thụy Hùng and a driving licence the traffic
    // police handle
    Api api = new Api(rest);
    staff("caominh.motcua", "X06010.counter");
    now("2025-05-15T09:00");
    received(api, "1.001193", "06010", "caominh.motcua");
    now("2025-09-15T09:00");
    received(api, "1.001193", "06148", "thuyhung.motcua");
    now("2026-12-08T09:00");
    received(api, "1.001193", "06148", "thuyhung.motcua");
    received(api, "1.002809", "06148", "tthcc.langson");
    // received on days the tests went back to: months an earlier board computed are computed again
    rollup.forget(java.util.Set.of(202505, 202509));

    // when / then: December 2026 ranks today's communes and the departments, no district
    List<Map<String, Object>> today = ranking(api, "2026-12");
    assertThat(today).extracting(r -> r.get("part")).containsOnly("COMMUNES", "DEPARTMENTS");
    assertThat(today).extracting(r -> unit(r)).contains("06148", "CSGT20").doesNotContain("180", "20");
    WebSession province = new WebSession(port, "giamsat.langson");
    String page = province.get("/board?lang=vi&period=2026-12").body();
    assertThat(page).contains("Xã, phường (chính quyền địa phương hai cấp, từ 01/7/2025)",
        "Phòng Cảnh sát giao thông – Công an tỉnh Lạng Sơn").doesNotContain("id=\"ranking-structure\"");

    // when / then: the second quarter of 2025 ranks that time's districts, and says it is historical
    List<Map<String, Object>> before = ranking(api, "2025-Q2");
    assertThat(before).filteredOn(r -> "THREE_LEVEL".equals(r.get("part"))).extracting(r -> unit(r)).contains("180");
    assertThat(before).extracting(r -> r.get("part")).doesNotContain("COMMUNES");
    assertThat(province.get("/board?lang=vi&period=2025-Q2").body()).contains("id=\"ranking-structure\"",
        "Kỳ lịch sử: trước ngày 01/7/2025 chính quyền địa phương có ba cấp");

    // when / then: the year 2025 has both parts, each ranked from 1, and the page says so
    List<Map<String, Object>> year = ranking(api, "2025");
    assertThat(year).filteredOn(r -> "THREE_LEVEL".equals(r.get("part"))).extracting(r -> unit(r)).contains("180");
    assertThat(year).filteredOn(r -> "COMMUNES".equals(r.get("part"))).extracting(r -> unit(r)).contains("06148");
    assertThat(year).filteredOn(r -> "COMMUNES".equals(r.get("part"))).extracting(r -> r.get("rank")).contains(1);
    assertThat(year).filteredOn(r -> "THREE_LEVEL".equals(r.get("part"))).extracting(r -> r.get("rank")).contains(1);
    assertThat(province.get("/board?lang=vi&period=2025").body()).contains(
        "Kỳ này có cả trước và sau ngày 01/7/2025", "Đơn vị của cơ cấu ba cấp (đến 30/6/2025)",
        "Xã, phường (chính quyền địa phương hai cấp, từ 01/7/2025)");
  }

  /** Submitted online by the citizen (the fee paid at the counter) and found complete by the receiving counter. */
  private static void received(Api api, String procedure, String commune, String counter) {
    Map<String, Object> dossier = api.submitOwing("citizen", dossierRequest(procedure, commune));
    String code = (String) dossier.get("receiptCode");
    if ("AWAITING_PAYMENT".equals(dossier.get("status"))) {
      api.payAtCounter(counter, code);
    }
    api.complete(counter, code, "Task_CheckCompleteness", Map.of("completeness", "COMPLETE"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> ranking(Api api, String period) {
    return (List<Map<String, Object>>) api.call("giamsat.langson", org.springframework.http.HttpMethod.GET,
        "/api/v1/board/overview?period=" + period, null).getBody().get("ranking");
  }

  @SuppressWarnings("unchecked")
  private static String unit(Map<String, Object> ranked) {
    return (String) ((Map<String, Object>) ranked.get("result")).get("unitCode");
  }
}

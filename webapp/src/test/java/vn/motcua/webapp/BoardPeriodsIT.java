package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board speaks of each period in the structure of its time: from July 2025 the province's supervisor narrows it
 * to today's communes and wards (no district); in the second quarter of 2025 to that time's districts and communes;
 * the year 2025 has both.
 */
class BoardPeriodsIT extends PostgresIntegrationTest {

  private static final Pattern UNIT = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>([^<]+)</option>");

  @LocalServerPort
  private int port;

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
}

package vn.motcua.webapp.people;

import java.util.Arrays;
import java.util.Optional;

/** The roles inside an agency; the (candidate) group of a role is {@code <agency>.<role>}. */
public enum AgencyRole {
  COUNTER("counter", "Bộ phận một cửa"),
  SPECIALIST("specialist", "Chuyên viên"),
  LEADER("leader", "Lãnh đạo"),
  /** Supervisors and reform officers act for the jurisdiction of the agency they belong to. */
  SUPERVISION("supervision", "Giám sát");

  private final String suffix;
  private final String label;

  AgencyRole(String suffix, String label) {
    this.suffix = suffix;
    this.label = label;
  }

  public String groupOf(String agencyCode) {
    return agencyCode + "." + suffix;
  }

  public boolean handlesTasks() {
    return this != SUPERVISION;
  }

  String label() {
    return label;
  }

  /** The agency code of a candidate group such as {@code X06148.specialist}. */
  public static Optional<String> agencyOf(String groupId) {
    if (groupId == null) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(role -> groupId.endsWith("." + role.suffix))
        .map(role -> groupId.substring(0, groupId.length() - role.suffix.length() - 1))
        .filter(agency -> !agency.isEmpty())
        .findFirst();
  }

  static Optional<AgencyRole> ofSuffix(String suffix) {
    return Arrays.stream(values()).filter(r -> r.suffix.equals(suffix)).findFirst();
  }
}

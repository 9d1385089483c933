package vn.motcua.webapp.board;

import vn.motcua.webapp.place.AdminUnit;

/**
 * The dossiers a board shows: those counted in one administrative unit and the units below it (a province, a
 * district with its communes, a commune), or every dossier ({@code level} null, for administrators).
 */
public record BoardScope(AdminUnit.Level level, String code, String name) {

  static final BoardScope EVERYWHERE = new BoardScope(null, null, null);

  public boolean everywhere() {
    return level == null;
  }

  /** The read-model column that holds this scope's unit. */
  String column() {
    return switch (level) {
      case PROVINCE -> "unit_province";
      case DISTRICT -> "unit_district";
      case COMMUNE -> "unit_code";
    };
  }

  /**
   * How the units right below this one are told apart in the read model: the districts of a province (that time's
   * structure) or its communes and wards (since 1 July 2025, directly under it) and its departments, each by the
   * agency that handled the dossier (a dossier recorded before that was known counts for the province itself); the
   * communes of a district (its own divisions as the district); the provinces of the country.
   */
  String childColumn() {
    if (everywhere()) {
      return "unit_province";
    }
    return switch (level) {
      case PROVINCE -> "case when unit_level = 'PROVINCE' and handling_agency is not null then handling_agency"
          + " else coalesce(unit_district, unit_code) end";
      case DISTRICT, COMMUNE -> "unit_code";
    };
  }
}

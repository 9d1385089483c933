package vn.motcua.webapp.board;

import java.util.regex.Pattern;
import vn.motcua.webapp.system.ApiException;

/**
 * What a supervisor narrows the board to. Lists follow who holds a dossier now ({@code agency}, {@code officer});
 * KPIs follow where it was received ({@code agency}). Empty values mean "all".
 *
 * @param unit a district or commune inside the supervisor's scope
 * @param level the level of the receiving agency: PROVINCE, DISTRICT or COMMUNE
 * @param dueDays N of "due within N working days"
 */
public record BoardFilter(String unit, String level, String agency, String sector, String procedure, String officer,
                          int dueDays) {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern LEVEL = Pattern.compile("PROVINCE|DISTRICT|COMMUNE");

  public BoardFilter {
    unit = clean(unit, "unit", CODE);
    level = clean(level, "level", LEVEL);
    agency = clean(agency, "agency", CODE);
    procedure = clean(procedure, "procedure", CODE);
    officer = clean(officer, "officer", CODE);
    sector = sector == null || sector.isBlank() ? null : sector.trim();
    if (sector != null && sector.length() > 200) {
      throw ApiException.badRequest("board.filter.invalid", "sector");
    }
    if (dueDays < 1 || dueDays > 30) {
      throw ApiException.badRequest("board.dueDays.invalid", dueDays);
    }
  }

  public static BoardFilter none() {
    return new BoardFilter(null, null, null, null, null, null, 3);
  }

  /** The filter of a request's query parameters (unknown parameters are ignored). */
  public static BoardFilter of(java.util.Map<String, String> params) {
    String due = params.get("dueDays");
    int dueDays;
    try {
      dueDays = due == null || due.isBlank() ? 3 : Integer.parseInt(due.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("board.dueDays.invalid", due);
    }
    return new BoardFilter(params.get("unit"), params.get("level"), params.get("agency"), params.get("sector"),
        params.get("procedure"), params.get("officer"), dueDays);
  }

  private static String clean(String value, String name, Pattern pattern) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (!pattern.matcher(trimmed).matches()) {
      throw ApiException.badRequest("board.filter.invalid", name);
    }
    return trimmed;
  }
}

package vn.motcua.webapp.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A procedure as its deployed model declares it: code, names, sector, nominal level and online-service level,
 * with the steps a person takes in it, in model order. {@code code} is the national code published today;
 * {@code formerCodes} the codes it was published under before (a ministry re-publishes a procedure under a new code
 * when the law moves it: the house construction permit was 1.009997 until 30 June 2025, 1.013225 since).
 */
public record Procedure(String code, String processKey, String processDefinitionId, int version, String versionTag,
                        String name, String nameEn, String sector, String sectorEn, String level,
                        String onlineServiceLevel, String handlingAgency, List<String> steps,
                        List<FormerCode> formerCodes) {

  /** A code the procedure was published under up to and including {@code until}. */
  public record FormerCode(String code, LocalDate until) {
  }

  /** The code in force on a day: a dossier received then is filed, routed, timed and charged under it. */
  public String codeOn(LocalDate day) {
    return formerCodes.stream().filter(former -> !day.isAfter(former.until()))
        .min(java.util.Comparator.comparing(FormerCode::until)).map(FormerCode::code).orElse(code);
  }

  /** Today's code and the former ones. */
  public List<String> codes() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(code), formerCodes.stream().map(FormerCode::code))
        .toList();
  }
}

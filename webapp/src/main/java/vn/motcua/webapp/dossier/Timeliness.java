package vn.motcua.webapp.dossier;

import java.time.Instant;
import java.time.ZoneId;

/** Early, on time or late against a due moment, as the tracking sheet (form 05) records each hand-over. */
public enum Timeliness {
  EARLY, ON_TIME, LATE;

  /** Early means done on an earlier day than the one it was due; late means after the due moment. */
  public static Timeliness of(Instant done, Instant due, ZoneId zone) {
    if (due == null || done == null) {
      return null;
    }
    if (done.isAfter(due)) {
      return LATE;
    }
    return done.atZone(zone).toLocalDate().isBefore(due.atZone(zone).toLocalDate()) ? EARLY : ON_TIME;
  }
}

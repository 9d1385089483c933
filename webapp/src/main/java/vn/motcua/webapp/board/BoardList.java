package vn.motcua.webapp.board;

/** The board's live lists of unfinished dossiers. */
public enum BoardList {
  /** Past the legal deadline and not waiting for the applicant. */
  OVERDUE,
  /** Due within N working days. */
  DUE_SOON,
  /** Waiting for the applicant: a supplement or a payment; the clock stands still. */
  PAUSED,
  /** An overdue stage escalated to a leader or to the supervisor one level up. */
  ESCALATED,
  /**
   * A call to another system failed for good (signature, post, notice, ...): an operator must retry it in Cockpit.
   * Finished dossiers too, when a notice of theirs is stuck.
   */
  INCIDENTS;

  /** As the URLs name it: overdue, due-soon, paused, escalated, incidents. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static BoardList ofSlug(String slug) {
    for (BoardList list : values()) {
      if (list.slug().equals(slug)) {
        return list;
      }
    }
    throw vn.motcua.webapp.system.ApiException.notFound("board.list.unknown", slug);
  }
}

package vn.motcua.webapp.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/** Officers' comments and the audit trail of a dossier. */
public record DossierHistory(List<Comment> comments, List<Entry> audit) {

  /** A comment. */
  public record Comment(String author, OffsetDateTime writtenAt, String step, String text) {
  }

  /**
   * Who did what, when, at which step; {@code summary} words the detail of a legal-time entry (old and new deadline,
   * why, to whom it was escalated) in the reader's language.
   */
  public record Entry(OffsetDateTime at, String actor, DossierAudit.Action action, String step, String detail,
                      String summary) {
  }
}

package vn.motcua.webapp.dossier;

/** What the applicant liked or did not like, chosen with a rating: the board reads why people are (dis)satisfied. */
public enum RatingReason {
  ON_TIME, CLEAR_GUIDANCE, COURTEOUS_STAFF, EASY_ONLINE,
  LATE, ASKED_AGAIN, UNCLEAR_GUIDANCE, DISCOURTEOUS_STAFF, HARD_ONLINE
}

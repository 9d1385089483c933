package vn.motcua.webapp.board;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The figures of a unit for a period. Received-based: how many were received, online, with a fee, paid online,
 * digitized, synced to the national portal, and how many distinct procedures had online, fee-paying and paid-online
 * dossiers. Finished-based: results and refusals (early, on time, late), withdrawn, stopped, electronic results,
 * ratings. At the end of the period, or now for a running period: in progress; overdue only for a running period
 * (null for one that is over).
 */
public record Kpis(long received, long online, long feeDossiers, long paidOnline, long digitized, long portalSynced,
                   long onlineProcedures, long feeProcedures, long paidProcedures,
                   long finished, long early, long onTime, long late, long withdrawn, long stopped,
                   long electronicResults, long rated, long satisfied, long inProgress, Long overdue) {

  static final Kpis NONE = new Kpis(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0L);

  /** Finished on time or early, of the results and refusals (Decision 766 group 2). */
  @JsonProperty
  public Double onTimeShare() {
    return share(early + onTime, finished);
  }

  @JsonProperty

  public Double onlineShare() {
    return share(online, received);
  }

  /** Paid online, of the dossiers that had something to pay. */
  @JsonProperty
  public Double onlinePaymentShare() {
    return share(paidOnline, feeDossiers);
  }

  @JsonProperty

  public Double digitizedShare() {
    return share(digitized, received);
  }

  /** Rated satisfied (4 or 5 of 5), of the rated dossiers. */
  @JsonProperty
  public Double satisfaction() {
    return share(satisfied, rated);
  }

  static Double share(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  Kpis withOpen(long inProgress, Long overdue) {
    return new Kpis(received, online, feeDossiers, paidOnline, digitized, portalSynced, onlineProcedures,
        feeProcedures, paidProcedures, finished, early, onTime, late, withdrawn, stopped, electronicResults, rated,
        satisfied, inProgress, overdue);
  }
}

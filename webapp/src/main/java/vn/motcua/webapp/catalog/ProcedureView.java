package vn.motcua.webapp.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A published procedure (its code today and those it was published under before) with what the decisions say of it
 * today, for one province, and what they will say from the
 * day a scheduled reform takes effect ({@code upcoming}, none when nothing of it changes).
 */
public record ProcedureView(String code, List<Procedure.FormerCode> formerCodes, String name, String nameEn, String sector, String sectorEn, String level,
                            String onlineServiceLevel, String handlingAgency, int version, String versionTag,
                            String ruleSetVersion, Map<String, BigDecimal> processingWorkingDays,
                            Map<String, Rules.Fee> fees, List<String> steps, List<Rules.RequiredDocument> documents,
                            Upcoming upcoming) {

  /** The legal time per channel, the fee per channel and the documents from a day on. */
  public record Upcoming(LocalDate from, Map<String, BigDecimal> processingWorkingDays, Map<String, Rules.Fee> fees,
                         List<Rules.RequiredDocument> documents) {
  }
}

package vn.motcua.webapp.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A published procedure with what the decisions say of it today, for one province. */
public record ProcedureView(String code, String name, String nameEn, String sector, String sectorEn, String level,
                            String onlineServiceLevel, String handlingAgency, int version, String versionTag,
                            String ruleSetVersion, Map<String, BigDecimal> processingWorkingDays,
                            Map<String, Rules.Fee> fees, List<String> steps, List<Rules.RequiredDocument> documents) {
}

package vn.motcua.webapp.catalog;

import java.util.List;

/**
 * A procedure as its deployed model declares it: code, names, sector, nominal level and online-service level,
 * with the steps a person takes in it, in model order.
 */
public record Procedure(String code, String processKey, String processDefinitionId, int version, String versionTag,
                        String name, String nameEn, String sector, String sectorEn, String level,
                        String onlineServiceLevel, String handlingAgency, List<String> steps) {
}

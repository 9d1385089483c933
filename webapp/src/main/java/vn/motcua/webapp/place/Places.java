package vn.motcua.webapp.place;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers where an applicant lives in the structure in force on a day, and which agencies exist. */
@Service
@Transactional(readOnly = true)
public class Places {

  /** Local government structure in force for a commune: with districts (until 30 June 2025) or without. */
  public enum Structure { THREE_LEVEL, TWO_LEVEL }

  /** A commune with the district (if any) and province above it, as in force on a day. */
  public record Location(AdminUnit commune, AdminUnit district, AdminUnit province) {
    public Structure structure() {
      return district == null ? Structure.TWO_LEVEL : Structure.THREE_LEVEL;
    }

    public String districtCode() {
      return district == null ? null : district.getCode();
    }
  }

  /**
   * The administrative unit an agency serves, with the district and province above it: where the dossiers it
   * receives count in statistics and which supervisors see them. A district's own unit has {@code districtCode}
   * equal to its code; a province's has none.
   */
  public record Unit(String code, AdminUnit.Level level, String provinceCode, String districtCode) {
  }

  private final AdminUnitRepository units;
  private final AgencyRepository agencies;
  /** Reference data held in memory: it changes only when the loader runs (at start-up). */
  private volatile Snapshot snapshot;

  private record Snapshot(Map<String, AdminUnit> units, Map<String, Agency> agencies) {
  }

  Places(AdminUnitRepository units, AgencyRepository agencies) {
    this.units = units;
    this.agencies = agencies;
  }

  /** Forgets what was read, after the reference data changed. */
  void refresh() {
    snapshot = null;
  }

  private Snapshot data() {
    Snapshot current = snapshot;
    if (current == null) {
      Map<String, AdminUnit> byCode = new java.util.LinkedHashMap<>();
      units.findAll(org.springframework.data.domain.Sort.by("code")).forEach(u -> byCode.put(u.getCode(), u));
      Map<String, Agency> agencyByCode = new java.util.LinkedHashMap<>();
      agencies.findAll(org.springframework.data.domain.Sort.by("code"))
          .forEach(a -> agencyByCode.put(a.getCode(), a));
      current = new Snapshot(Map.copyOf(byCode), java.util.Collections.unmodifiableMap(agencyByCode));
      snapshot = current;
    }
    return current;
  }

  /** The commune and its parents on the given day, or empty when the code is not a commune in force then. */
  public Optional<Location> locate(String communeCode, LocalDate day) {
    Optional<AdminUnit> commune = valid(communeCode, day).filter(u -> u.getLevel() == AdminUnit.Level.COMMUNE);
    if (commune.isEmpty()) {
      return Optional.empty();
    }
    Optional<AdminUnit> parent = valid(commune.get().getParentCode(), day);
    if (parent.isEmpty()) {
      return Optional.empty();
    }
    if (parent.get().getLevel() == AdminUnit.Level.PROVINCE) {
      return Optional.of(new Location(commune.get(), null, parent.get()));
    }
    return valid(parent.get().getParentCode(), day)
        .filter(p -> p.getLevel() == AdminUnit.Level.PROVINCE)
        .map(province -> new Location(commune.get(), parent.get(), province));
  }

  private Optional<AdminUnit> valid(String code, LocalDate day) {
    return unit(code).filter(u -> u.isValidOn(day));
  }

  /** Every commune in force on the day, with its parents, by province, district and name. */
  public List<Location> communes(LocalDate day) {
    return data().units().values().stream().filter(u -> u.getLevel() == AdminUnit.Level.COMMUNE)
        .flatMap(u -> locate(u.getCode(), day).stream())
        .sorted(java.util.Comparator.comparing((Location l) -> l.province().getName())
            .thenComparing(l -> l.district() == null ? "" : l.district().getName())
            .thenComparing(l -> l.commune().getName()))
        .toList();
  }

  public Optional<AdminUnit> unit(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(data().units().get(code));
  }

  public Optional<Agency> agency(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(data().agencies().get(code));
  }

  public Optional<Unit> unitOf(String agencyCode) {
    return agency(agencyCode).flatMap(agency -> unit(agency.getAdminUnitCode())).map(unit -> {
      String province = null;
      String district = null;
      for (AdminUnit u = unit; u != null; u = unit(u.getParentCode()).orElse(null)) {
        if (u.getLevel() == AdminUnit.Level.PROVINCE) {
          province = u.getCode();
        } else if (u.getLevel() == AdminUnit.Level.DISTRICT) {
          district = u.getCode();
        }
      }
      return new Unit(unit.getCode(), unit.getLevel(), province, district);
    });
  }

  /** Every unit below the given one (districts, then their communes), in order of code; all units for null. */
  public List<AdminUnit> below(String code) {
    List<AdminUnit> all = List.copyOf(data().units().values());
    if (code == null) {
      return all;
    }
    List<AdminUnit> found = new java.util.ArrayList<>();
    java.util.Deque<String> parents = new java.util.ArrayDeque<>(List.of(code));
    while (!parents.isEmpty()) {
      String parent = parents.pop();
      all.stream().filter(u -> parent.equals(u.getParentCode())).forEach(u -> {
        found.add(u);
        parents.push(u.getCode());
      });
    }
    found.sort(java.util.Comparator.comparing(AdminUnit::getLevel).thenComparing(AdminUnit::getCode));
    return found;
  }

  public List<Agency> agencies() {
    return List.copyOf(data().agencies().values());
  }
}

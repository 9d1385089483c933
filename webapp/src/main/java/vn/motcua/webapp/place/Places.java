package vn.motcua.webapp.place;

import java.time.Clock;
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
  private final Clock clock;
  /** Reference data held in memory: it changes only when the loader runs (at start-up, or when asked). */
  private volatile Snapshot snapshot;

  /** Every period of every unit and agency, by code, in order of their start. */
  private record Snapshot(Map<String, List<AdminUnit>> units, Map<String, List<Agency>> agencies) {
  }

  Places(AdminUnitRepository units, AgencyRepository agencies, Clock clock) {
    this.units = units;
    this.agencies = agencies;
    this.clock = clock;
  }

  /** Forgets what was read, after the reference data changed. */
  void refresh() {
    snapshot = null;
  }

  private Snapshot data() {
    Snapshot current = snapshot;
    if (current == null) {
      current = new Snapshot(periods(units.findAll(), AdminUnit::getCode, AdminUnit::getValidFrom),
          periods(agencies.findAll(), Agency::getCode, Agency::getValidFrom));
      snapshot = current;
    }
    return current;
  }

  private static <T> Map<String, List<T>> periods(List<T> rows, java.util.function.Function<T, String> code,
      java.util.function.Function<T, LocalDate> from) {
    Map<String, List<T>> byCode = new java.util.TreeMap<>();
    rows.forEach(row -> byCode.computeIfAbsent(code.apply(row), c -> new java.util.ArrayList<>()).add(row));
    byCode.replaceAll((c, list) -> list.stream()
        .sorted(java.util.Comparator.comparing(from, java.util.Comparator.nullsFirst(
            java.util.Comparator.naturalOrder()))).toList());
    return java.util.Collections.unmodifiableMap(byCode);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The period in force on the day, else (for a code no longer or not yet in force) its latest one. */
  private static <T> Optional<T> onOrLatest(List<T> periods, java.util.function.Predicate<T> validOn) {
    if (periods == null || periods.isEmpty()) {
      return Optional.empty();
    }
    return periods.stream().filter(validOn).findFirst().or(() -> Optional.of(periods.get(periods.size() - 1)));
  }

  /** The commune and its parents on the given day, or empty when the code is not a commune in force then. */
  public Optional<Location> locate(String communeCode, LocalDate day) {
    Optional<AdminUnit> commune = unit(communeCode, day).filter(u -> u.getLevel() == AdminUnit.Level.COMMUNE);
    if (commune.isEmpty()) {
      return Optional.empty();
    }
    Optional<AdminUnit> parent = unit(commune.get().getParentCode(), day);
    if (parent.isEmpty()) {
      return Optional.empty();
    }
    if (parent.get().getLevel() == AdminUnit.Level.PROVINCE) {
      return Optional.of(new Location(commune.get(), null, parent.get()));
    }
    return unit(parent.get().getParentCode(), day)
        .filter(p -> p.getLevel() == AdminUnit.Level.PROVINCE)
        .map(province -> new Location(commune.get(), parent.get(), province));
  }

  /** Every commune in force on the day, with its parents, by province, district and name. */
  public List<Location> communes(LocalDate day) {
    return data().units().keySet().stream()
        .flatMap(code -> locate(code, day).stream())
        .sorted(java.util.Comparator.comparing((Location l) -> l.province().getName())
            .thenComparing(l -> l.district() == null ? "" : l.district().getName())
            .thenComparing(l -> l.commune().getName()))
        .toList();
  }

  /** The unit of that code in force on the day. */
  public Optional<AdminUnit> unit(String code, LocalDate day) {
    return code == null ? Optional.empty() : Optional.ofNullable(data().units().get(code))
        .flatMap(periods -> periods.stream().filter(u -> u.isValidOn(day)).findFirst());
  }

  /** The unit of that code as it is today, or as it last was (a district that ended, for its history). */
  public Optional<AdminUnit> unit(String code) {
    LocalDate today = today();
    return code == null ? Optional.empty() : onOrLatest(data().units().get(code), u -> u.isValidOn(today));
  }

  /** The agency of that code as it is today, or as it last was (a body merged or ended, for its history). */
  public Optional<Agency> agency(String code) {
    LocalDate today = today();
    return code == null ? Optional.empty() : onOrLatest(data().agencies().get(code), a -> a.isValidOn(today));
  }

  /** The agency of that code in force on the day. */
  public Optional<Agency> agency(String code, LocalDate day) {
    return code == null ? Optional.empty() : Optional.ofNullable(data().agencies().get(code))
        .flatMap(periods -> periods.stream().filter(a -> a.isValidOn(day)).findFirst());
  }

  /** The unit an agency serves with the district and province above it, as they are on the day (else as they were). */
  public Optional<Unit> unitOf(String agencyCode, LocalDate day) {
    return onOrLatest(data().agencies().get(agencyCode), a -> a.isValidOn(day))
        .flatMap(agency -> unitOn(agency.getAdminUnitCode(), day)).map(unit -> {
      String province = null;
      String district = null;
      for (AdminUnit u = unit; u != null; u = unitOn(u.getParentCode(), day).orElse(null)) {
        if (u.getLevel() == AdminUnit.Level.PROVINCE) {
          province = u.getCode();
        } else if (u.getLevel() == AdminUnit.Level.DISTRICT) {
          district = u.getCode();
        }
      }
      return new Unit(unit.getCode(), unit.getLevel(), province, district);
    });
  }

  /** {@link #unitOf(String, LocalDate)} today. */
  public Optional<Unit> unitOf(String agencyCode) {
    return unitOf(agencyCode, today());
  }

  private Optional<AdminUnit> unitOn(String code, LocalDate day) {
    return code == null ? Optional.empty() : onOrLatest(data().units().get(code), u -> u.isValidOn(day));
  }

  /**
   * Every unit below the given one (all units for null) in force on some day of [from, to): the districts and communes
   * of that time, each once, as it last was in those days, by level and code. A period before 1 July 2025 lists the
   * districts and the former communes; one after, the communes and wards under the province; 2025 both.
   */
  public List<AdminUnit> below(String code, LocalDate from, LocalDate to) {
    List<AdminUnit> all = data().units().values().stream().flatMap(List::stream)
        .filter(u -> u.isValidDuring(from, to)).toList();
    java.util.Map<String, AdminUnit> found = new java.util.LinkedHashMap<>();
    java.util.Deque<String> parents = new java.util.ArrayDeque<>();
    if (code == null) {
      all.forEach(u -> found.put(u.getCode(), u));
    } else {
      parents.push(code);
    }
    while (!parents.isEmpty()) {
      String parent = parents.pop();
      for (AdminUnit u : all) {
        if (parent.equals(u.getParentCode()) && found.putIfAbsent(u.getCode(), u) == null) {
          parents.push(u.getCode());
        }
      }
    }
    // a code with several periods in [from, to) is shown as it last was in them
    all.forEach(u -> found.computeIfPresent(u.getCode(), (c, seen) -> later(u, seen)));
    return found.values().stream()
        .sorted(java.util.Comparator.comparing(AdminUnit::getLevel).thenComparing(AdminUnit::getCode)).toList();
  }

  private static AdminUnit later(AdminUnit a, AdminUnit b) {
    if (a.getValidFrom() == null) {
      return b;
    }
    return b.getValidFrom() == null || a.getValidFrom().isAfter(b.getValidFrom()) ? a : b;
  }

  /** Whether a unit or an agency of the code is in force on some day of [from, to). */
  public boolean inForceDuring(String code, LocalDate from, LocalDate to) {
    return data().units().getOrDefault(code, List.of()).stream().anyMatch(u -> u.isValidDuring(from, to))
        || data().agencies().getOrDefault(code, List.of()).stream().anyMatch(a -> a.isValidDuring(from, to));
  }

  /** Every agency in force on some day of [from, to), once each, as it last was in those days. */
  public List<Agency> agencies(LocalDate from, LocalDate to) {
    return data().agencies().values().stream()
        .flatMap(periods -> periods.stream().filter(a -> a.isValidDuring(from, to))
            .reduce((earlier, later) -> later).stream())
        .toList();
  }

  /** Every agency, once each: as it is today, or as it last was. */
  public List<Agency> agencies() {
    return data().agencies().keySet().stream().flatMap(code -> agency(code).stream()).toList();
  }
}

package vn.motcua.webapp.place;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.webapp.system.MotcuaProperties;

/**
 * Loads administrative units and agencies from {@code admin-units.csv} and {@code agencies.csv} (in
 * {@code motcua.reference-data}) at start-up, and again when an operator asks after editing them: a change of the
 * local-government structure (districts ended on a day, communes under the province from the next) is data. A row is
 * a code over a period ({@code validFrom}–{@code validTo}, open ends allowed; a code may name a reorganised unit from
 * a day); the periods of one code must not overlap, a unit's parent and an agency's unit must be in force throughout
 * its period. The files are the source of truth for the codes they list (a unit that ceases to exist gets a
 * {@code validTo}); a code they no longer list is kept. A file with a broken row is refused as a whole, with the row
 * and the reason, and changes nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReferenceDataLoader implements ApplicationRunner {

  /** How many units and agencies the files hold. */
  public record Counts(int units, int agencies) {
  }

  /** A file that cannot be applied: which, where and why. Nothing of it is applied. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataLoader.class);
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setTrim(true).setIgnoreEmptyLines(true).get();

  private final AdminUnitRepository units;
  private final AgencyRepository agencies;
  private final ResourceLoader resources;
  private final MotcuaProperties properties;
  private final Places places;

  ReferenceDataLoader(AdminUnitRepository units, AgencyRepository agencies, ResourceLoader resources,
      MotcuaProperties properties, Places places) {
    this.units = units;
    this.agencies = agencies;
    this.places = places;
    this.resources = resources;
    this.properties = properties;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) throws IOException {
    reload();
  }

  /** Applies the files as they are now, in one transaction; the places read afresh once it commits. */
  @Transactional
  public Counts reload() throws IOException {
    List<CSVRecord> unitRows = read("admin-units.csv");
    List<CSVRecord> agencyRows = read("agencies.csv");
    Map<String, AdminUnit> unitPeriods = new HashMap<>();
    units.findAll().forEach(unit -> unitPeriods.put(key(unit.getCode(), unit.getValidFrom()), unit));
    Set<String> listed = new HashSet<>();
    for (CSVRecord row : unitRows) {
      applying("admin-units.csv", row, () -> {
        Period period = period(row, listed);
        AdminUnit.Level level = AdminUnit.Level.valueOf(row.get("level"));
        String parent = blankToNull(row.get("parentCode"));
        AdminUnit unit = unitPeriods.computeIfAbsent(key(period.code(), period.from()), k -> units.save(
            new AdminUnit(period.code(), row.get("name"), level, parent, period.from(), period.to(), confirmed(row))));
        unit.update(row.get("name"), level, parent, period.to(), confirmed(row));
      });
    }
    dropUnlisted(unitPeriods, listed, units::delete);
    Map<String, List<AdminUnit>> unitsByCode = byCode(unitPeriods.values(), AdminUnit::getCode,
        AdminUnit::getValidFrom, AdminUnit::getValidTo, "admin-units.csv");
    for (AdminUnit unit : unitPeriods.values()) {
      if (unit.getParentCode() != null && !inForce(unitsByCode.get(unit.getParentCode()), unit.getValidFrom(),
          unit.getValidTo())) {
        throw new Refused("admin-units.csv: the parent " + unit.getParentCode() + " of " + unit.getCode() + " ("
            + unit.getName() + ") is not in force throughout " + span(unit.getValidFrom(), unit.getValidTo()));
      }
    }
    units.flush();
    Map<String, Agency> agencyPeriods = new HashMap<>();
    agencies.findAll().forEach(agency -> agencyPeriods.put(key(agency.getCode(), agency.getValidFrom()), agency));
    listed.clear();
    for (CSVRecord row : agencyRows) {
      applying("agencies.csv", row, () -> {
        Period period = period(row, listed);
        Agency.Details details = new Agency.Details(row.get("name"), row.get("nameEn"),
            AdminUnit.Level.valueOf(row.get("level")), row.get("adminUnitCode"), kind(row), period.to(),
            confirmed(row));
        if (!unitsByCode.containsKey(details.adminUnitCode())) {
          throw new IllegalStateException("administrative unit " + details.adminUnitCode() + " of agency "
              + period.code() + " is not defined");
        }
        if (!inForce(unitsByCode.get(details.adminUnitCode()), period.from(), period.to())) {
          throw new IllegalStateException("administrative unit " + details.adminUnitCode() + " of agency "
              + period.code() + " is not in force throughout " + span(period.from(), period.to()));
        }
        agencyPeriods.computeIfAbsent(key(period.code(), period.from()),
            k -> agencies.save(new Agency(period.code(), period.from(), details))).update(details);
      });
    }
    dropUnlisted(agencyPeriods, listed, agencies::delete);
    byCode(agencyPeriods.values(), Agency::getCode, Agency::getValidFrom, Agency::getValidTo, "agencies.csv");
    agencies.flush();
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        places.refresh();
      }
    });
    LOG.info("Reference data: {} administrative units, {} agencies", unitRows.size(), agencyRows.size());
    return new Counts(unitRows.size(), agencyRows.size());
  }

  /** A row's code and period, refused when it ends before it begins or the same code and start were listed before. */
  private record Period(String code, LocalDate from, LocalDate to) {
  }

  private static Period period(CSVRecord row, Set<String> listed) {
    String code = row.get("code");
    if (code == null || code.isBlank()) {
      throw new IllegalStateException("the code is empty");
    }
    LocalDate from = date(optional(row, "validFrom"));
    LocalDate to = date(optional(row, "validTo"));
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalStateException(code + " ends (" + to + ") before it begins (" + from + ")");
    }
    if (!listed.add(key(code, from))) {
      throw new IllegalStateException(code + " from " + (from == null ? "the beginning" : from) + " is listed twice");
    }
    return new Period(code, from, to);
  }

  /**
   * The file is the truth for every code it lists: a period of such a code the file no longer lists is removed (the
   * operator re-cut that code's periods). A code the file does not list at all is kept, as it was.
   */
  private static <T> void dropUnlisted(Map<String, T> periods, Set<String> listed, Consumer<T> delete) {
    Set<String> listedCodes = new HashSet<>();
    listed.forEach(key -> listedCodes.add(key.substring(0, key.indexOf('@'))));
    periods.entrySet().removeIf(entry -> {
      boolean unlisted = !listed.contains(entry.getKey())
          && listedCodes.contains(entry.getKey().substring(0, entry.getKey().indexOf('@')));
      if (unlisted) {
        delete.accept(entry.getValue());
      }
      return unlisted;
    });
  }

  private static String key(String code, LocalDate from) {
    return code + "@" + from;
  }

  /** The periods of each code, in order; refused when two periods of one code overlap. */
  private static <T> Map<String, List<T>> byCode(Collection<T> rows, Function<T, String> code,
      Function<T, LocalDate> from, Function<T, LocalDate> to, String file) {
    Map<String, List<T>> grouped = new HashMap<>();
    rows.forEach(row -> grouped.computeIfAbsent(code.apply(row), c -> new ArrayList<>()).add(row));
    grouped.values().forEach(periods -> {
      periods.sort(Comparator.comparing(from, Comparator.nullsFirst(Comparator.naturalOrder())));
      for (int i = 1; i < periods.size(); i++) {
        LocalDate previousEnd = to.apply(periods.get(i - 1));
        if (previousEnd == null || !previousEnd.isBefore(from.apply(periods.get(i)))) {
          throw new Refused(file + ": the periods of " + code.apply(periods.get(i)) + " overlap ("
              + span(from.apply(periods.get(i - 1)), previousEnd) + " and " + span(from.apply(periods.get(i)),
              to.apply(periods.get(i))) + ")");
        }
      }
    });
    return grouped;
  }

  /** Whether the periods (in order) cover every day from {@code from} to {@code to} (open ends included). */
  private static boolean inForce(List<AdminUnit> periods, LocalDate from, LocalDate to) {
    if (periods == null) {
      return false;
    }
    LocalDate day = from;
    for (AdminUnit period : periods) {
      boolean startsInTime = period.getValidFrom() == null || day != null && !period.getValidFrom().isAfter(day);
      if (!startsInTime) {
        return false;
      }
      if (period.getValidTo() == null || to != null && !period.getValidTo().isBefore(to)) {
        return true;
      }
      if (day != null && period.getValidTo().isBefore(day)) {
        continue;
      }
      day = period.getValidTo().plusDays(1);
    }
    return false;
  }

  private static String span(LocalDate from, LocalDate to) {
    return (from == null ? "…" : from.toString()) + " – " + (to == null ? "…" : to.toString());
  }

  /** A column a file may leave out: blank when it does. */
  private static String optional(CSVRecord row, String column) {
    return row.isMapped(column) && row.isSet(column) ? row.get(column).strip() : "";
  }

  /** Rows are confirmed unless they say {@code confirmed=no} (no official source confirmed them). */
  private static boolean confirmed(CSVRecord row) {
    return !"no".equalsIgnoreCase(optional(row, "confirmed"));
  }

  private static Agency.Kind kind(CSVRecord row) {
    String kind = optional(row, "kind");
    return kind.isEmpty() ? null : Agency.Kind.valueOf(kind);
  }

  /** Applies one row; whatever is wrong with it refuses the file with the row's number and the reason. */
  private static <T> T applying(String file, CSVRecord row, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (Refused refused) {
      throw refused;
    } catch (RuntimeException broken) {
      throw new Refused(file + " #" + row.getRecordNumber() + ": " + broken.getMessage());
    }
  }

  private static void applying(String file, CSVRecord row, Runnable work) {
    applying(file, row, () -> {
      work.run();
      return null;
    });
  }

  private List<CSVRecord> read(String file) throws IOException {
    Resource resource = resources.getResource(properties.referenceData() + file);
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return new ArrayList<>(FORMAT.parse(reader).getRecords());
    } catch (java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
      throw new Refused(file + ": " + unreadable.getMessage());
    }
  }

  private static LocalDate date(String value) {
    return blankToNull(value) == null ? null : LocalDate.parse(value);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

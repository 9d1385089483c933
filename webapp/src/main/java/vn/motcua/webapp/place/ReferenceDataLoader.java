package vn.motcua.webapp.place;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * local-government structure (districts ended on a day, communes under the province from the next) is data. The files
 * are the source of truth: rows are inserted or updated, never deleted (a unit that ceases to exist gets a
 * {@code validTo}). A file with a broken row is refused as a whole, with the row and the reason.
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
    // parents first, so that a child never points at a unit that is not there yet
    for (AdminUnit.Level level : AdminUnit.Level.values()) {
      for (CSVRecord row : unitRows) {
        if (applying("admin-units.csv", row, () -> AdminUnit.Level.valueOf(row.get("level"))) == level) {
          applying("admin-units.csv", row, () -> upsertUnit(row));
        }
      }
    }
    units.flush();
    agencyRows.forEach(row -> applying("agencies.csv", row, () -> upsertAgency(row)));
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

  private void upsertUnit(CSVRecord row) {
    String parent = blankToNull(row.get("parentCode"));
    if (parent != null && !units.existsById(parent)) {
      throw new IllegalStateException("parent " + parent + " of " + row.get("code") + " is not defined");
    }
    AdminUnit.Level level = AdminUnit.Level.valueOf(row.get("level"));
    LocalDate from = date(row.get("validFrom"));
    LocalDate to = date(row.get("validTo"));
    units.findById(row.get("code")).ifPresentOrElse(
        unit -> unit.update(row.get("name"), level, parent, from, to),
        () -> units.save(new AdminUnit(row.get("code"), row.get("name"), level, parent, from, to)));
  }

  private void upsertAgency(CSVRecord row) {
    String unit = row.get("adminUnitCode");
    if (!units.existsById(unit)) {
      throw new IllegalStateException("administrative unit " + unit + " of agency " + row.get("code")
          + " is not defined");
    }
    AdminUnit.Level level = AdminUnit.Level.valueOf(row.get("level"));
    agencies.findById(row.get("code")).ifPresentOrElse(
        agency -> agency.update(row.get("name"), row.get("nameEn"), level, unit),
        () -> agencies.save(new Agency(row.get("code"), row.get("name"), row.get("nameEn"), level, unit)));
  }

  private static LocalDate date(String value) {
    return blankToNull(value) == null ? null : LocalDate.parse(value);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

package vn.motcua.webapp.place;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A public body (or one of its divisions) that receives or handles dossiers, over a period: departments were merged
 * on 1 March 2025, district bodies ended on 30 June 2025, commune centres began on 1 July 2025. Its candidate groups
 * are {@code <code>.counter}, {@code <code>.specialist} and {@code <code>.leader}.
 */
@Entity
@Table(name = "agency")
public class Agency {

  /**
   * What kind of body: a People's Committee, a public administration service centre (reception only), a provincial
   * department, a division of a People's Committee, the police, a land registration office (or branch), a tax office.
   */
  public enum Kind { PEOPLES_COMMITTEE, SERVICE_CENTRE, DEPARTMENT, DIVISION, POLICE, LAND_OFFICE, TAX_OFFICE }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String code;
  private String name;
  private String nameEn;
  @Enumerated(EnumType.STRING)
  private AdminUnit.Level level;
  private String adminUnitCode;
  @Enumerated(EnumType.STRING)
  private Kind kind;
  private LocalDate validFrom;
  private LocalDate validTo;
  private boolean confirmed;

  protected Agency() {
  }

  public Agency(String code, LocalDate validFrom, Details details) {
    this.code = code;
    this.validFrom = validFrom;
    update(details);
  }

  /** Everything of an agency but its code and the day it began. */
  public record Details(String name, String nameEn, AdminUnit.Level level, String adminUnitCode, Kind kind,
                        LocalDate validTo, boolean confirmed) {
  }

  void update(Details details) {
    this.name = details.name();
    this.nameEn = details.nameEn();
    this.level = details.level();
    this.adminUnitCode = details.adminUnitCode();
    this.kind = details.kind();
    this.validTo = details.validTo();
    this.confirmed = details.confirmed();
  }

  public boolean isValidOn(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
  }

  /** Whether it is in force on some day of [from, to). */
  public boolean isValidDuring(LocalDate from, LocalDate to) {
    return (validFrom == null || validFrom.isBefore(to)) && (validTo == null || !validTo.isBefore(from));
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getNameEn() {
    return nameEn;
  }

  public AdminUnit.Level getLevel() {
    return level;
  }

  public String getAdminUnitCode() {
    return adminUnitCode;
  }

  public Kind getKind() {
    return kind;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public LocalDate getValidTo() {
    return validTo;
  }

  public boolean isConfirmed() {
    return confirmed;
  }
}

package vn.motcua.webapp.place;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A province, district or commune over a period. Restructuring is expressed as data: a unit that stops existing gets a
 * {@code validTo}, the units that replace it a {@code validFrom} (as in the 1 July 2025 two-level reform). A code may
 * name one unit until a day and a reorganised one after it (06040: thị trấn Thất Khê until 30 June 2025, xã Thất Khê
 * from 1 July 2025): one row per period. {@code confirmed} is false for a row no official source confirmed.
 */
@Entity
@Table(name = "admin_unit")
public class AdminUnit {

  /** Administrative level of a unit or an agency. */
  public enum Level { PROVINCE, DISTRICT, COMMUNE }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String code;
  private String name;
  @Enumerated(EnumType.STRING)
  private Level level;
  @Column(name = "parent_code")
  private String parentCode;
  private LocalDate validFrom;
  private LocalDate validTo;
  private boolean confirmed;

  protected AdminUnit() {
  }

  public AdminUnit(String code, String name, Level level, String parentCode, LocalDate validFrom, LocalDate validTo,
      boolean confirmed) {
    this.code = code;
    this.validFrom = validFrom;
    update(name, level, parentCode, validTo, confirmed);
  }

  void update(String name, Level level, String parentCode, LocalDate validTo, boolean confirmed) {
    this.name = name;
    this.level = level;
    this.parentCode = parentCode;
    this.validTo = validTo;
    this.confirmed = confirmed;
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

  public Level getLevel() {
    return level;
  }

  public String getParentCode() {
    return parentCode;
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

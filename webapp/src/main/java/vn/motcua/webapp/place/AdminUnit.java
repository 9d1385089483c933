package vn.motcua.webapp.place;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A province, district or commune. Restructuring is expressed as data: a unit that stops existing gets a
 * {@code validTo}, the units that replace it a {@code validFrom} (as in the 1 July 2025 two-level reform).
 */
@Entity
@Table(name = "admin_unit")
public class AdminUnit {

  /** Administrative level of a unit or an agency. */
  public enum Level { PROVINCE, DISTRICT, COMMUNE }

  @Id
  private String code;
  private String name;
  @Enumerated(EnumType.STRING)
  private Level level;
  @Column(name = "parent_code")
  private String parentCode;
  private LocalDate validFrom;
  private LocalDate validTo;

  protected AdminUnit() {
  }

  public AdminUnit(String code, String name, Level level, String parentCode, LocalDate validFrom, LocalDate validTo) {
    this.code = code;
    update(name, level, parentCode, validFrom, validTo);
  }

  void update(String name, Level level, String parentCode, LocalDate validFrom, LocalDate validTo) {
    this.name = name;
    this.level = level;
    this.parentCode = parentCode;
    this.validFrom = validFrom;
    this.validTo = validTo;
  }

  public boolean isValidOn(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
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
}

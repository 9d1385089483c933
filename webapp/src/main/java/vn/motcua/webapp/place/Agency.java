package vn.motcua.webapp.place;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A public body (or one of its divisions) that receives or handles dossiers. Its candidate groups are
 * {@code <code>.counter}, {@code <code>.specialist} and {@code <code>.leader}.
 */
@Entity
@Table(name = "agency")
public class Agency {

  @Id
  private String code;
  private String name;
  private String nameEn;
  @Enumerated(EnumType.STRING)
  private AdminUnit.Level level;
  private String adminUnitCode;

  protected Agency() {
  }

  public Agency(String code, String name, String nameEn, AdminUnit.Level level, String adminUnitCode) {
    this.code = code;
    update(name, nameEn, level, adminUnitCode);
  }

  void update(String name, String nameEn, AdminUnit.Level level, String adminUnitCode) {
    this.name = name;
    this.nameEn = nameEn;
    this.level = level;
    this.adminUnitCode = adminUnitCode;
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
}

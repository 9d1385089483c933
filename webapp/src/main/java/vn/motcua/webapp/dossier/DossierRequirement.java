package vn.motcua.webapp.dossier;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A document the required-documents decision asked of this applicant at submission. */
@Entity
@Table(name = "dossier_requirement")
public class DossierRequirement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long dossierId;
  private String documentCode;
  private String name;
  private String nameEn;
  private String form;

  protected DossierRequirement() {
  }

  DossierRequirement(Long dossierId, String documentCode, String name, String nameEn, String form) {
    this.dossierId = dossierId;
    this.documentCode = documentCode;
    this.name = name;
    this.nameEn = nameEn;
    this.form = form;
  }

  public String getDocumentCode() {
    return documentCode;
  }

  public String getName() {
    return name;
  }

  public String getNameEn() {
    return nameEn;
  }

  public String getForm() {
    return form;
  }
}

package vn.motcua.webapp.citizen;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A file uploaded for one required document of a saved e-form, checked as any upload is. */
@Entity
@Table(name = "application_draft_file")
class DraftFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long draftId;
  private String requirementCode;
  private String fileName;
  @Basic(fetch = FetchType.LAZY)
  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(name = "content")
  private byte[] content;

  protected DraftFile() {
  }

  DraftFile(Long draftId, String requirementCode, String fileName, byte[] content) {
    this.draftId = draftId;
    this.requirementCode = requirementCode;
    this.fileName = fileName;
    this.content = content;
  }

  Long getId() {
    return id;
  }

  String getRequirementCode() {
    return requirementCode;
  }

  String getFileName() {
    return fileName;
  }

  byte[] getContent() {
    return content;
  }
}

package vn.motcua.webapp.document;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A file of a dossier, optionally attached at a step (task). Never changed once stored. */
@Entity
@Table(name = "dossier_document")
public class DossierDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long dossierId;
  private String taskId;
  private String step;
  private String kind;
  private String fileName;
  private String contentType;
  private long sizeBytes;
  private String sha256;
  @Basic(fetch = FetchType.LAZY)
  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(name = "content")
  private byte[] content;
  private String uploadedBy;
  private Instant uploadedAt;
  private Long signedFrom;
  private String signer;
  private Instant signedAt;
  private String requirementCode;
  private Long reusedFrom;

  protected DossierDocument() {
  }

  /** The signed copy of {@code original}, as the signature service made it. */
  static DossierDocument signedCopy(DossierDocument original, byte[] pdf, String sha256, String signer,
      Instant signedAt, String filedBy, Instant filedAt) {
    String name = original.fileName.endsWith(".pdf")
        ? original.fileName.substring(0, original.fileName.length() - 4) + "-ky-so.pdf" : original.fileName;
    DossierDocument copy = new DossierDocument(original.dossierId, null, original.step, original.kind, name,
        "application/pdf", pdf, sha256, filedBy, filedAt);
    copy.signedFrom = original.id;
    copy.signer = signer;
    copy.signedAt = signedAt;
    return copy;
  }

  /** A component of the checklist ({@code requirementCode}), uploaded now or reused from an earlier file. */
  static DossierDocument component(Long dossierId, String requirementCode, String fileName, String contentType,
      byte[] content, String sha256, Long reusedFrom, String uploadedBy, Instant uploadedAt) {
    DossierDocument component = new DossierDocument(dossierId, null, null, "SCAN", fileName, contentType, content,
        sha256, uploadedBy, uploadedAt);
    component.requirementCode = requirementCode;
    component.reusedFrom = reusedFrom;
    return component;
  }

  DossierDocument(Long dossierId, String taskId, String step, String kind, String fileName, String contentType,
      byte[] content, String sha256, String uploadedBy, Instant uploadedAt) {
    this.dossierId = dossierId;
    this.taskId = taskId;
    this.step = step;
    this.kind = kind;
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
    this.sizeBytes = content.length;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  /**
   * The file as a response: its own type (never sniffed), its name in UTF-8, inline for preview or as a download,
   * never cached by shared caches.
   */
  public org.springframework.http.ResponseEntity<byte[]> response(boolean download) {
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.parseMediaType(contentType))
        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            (download ? org.springframework.http.ContentDisposition.attachment()
                : org.springframework.http.ContentDisposition.inline())
                .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(content);
  }

  public String getRequirementCode() {
    return requirementCode;
  }

  public Long getReusedFrom() {
    return reusedFrom;
  }

  public Long getId() {
    return id;
  }

  public Long getDossierId() {
    return dossierId;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getStep() {
    return step;
  }

  public String getKind() {
    return kind;
  }

  public String getFileName() {
    return fileName;
  }

  public Long getSignedFrom() {
    return signedFrom;
  }

  public String getSigner() {
    return signer;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public byte[] getContent() {
    return content;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}

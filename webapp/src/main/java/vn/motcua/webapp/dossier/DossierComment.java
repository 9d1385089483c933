package vn.motcua.webapp.dossier;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A note an officer leaves on a dossier for colleagues at later steps. */
@Entity
@Table(name = "dossier_comment")
public class DossierComment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long dossierId;
  private String author;
  private Instant writtenAt;
  private String step;
  private String text;

  protected DossierComment() {
  }

  DossierComment(Long dossierId, String author, Instant writtenAt, String step, String text) {
    this.dossierId = dossierId;
    this.author = author;
    this.writtenAt = writtenAt;
    this.step = step;
    this.text = text;
  }

  public String getAuthor() {
    return author;
  }

  public Instant getWrittenAt() {
    return writtenAt;
  }

  public String getStep() {
    return step;
  }

  public String getText() {
    return text;
  }
}

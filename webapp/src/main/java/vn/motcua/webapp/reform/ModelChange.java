package vn.motcua.webapp.reform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One change of the models: who deployed or rolled out what, and when. Never changed once written. */
@Entity
class ModelChange {

  /** What was done: models deployed, dossiers moved to a new version, reference data (places, agencies) reloaded. */
  enum Action { DEPLOYED, MIGRATED, REFERENCE_DATA }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "occurred_at")
  private Instant at;
  private String actor;
  @Enumerated(EnumType.STRING)
  private Action action;
  private String subject;
  private String detail;

  protected ModelChange() {
  }

  ModelChange(Instant at, String actor, Action action, String subject, String detail) {
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.subject = subject.length() > 255 ? subject.substring(0, 255) : subject;
    this.detail = detail;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public Action getAction() {
    return action;
  }

  public String getSubject() {
    return subject;
  }

  public String getDetail() {
    return detail;
  }
}

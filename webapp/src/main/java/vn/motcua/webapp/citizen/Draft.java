package vn.motcua.webapp.citizen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An e-form saved to be finished later: the fields as JSON; its files are {@link DraftFile}s. */
@Entity
@Table(name = "application_draft")
class Draft {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String owner;
  private String procedureCode;
  private String fields;
  private Instant savedAt;
  @Version
  private long version;

  protected Draft() {
  }

  Draft(String owner, String procedureCode) {
    this.owner = owner;
    this.procedureCode = procedureCode;
  }

  void save(String fieldsJson, Instant at) {
    this.fields = fieldsJson;
    this.savedAt = at;
  }

  Long getId() {
    return id;
  }

  String getOwner() {
    return owner;
  }

  String getProcedureCode() {
    return procedureCode;
  }

  String getFields() {
    return fields;
  }

  Instant getSavedAt() {
    return savedAt;
  }
}

package vn.motcua.webapp.system;

import java.util.List;

/** A 400 with one message per wrong field, for inputs checked outside bean validation (e.g. task forms). */
public class FieldErrors extends RuntimeException {

  /** One wrong field: its name, a message key and the key's arguments. */
  public record FieldError(String field, String messageKey, Object... arguments) {
  }

  private final transient List<FieldError> errors;

  public FieldErrors(List<FieldError> errors) {
    super("invalid fields: " + errors.stream().map(FieldError::field).toList());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}

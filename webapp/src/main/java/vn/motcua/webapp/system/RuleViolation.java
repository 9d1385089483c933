package vn.motcua.webapp.system;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A rule checked inside the engine refused a change, e.g. a step completed without its required file or with an
 * invalid decision. Thrown inside the engine command, so every channel (motcua API, Camunda Tasklist, engine REST)
 * is refused the same way, with a 400 and one message per field.
 */
public class RuleViolation extends FormFieldValidationException {

  private final transient List<FieldErrors.FieldError> errors;

  public RuleViolation(String message, List<FieldErrors.FieldError> errors) {
    // the engine REST API answers form validation failures with a 400 carrying this message
    super(null, message);
    this.errors = List.copyOf(errors);
  }

  public List<FieldErrors.FieldError> errors() {
    return errors;
  }
}

package vn.motcua.webapp.system;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.context.MessageSource;

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

  /**
   * The violation of these fields, its message in Vietnamese, then English: the person may be in Tasklist, whose
   * language the engine does not know.
   */
  public static RuleViolation of(List<FieldErrors.FieldError> errors, MessageSource messages) {
    return new RuleViolation(text(errors, messages, Locale.forLanguageTag("vi")) + " / "
        + text(errors, messages, Locale.ENGLISH), errors);
  }

  private static String text(List<FieldErrors.FieldError> errors, MessageSource messages, Locale locale) {
    return String.join(" ", errors.stream()
        .map(e -> messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)).toList());
  }

  public List<FieldErrors.FieldError> errors() {
    return errors;
  }
}

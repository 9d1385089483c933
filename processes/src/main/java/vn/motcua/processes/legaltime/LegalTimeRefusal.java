package vn.motcua.processes.legaltime;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A rule of legal time refused an officer's decision (a supplement asked too late or twice, a second new
 * appointment). Thrown inside the engine command, so the completion is rolled back and nothing changes. The message
 * is Vietnamese then English, for Tasklist and the engine REST API (a 400); {@code code} and {@code arguments} let an
 * application word it in its reader's language.
 */
public class LegalTimeRefusal extends FormFieldValidationException {

  private final String code;
  private final transient List<Object> arguments;

  LegalTimeRefusal(String code, List<Object> arguments, String vietnamese, String english) {
    super(null, vietnamese + " / " + english);
    this.code = code;
    this.arguments = List.copyOf(arguments);
  }

  public String code() {
    return code;
  }

  public List<Object> arguments() {
    return arguments;
  }
}

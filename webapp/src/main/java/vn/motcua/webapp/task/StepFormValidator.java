package vn.motcua.webapp.task;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.catalog.StepForms;
import vn.motcua.webapp.system.FieldErrors;
import vn.motcua.webapp.system.FieldErrors.FieldError;

/**
 * Checks what a person submits for a step against the step's deployed Camunda Form, as Tasklist would: only the
 * form's editable fields, required ones present, allowed values, patterns and lengths, and a field hidden by its
 * FEEL condition neither required nor taken. Returns the values to hand to the engine; nothing else gets through.
 */
@Component
class StepFormValidator {

  private static final Logger LOG = LoggerFactory.getLogger(StepFormValidator.class);
  private static final int DEFAULT_MAX_TEXT = 10_000;

  private final ProcessEngine engine;

  StepFormValidator(ProcessEngine engine) {
    this.engine = engine;
  }

  Map<String, Object> validate(StepForms.Form form, Map<String, Object> submitted, Map<String, Object> current) {
    List<FieldError> errors = new ArrayList<>();
    List<StepForms.Field> editable = form.editable();
    for (String key : submitted.keySet()) {
      if (editable.stream().noneMatch(f -> f.key().equals(key))) {
        errors.add(new FieldError(key, "task.field.unknown"));
      }
    }
    Map<String, Object> context = new HashMap<>(current);
    context.putAll(submitted);
    Map<String, Object> accepted = new LinkedHashMap<>();
    for (StepForms.Field field : editable) {
      if (hidden(field, context)) {
        continue;
      }
      Object value = submitted.get(field.key());
      if (isEmpty(value)) {
        if (field.required()) {
          errors.add(new FieldError(field.key(), "task.field.required", field.label()));
        }
        continue;
      }
      Object converted = convert(field, value, errors);
      if (converted != null) {
        accepted.put(field.key(), converted);
      }
    }
    if (!errors.isEmpty()) {
      throw new FieldErrors(errors);
    }
    return accepted;
  }

  private Object convert(StepForms.Field field, Object value, List<FieldError> errors) {
    String key = field.key();
    switch (field.type()) {
      case "number" -> {
        BigDecimal number;
        try {
          number = new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
          errors.add(new FieldError(key, "task.field.number", field.label()));
          return null;
        }
        if (field.min() != null && number.compareTo(field.min()) < 0
            || field.max() != null && number.compareTo(field.max()) > 0) {
          errors.add(new FieldError(key, "task.field.range", field.label(), field.min(), field.max()));
          return null;
        }
        return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact() : number.doubleValue();
      }
      case "checkbox" -> {
        if (!(value instanceof Boolean checked)) {
          errors.add(new FieldError(key, "task.field.boolean", field.label()));
          return null;
        }
        if (field.required() && !checked) {
          errors.add(new FieldError(key, "task.field.mustConfirm", field.label()));
          return null;
        }
        return checked;
      }
      case "radio", "select" -> {
        if (!(value instanceof String choice) || !field.values().isEmpty() && !field.values().contains(choice)) {
          errors.add(new FieldError(key, "task.field.choice", field.label(), String.join(", ", field.values())));
          return null;
        }
        return choice;
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> items) || items.stream().anyMatch(i -> !field.values().contains(
            String.valueOf(i)))) {
          errors.add(new FieldError(key, "task.field.choice", field.label(), String.join(", ", field.values())));
          return null;
        }
        return List.copyOf(items.stream().map(String::valueOf).toList());
      }
      default -> {
        if (!(value instanceof String text)) {
          errors.add(new FieldError(key, "task.field.text", field.label()));
          return null;
        }
        String trimmed = text.trim();
        int max = field.maxLength() == null ? DEFAULT_MAX_TEXT : field.maxLength();
        if (trimmed.length() > max || field.minLength() != null && trimmed.length() < field.minLength()) {
          errors.add(new FieldError(key, "task.field.length", field.label(),
              field.minLength() == null ? 0 : field.minLength(), max));
          return null;
        }
        if (field.pattern() != null && !matches(field.pattern(), trimmed)) {
          errors.add(new FieldError(key, "task.field.pattern", field.label()));
          return null;
        }
        return trimmed;
      }
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).matches();
    } catch (PatternSyntaxException e) {
      LOG.warn("Form pattern {} is not a valid regular expression; field accepted as text", pattern);
      return true;
    }
  }

  private boolean hidden(StepForms.Field field, Map<String, Object> context) {
    if (field.hideWhen() == null) {
      return false;
    }
    try {
      Object result = feel().evaluateSimpleExpression(field.hideWhen(),
          Variables.fromMap(context).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException e) {
      LOG.warn("Cannot evaluate the hide condition '{}' of field {}: {}", field.hideWhen(), field.key(),
          e.getMessage());
      return false;
    }
  }

  private FeelEngine feel() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration()
        .getFeelEngine();
  }

  private static boolean isEmpty(Object value) {
    return value == null || value instanceof String s && s.isBlank()
        || value instanceof Collection<?> c && c.isEmpty();
  }
}

package vn.motcua.webapp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form of a step, as deployed with its model: which fields a person may fill in, which are
 * required, the allowed values and the conditions under which a field is hidden. Parsed once per version.
 */
@Component
public class StepForms {

  private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "radio", "select",
      "checklist", "taglist", "datetime");

  /** One input field of a form. {@code hideWhen} is the FEEL condition (without "=") hiding it. */
  public record Field(String key, String type, String label, boolean required, boolean readOnly,
                      List<Option> options, String pattern, Integer minLength, Integer maxLength,
                      BigDecimal min, BigDecimal max, String hideWhen) {

    /** The values a choice accepts. */
    public List<String> values() {
      return options.stream().map(Option::value).toList();
    }
  }

  /** One choice of a radio or select field. */
  public record Option(String value, String label) {
  }

  /** A deployed form and its input fields, in form order. */
  public record Form(String id, List<Field> fields) {

    /** Fields a person fills in (read-only fields only show dossier data). */
    public List<Field> editable() {
      return fields.stream().filter(f -> !f.readOnly()).toList();
    }

    /**
     * Every name the editable fields' hide conditions may read — each name in them that is neither in quotes, nor a
     * FEEL keyword, nor a function called; more than they read, never less — or {@code null} when a condition
     * quotes a name (`...`), which this reading does not follow: then any variable may be read.
     */
    public Set<String> conditionNames() {
      Set<String> names = new java.util.HashSet<>();
      for (Field field : editable()) {
        if (field.hideWhen() == null) {
          continue;
        }
        if (field.hideWhen().indexOf('`') >= 0) {
          return null;
        }
        java.util.regex.Matcher name = NAME.matcher(STRING.matcher(field.hideWhen()).replaceAll(" "));
        while (name.find()) {
          if (!FEEL_WORDS.contains(name.group())) {
            names.add(name.group());
          }
        }
      }
      return names;
    }
  }

  private static final java.util.regex.Pattern STRING = java.util.regex.Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  /** A name not followed by an opening parenthesis (a function's name is not a variable). */
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
      "(?<![\\p{L}\\p{N}_$?])[\\p{L}_$?][\\p{L}\\p{N}_$?]*(?![\\p{L}\\p{N}_$?]|\\s*\\()");
  private static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "true", "false", "null", "if", "then",
      "else", "for", "in", "return", "some", "every", "satisfies", "instance", "of", "between", "function");

  private final ObjectMapper json;
  private final Map<String, Optional<Form>> cache = new ConcurrentHashMap<>();

  StepForms(ObjectMapper json) {
    this.json = json;
  }

  /** The form of a user task of a process definition; the reader is only called the first time. */
  public Optional<Form> forStep(String processDefinitionId, String taskDefinitionKey, Supplier<InputStream> reader) {
    return cache.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey, key -> {
      try (InputStream in = reader.get()) {
        return in == null ? Optional.empty() : Optional.of(parse(json.readTree(in)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  Form parse(JsonNode root) {
    List<Field> fields = new ArrayList<>();
    collect(root.path("components"), fields);
    return new Form(root.path("id").asText(), List.copyOf(fields));
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.has("components")) {
        collect(c.path("components"), fields);
      }
      if (!INPUTS.contains(type) || !c.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = c.path("validate");
      List<Option> options = new ArrayList<>();
      c.path("values").forEach(v -> options.add(new Option(v.path("value").asText(), v.path("label").asText())));
      String hide = c.path("conditional").path("hide").asText(null);
      fields.add(new Field(c.path("key").asText(), type, c.path("label").asText(""),
          validate.path("required").asBoolean(false),
          c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false),
          List.copyOf(options),
          text(validate, "pattern"), integer(validate, "minLength"), integer(validate, "maxLength"),
          decimal(validate, "min"), decimal(validate, "max"),
          hide == null || hide.isBlank() ? null : hide.startsWith("=") ? hide.substring(1) : hide));
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static Integer integer(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asInt() : null;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).decimalValue() : null;
  }
}

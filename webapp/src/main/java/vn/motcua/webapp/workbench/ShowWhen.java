package vn.motcua.webapp.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser-side reading of a form field's FEEL hide condition of the shape {@code not(k = "A" or k = "B")}:
 * show the field when choice {@code k} is A or B. Other shapes are not toggled in the page (the server still
 * applies the full condition when it checks what was submitted).
 */
record ShowWhen(String key, String values) {

  private static final Pattern NOT = Pattern.compile("^\\s*not\\s*\\((.*)\\)\\s*$");
  private static final Pattern EQUALS = Pattern.compile("^\\s*([a-zA-Z_]\\w*)\\s*=\\s*\"([^\"]*)\"\\s*$");

  static Optional<ShowWhen> parse(String hideWhen) {
    if (hideWhen == null) {
      return Optional.empty();
    }
    Matcher not = NOT.matcher(hideWhen);
    if (!not.matches()) {
      return Optional.empty();
    }
    String key = null;
    List<String> values = new ArrayList<>();
    for (String part : not.group(1).split("\\bor\\b")) {
      Matcher equals = EQUALS.matcher(part);
      if (!equals.matches() || key != null && !key.equals(equals.group(1))) {
        return Optional.empty();
      }
      key = equals.group(1);
      values.add(equals.group(2));
    }
    return Optional.of(new ShowWhen(key, String.join(",", values)));
  }
}

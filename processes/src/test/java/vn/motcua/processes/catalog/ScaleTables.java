package vn.motcua.processes.catalog;

import java.util.Locale;

/**
 * Decision tables in motcua's shape at a province's scale, for the equivalence test and the decision benchmark: a
 * processing-time table with a block of rows per procedure (a time online, a time on the other channels), a row that
 * answers for every procedure but some (a negation) and a default row, hit policy FIRST.
 */
public final class ScaleTables {

  private ScaleTables() {
  }

  /** The code of the n-th synthetic procedure (9.000000 upwards: no national code starts with 9). */
  public static String code(int n) {
    return String.format(Locale.ROOT, "9.%06d", n);
  }

  /** The processing-time table of {@code procedures} synthetic procedures. */
  public static String processingTime(int procedures) {
    StringBuilder rules = new StringBuilder();
    for (int n = 0; n < procedures; n++) {
      String code = code(n);
      rules.append(rule("P" + n + "Online", "\"" + code + "\"", "\"ONLINE\"", String.valueOf(1 + n % 20)));
      rules.append(rule("P" + n, "\"" + code + "\"", "", String.valueOf(2 + n % 20)));
      if (n == procedures / 2) {
        // a negation in the middle: every procedure but two, at the counter, whose block comes later
        rules.append(rule("AllButTwo", "not(\"" + code(n + 1) + "\", \"" + code(n + 2) + "\")", "\"COUNTER\"",
            "99"));
      }
    }
    rules.append(rule("Default", "", "", "30"));
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Scale" name="Scale"
            namespace="https://motcua.vn">
          <decision id="processingTime" name="Thời hạn giải quyết">
            <decisionTable id="DecisionTable_Scale" hitPolicy="FIRST">
              <input id="Input_ProcedureCode"><inputExpression id="InputExpression_ProcedureCode" typeRef="string">
                <text>procedureCode</text></inputExpression></input>
              <input id="Input_Channel"><inputExpression id="InputExpression_Channel" typeRef="string">
                <text>channel</text></inputExpression></input>
              <output id="Output_WorkingDays" name="workingDays" typeRef="number" />
        """ + rules + """
            </decisionTable>
          </decision>
        </definitions>
        """;
  }

  private static String rule(String id, String procedure, String channel, String days) {
    return "      <rule id=\"Rule_" + id + "\"><inputEntry id=\"In_" + id + "_P\"><text>" + escape(procedure)
        + "</text></inputEntry><inputEntry id=\"In_" + id + "_C\"><text>" + escape(channel)
        + "</text></inputEntry><outputEntry id=\"Out_" + id + "\"><text>" + days + "</text></outputEntry></rule>\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

package vn.motcua.webapp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepFormsTest {

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource(delimiter = '|', value = {
      "not(appraisal = \"SUPPLEMENT\")                  | appraisal",
      "approval = \"REFUSE\" and count(missing) > 0      | approval missing",
      "fee > 0 or applicant.age >= 18                  | fee applicant age",
      "x in [\"A\", \"B\"] and not(y)                     | x y",
      "decision = \"say \\\"no\\\" or appraisal\"          | decision",
      "ýKiến = \"đồng ý\" and số_bản > 1e3               | ýKiến số_bản",
      "string length(note) < 5                         | string note",
      "if flag then true else null                     | flag",
  })
  void shouldNameEveryVariableAConditionMayReadWhenItIsParsed(String condition, String names) {
    // given
    StepForms.Form form = form(condition);

    // when
    Set<String> reads = form.conditionNames();

    // then
    assertThat(reads).containsExactlyInAnyOrderElementsOf(Arrays.asList(names.split(" ")));
  }

  @Test
  void shouldNameNothingKnownWhenAConditionQuotesAName() {
    assertThat(form("`applicant name` = \"An\"").conditionNames()).isNull();
  }

  @Test
  void shouldNameNothingWhenNoFieldHasACondition() {
    assertThat(form(null).conditionNames()).isEmpty();
  }

  @Test
  void shouldNameTheStepsOwnDecisionForTheDeployedAppraisalForm() throws Exception {
    // given: the appraisal form, whose notes show for the decision they explain
    StepForms forms = new StepForms(new ObjectMapper());
    try (InputStream in = getClass().getResourceAsStream("/forms/appraise.form")) {
      // when
      StepForms.Form form = forms.parse(new ObjectMapper().readTree(in));

      // then
      assertThat(form.conditionNames()).containsExactly("appraisal");
    }
  }

  private static StepForms.Form form(String hideWhen) {
    return new StepForms.Form("test", List.of(
        new StepForms.Field("decision", "radio", "Quyết định", true, false, List.of(), null, null, null, null, null,
            null),
        new StepForms.Field("note", "textarea", "Ghi chú", false, false, List.of(), null, null, null, null, null,
            hideWhen),
        new StepForms.Field("shown", "textfield", "Chỉ xem", false, true, List.of(), null, null, null, null, null,
            "never = \"read\"")));
  }
}

package vn.motcua.webapp.task;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The decisions of a step, keyed by the field keys of the step's form. */
public record CompleteTaskRequest(
    @Schema(example = "{\"completeness\": \"COMPLETE\"}")
    @NotNull(message = "{task.variables.required}") @Size(max = 50, message = "{task.variables.tooMany}")
    Map<String, Object> variables) {
}

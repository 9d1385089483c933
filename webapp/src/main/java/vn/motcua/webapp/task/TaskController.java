package vn.motcua.webapp.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.webapp.dossier.DossierView;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;
import vn.motcua.webapp.system.FieldErrors;
import vn.motcua.webapp.system.RuleViolation;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Công việc / Tasks")
@SecurityRequirement(name = "basic")
class TaskController {

  private final Worklist worklist;
  private final MessageSource messages;

  TaskController(Worklist worklist, MessageSource messages) {
    this.worklist = worklist;
    this.messages = messages;
  }

  @GetMapping
  @Operation(summary = "Việc của tôi / My tasks",
      description = "Assigned to me and unassigned in my groups, soonest due first, with remaining working days.")
  List<TaskView> mine(@AuthenticationPrincipal Staff staff) {
    return worklist.mine(staff);
  }

  @GetMapping("/{taskId}")
  @Operation(summary = "Chi tiết công việc / A task with its form")
  TaskView get(@PathVariable String taskId, @AuthenticationPrincipal Staff staff) {
    return worklist.get(taskId, staff);
  }

  @PostMapping("/{taskId}/claim")
  @Operation(summary = "Nhận xử lý / Claim", description = "409 when someone else holds it or it is done.")
  TaskView claim(@PathVariable String taskId, @AuthenticationPrincipal Staff staff) {
    return worklist.claim(taskId, staff);
  }

  @PostMapping("/{taskId}/unclaim")
  @Operation(summary = "Trả lại nhóm / Unclaim")
  ResponseEntity<Void> unclaim(@PathVariable String taskId, @AuthenticationPrincipal Staff staff) {
    worklist.unclaim(taskId, staff);
    return ResponseEntity.noContent().build();
  }

  /** Several tasks at once. */
  record TaskIds(@NotEmpty(message = "{task.ids.required}") @Size(max = 100, message = "{task.ids.tooMany}")
                 List<@NotBlank String> taskIds, Map<String, Object> variables) {
  }

  /** What happened to one task of a batch: 200, or the status and message of its refusal. */
  record Outcome(String taskId, int status, String message, String receiptCode) {
  }

  @PostMapping("/claim")
  @Operation(summary = "Nhận nhiều việc / Claim several tasks",
      description = "Each task is claimed on its own; the answer says what happened to each.")
  List<Outcome> claimAll(@Valid @RequestBody TaskIds request, @AuthenticationPrincipal Staff staff) {
    return request.taskIds().stream().map(id -> outcome(id, () -> worklist.claim(id, staff).receiptCode())).toList();
  }

  @PostMapping("/complete")
  @Operation(summary = "Ký duyệt hàng loạt / Complete several tasks with one decision",
      description = "Only steps whose model allows batch approval; each dossier is completed and audited on its own.")
  List<Outcome> completeAll(@Valid @RequestBody TaskIds request, @AuthenticationPrincipal Staff staff) {
    Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
    return request.taskIds().stream()
        .map(id -> outcome(id, () -> worklist.completeInBatch(id, variables, staff).receiptCode())).toList();
  }

  /** The colleague to hand the task to. */
  record Delegation(@NotBlank(message = "{task.delegate.required}") String to) {
  }

  @PostMapping("/{taskId}/delegate")
  @Operation(summary = "Chuyển cho đồng nghiệp / Delegate to a colleague of the same group")
  TaskView delegate(@PathVariable String taskId, @Valid @RequestBody Delegation request,
      @AuthenticationPrincipal Staff staff) {
    return worklist.delegate(taskId, request.to(), staff);
  }

  @GetMapping("/{taskId}/colleagues")
  @Operation(summary = "Đồng nghiệp có thể nhận / Colleagues who may take the task")
  List<String> colleagues(@PathVariable String taskId, @AuthenticationPrincipal Staff staff) {
    return worklist.colleagues(taskId, staff);
  }

  private Outcome outcome(String taskId, java.util.function.Supplier<String> action) {
    try {
      return new Outcome(taskId, 200, null, action.get());
    } catch (ApiException refused) {
      return new Outcome(taskId, refused.status().value(), messages.getMessage(refused.messageKey(),
          refused.arguments(), refused.messageKey(), LocaleContextHolder.getLocale()), null);
    } catch (RuleViolation violation) {
      return new Outcome(taskId, 400, violation.getMessage(), null);
    } catch (FieldErrors invalid) {
      return new Outcome(taskId, 400, invalid.errors().stream().map(e -> e.field() + ": " + messages.getMessage(
          e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale())).toList().toString(), null);
    }
  }

  @PostMapping("/{taskId}/complete")
  @Operation(summary = "Hoàn thành bước / Complete with the step's decisions",
      description = "Values are checked against the step's form: 400 with a message per field; 409 when the task "
          + "is held by someone else or already completed.")
  DossierView complete(@PathVariable String taskId, @Valid @RequestBody CompleteTaskRequest request,
      @AuthenticationPrincipal Staff staff) {
    return worklist.complete(taskId, request.variables(), staff);
  }
}

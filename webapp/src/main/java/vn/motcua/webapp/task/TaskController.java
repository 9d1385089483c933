package vn.motcua.webapp.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
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

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Công việc / Tasks")
@SecurityRequirement(name = "basic")
class TaskController {

  private final Worklist worklist;

  TaskController(Worklist worklist) {
    this.worklist = worklist;
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

  @PostMapping("/{taskId}/complete")
  @Operation(summary = "Hoàn thành bước / Complete with the step's decisions",
      description = "Values are checked against the step's form: 400 with a message per field; 409 when the task "
          + "is held by someone else or already completed.")
  DossierView complete(@PathVariable String taskId, @Valid @RequestBody CompleteTaskRequest request,
      @AuthenticationPrincipal Staff staff) {
    return worklist.complete(taskId, request.variables(), staff);
  }
}

package vn.motcua.webapp.workbench;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.webapp.catalog.StepForms;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.dossier.DossierService;
import vn.motcua.webapp.dossier.DossierView;
import vn.motcua.webapp.dossier.LetterDue;
import vn.motcua.webapp.payment.FeePayments;
import vn.motcua.webapp.people.AgencyRole;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;
import vn.motcua.webapp.system.FieldErrors;
import vn.motcua.webapp.system.RuleViolation;
import vn.motcua.webapp.task.TaskView;
import vn.motcua.webapp.task.Worklist;

/**
 * Pages of the workbench. The queue and the panels are server-rendered and swapped in place with htmx; every action
 * goes through the same services as the API, so the same rules and the same audit trail apply.
 */
@Controller
@org.springframework.web.bind.annotation.RequestMapping("/workbench")
class WorkbenchController {

  private final Worklist worklist;
  private final DossierQueries dossiers;
  private final DossierService dossierService;
  private final DocumentService documents;
  private final FeePayments payments;
  private final MessageSource messages;

  WorkbenchController(Worklist worklist, DossierQueries dossiers, DossierService dossierService,
      DocumentService documents, FeePayments payments, MessageSource messages) {
    this.payments = payments;
    this.worklist = worklist;
    this.dossiers = dossiers;
    this.dossierService = dossierService;
    this.documents = documents;
    this.messages = messages;
  }

  /** Which tasks the queue shows. */
  enum Tab { MINE, UNCLAIMED, ALL }

  /** The queue, with one task's panel already open when the link names it (as after recording a dossier). */
  @GetMapping
  String page(@RequestParam(defaultValue = "ALL") Tab tab, @RequestParam(required = false) String task,
      @AuthenticationPrincipal Staff staff, Model model) {
    if (task != null) {
      model.addAttribute("panel", panel(task, staff, model, null, Map.of(), Map.of()));
    }
    queue(tab, staff, model);
    model.addAttribute("staff", staff);
    return "workbench";
  }

  @GetMapping("/queue")
  String queueFragment(@RequestParam(defaultValue = "ALL") Tab tab, @AuthenticationPrincipal Staff staff,
      Model model) {
    queue(tab, staff, model);
    return "fragments/queue :: queue";
  }

  private void queue(Tab tab, Staff staff, Model model) {
    List<TaskView> tasks = worklist.mine(staff).stream()
        .filter(t -> tab == Tab.ALL || tab == Tab.MINE && staff.username().equals(t.assignee())
            || tab == Tab.UNCLAIMED && t.assignee() == null)
        .toList();
    model.addAttribute("tab", tab);
    model.addAttribute("tasks", tasks);
    model.addAttribute("me", staff.username());
    model.addAttribute("leader", tasks.stream().anyMatch(TaskView::batchApproval));
  }

  @GetMapping("/tasks/{taskId}")
  String task(@PathVariable String taskId, @AuthenticationPrincipal Staff staff, Model model,
      HttpServletResponse response) {
    String view = panel(taskId, staff, model, null, Map.of(), Map.of());
    // a step that is not this person's, or no longer there, says so with its status (403, 404, 409)
    if (model.getAttribute("refusal") instanceof ApiException refused) {
      response.setStatus(refused.status().value());
    }
    return view;
  }

  @PostMapping("/tasks/{taskId}/claim")
  String claim(@PathVariable String taskId, @AuthenticationPrincipal Staff staff, Model model,
      HttpServletResponse response) {
    return act(() -> worklist.claim(taskId, staff), "ui.claimed", taskId, staff, model, response);
  }

  @PostMapping("/tasks/{taskId}/unclaim")
  String unclaim(@PathVariable String taskId, @AuthenticationPrincipal Staff staff, Model model,
      HttpServletResponse response) {
    return act(() -> worklist.unclaim(taskId, staff), "ui.unclaimed", taskId, staff, model, response);
  }

  @PostMapping("/tasks/{taskId}/delegate")
  String delegate(@PathVariable String taskId, @RequestParam(required = false) String to,
      @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response) {
    return act(() -> worklist.delegate(taskId, to, staff), "ui.delegated", taskId, staff, model, response);
  }

  @PostMapping("/tasks/{taskId}/documents")
  String attach(@PathVariable String taskId, @RequestParam String kind,
      @RequestParam(name = "file", required = false) MultipartFile file, @AuthenticationPrincipal Staff staff,
      Model model, HttpServletResponse response) throws IOException {
    TaskView task = worklist.get(taskId, staff);
    byte[] content = file == null ? new byte[0] : file.getBytes();
    String name = file == null ? null : file.getOriginalFilename();
    return act(() -> documents.attach(task.receiptCode(), kind, taskId, new DocumentService.Upload(name, content),
        staff), "ui.attached", taskId, staff, model, response);
  }

  @PostMapping("/tasks/{taskId}/comments")
  String comment(@PathVariable String taskId, @RequestParam(defaultValue = "") String text,
      @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response) {
    TaskView task = worklist.get(taskId, staff);
    if (text.isBlank() || text.length() > 2000) {
      return panel(taskId, staff, model, messages.getMessage("comment.required", null, locale()), Map.of(), Map.of());
    }
    return act(() -> dossierService.comment(task.receiptCode(), text, staff), "ui.commented", taskId, staff, model,
        response);
  }

  @PostMapping("/tasks/{taskId}/complete")
  String complete(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form,
      @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response) {
    TaskView task = worklist.get(taskId, staff);
    Map<String, Object> values = values(task.form(), form);
    try {
      var dossier = worklist.complete(taskId, values, staff);
      model.addAttribute("done", messages.getMessage("ui.completed",
          new Object[] {task.name(), dossier.receiptCode(), dossier.currentStep() == null ? "—" : dossier.currentStep()},
          locale()));
      model.addAttribute("dossier", dossier);
      model.addAttribute("letters", documents.list(dossier.receiptCode(), staff).stream()
          .filter(d -> LetterDue.Kind.isLetter(d.kind())).toList());
      response.setHeader("HX-Trigger", "queueChanged");
      return "fragments/task :: done";
    } catch (FieldErrors invalid) {
      return panel(taskId, staff, model, null, errors(invalid.errors()), form.toSingleValueMap());
    } catch (RuleViolation violation) {
      return panel(taskId, staff, model, null, errors(violation.errors()), form.toSingleValueMap());
    } catch (ApiException refused) {
      return panel(taskId, staff, model, text(refused), Map.of(), form.toSingleValueMap());
    }
  }

  @PostMapping("/tasks/claim")
  String claimAll(@RequestParam(name = "taskIds", required = false) List<String> taskIds,
      @RequestParam(defaultValue = "ALL") Tab tab, @AuthenticationPrincipal Staff staff, Model model) {
    List<String> refused = new ArrayList<>();
    int claimed = 0;
    for (String id : taskIds == null ? List.<String>of() : taskIds) {
      try {
        worklist.claim(id, staff);
        claimed++;
      } catch (ApiException e) {
        refused.add(text(e));
      }
    }
    model.addAttribute("notice", messages.getMessage("ui.claimedMany", new Object[] {claimed}, locale()));
    model.addAttribute("problems", refused);
    queue(tab, staff, model);
    return "fragments/queue :: queue";
  }

  /** The step form of the selected tasks, to decide them all at once. */
  @PostMapping("/tasks/batch")
  String batch(@RequestParam(name = "taskIds", required = false) List<String> taskIds,
      @AuthenticationPrincipal Staff staff, Model model) {
    List<TaskView> selected = (taskIds == null ? List.<String>of() : taskIds).stream()
        .map(id -> worklist.get(id, staff)).filter(TaskView::batchApproval).toList();
    if (selected.isEmpty() || selected.stream().map(TaskView::taskKey).distinct().count() > 1) {
      model.addAttribute("error", messages.getMessage("ui.batchSameStep", null, locale()));
      return "fragments/batch :: batch";
    }
    model.addAttribute("tasks", selected);
    model.addAttribute("form", selected.get(0).form());
    model.addAttribute("entered", Map.of());
    model.addAttribute("fieldErrors", Map.of());
    Map<String, ShowWhen> conditions = new HashMap<>();
    selected.get(0).form().fields()
        .forEach(f -> ShowWhen.parse(f.hideWhen()).ifPresent(c -> conditions.put(f.key(), c)));
    model.addAttribute("conditions", conditions);
    return "fragments/batch :: batch";
  }

  @PostMapping("/tasks/batch/complete")
  String batchComplete(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal Staff staff,
      Model model) {
    List<String> ids = form.getOrDefault("taskIds", List.of());
    List<String> problems = new ArrayList<>();
    int done = 0;
    for (String id : ids) {
      try {
        TaskView task = worklist.get(id, staff);
        worklist.completeInBatch(id, values(task.form(), form), staff);
        done++;
      } catch (ApiException e) {
        problems.add(id + ": " + text(e));
      } catch (FieldErrors e) {
        problems.add(id + ": " + String.join(" ", errors(e.errors()).values()));
      } catch (RuleViolation e) {
        problems.add(id + ": " + String.join(" ", errors(e.errors()).values()));
      }
    }
    model.addAttribute("notice", messages.getMessage("ui.batchDone", new Object[] {done}, locale()));
    model.addAttribute("problems", problems);
    model.addAttribute("clearPanel", true);
    queue(Tab.ALL, staff, model);
    return "fragments/queue :: queue";
  }

  @GetMapping("/dossiers/{receiptCode}")
  String dossier(@PathVariable String receiptCode, @RequestParam(required = false) String phi,
      @AuthenticationPrincipal Staff staff, Model model) {
    return dossierPage(receiptCode, staff, model, phi == null ? null
        : messages.getMessage("fee.recorded", new Object[] {phi}, locale()), null);
  }

  /** The counter received the fee of a dossier waiting for it, and gave a receipt. */
  @PostMapping("/dossiers/{receiptCode}/phi")
  String feeReceived(@PathVariable String receiptCode, @RequestParam(required = false) String receiptNumber,
      @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response) {
    try {
      payments.paidAtCounter(receiptCode, receiptNumber, staff);
      return "redirect:/workbench/dossiers/" + receiptCode + "?phi="
          + java.net.URLEncoder.encode(receiptNumber.strip(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (ApiException refused) {
      response.setStatus(refused.status().value());
      return dossierPage(receiptCode, staff, model, null, text(refused));
    }
  }

  private String dossierPage(String receiptCode, Staff staff, Model model, String notice, String error) {
    DossierView dossier = dossiers.view(receiptCode, staff);
    model.addAttribute("staff", staff);
    model.addAttribute("dossier", dossier);
    model.addAttribute("history", dossiers.history(receiptCode, staff));
    model.addAttribute("documents", documents.list(receiptCode, staff));
    model.addAttribute("payments", payments.of(dossiers.find(receiptCode).orElseThrow()));
    model.addAttribute("counter", staff.inGroup(AgencyRole.COUNTER.groupOf(dossier.receivingAgency().code())));
    model.addAttribute("notice", notice);
    model.addAttribute("error", error);
    return "dossier";
  }

  @GetMapping("/documents/{id}")
  ResponseEntity<byte[]> document(@PathVariable Long id, @AuthenticationPrincipal Staff staff) {
    return documents.open(id, staff).response(false);
  }

  private String act(Runnable action, String noticeKey, String taskId, Staff staff, Model model,
      HttpServletResponse response) {
    try {
      action.run();
      response.setHeader("HX-Trigger", "queueChanged");
      return panel(taskId, staff, model, null, Map.of(), Map.of(),
          messages.getMessage(noticeKey, null, locale()));
    } catch (ApiException refused) {
      // refused (403, 404) or too late (409): the panel says why, with the refusal's status
      response.setStatus(refused.status().value());
      return panel(taskId, staff, model, text(refused), Map.of(), Map.of());
    }
  }

  private String panel(String taskId, Staff staff, Model model, String error, Map<String, String> fieldErrors,
      Map<String, String> entered) {
    return panel(taskId, staff, model, error, fieldErrors, entered, null);
  }

  private String panel(String taskId, Staff staff, Model model, String error, Map<String, String> fieldErrors,
      Map<String, String> entered, String notice) {
    TaskView task;
    try {
      task = worklist.get(taskId, staff);
    } catch (ApiException gone) {
      model.addAttribute("error", text(gone));
      model.addAttribute("refusal", gone);
      return "fragments/task :: gone";
    }
    model.addAttribute("task", task);
    model.addAttribute("me", staff.username());
    model.addAttribute("dossier", dossiers.view(task.receiptCode(), staff));
    model.addAttribute("history", dossiers.history(task.receiptCode(), staff));
    model.addAttribute("documents", documents.list(task.receiptCode(), staff));
    model.addAttribute("colleagues", staff.username().equals(task.assignee()) || task.assignee() == null
        ? worklist.colleagues(taskId, staff) : List.of());
    model.addAttribute("error", error);
    model.addAttribute("notice", notice);
    model.addAttribute("fieldErrors", fieldErrors);
    Map<String, Object> shown = new HashMap<>(task.form() == null ? Map.of() : task.form().values());
    shown.putAll(entered);
    model.addAttribute("entered", shown);
    Map<String, ShowWhen> conditions = new HashMap<>();
    if (task.form() != null) {
      task.form().fields().forEach(f -> ShowWhen.parse(f.hideWhen()).ifPresent(c -> conditions.put(f.key(), c)));
    }
    model.addAttribute("conditions", conditions);
    return "fragments/task :: panel";
  }

  /** What the person typed, as the step's form types it: checkboxes are true or false, the rest text. */
  private static Map<String, Object> values(TaskView.Form form, MultiValueMap<String, String> posted) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (form == null) {
      return values;
    }
    for (StepForms.Field field : form.fields()) {
      if (field.readOnly()) {
        continue;
      }
      String value = posted.getFirst(field.key());
      if ("checkbox".equals(field.type())) {
        values.put(field.key(), value != null);
      } else if (value != null && !value.isBlank()) {
        values.put(field.key(), value);
      }
    }
    return values;
  }

  private Map<String, String> errors(List<FieldErrors.FieldError> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.merge(e.field(), messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(),
        locale()), (a, b) -> a + " " + b));
    return byField;
  }

  private String text(ApiException e) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale());
  }

  private static java.util.Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}

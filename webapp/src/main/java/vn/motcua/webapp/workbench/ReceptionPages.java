package vn.motcua.webapp.workbench;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartRequest;
import vn.motcua.webapp.catalog.ProcedureView;
import vn.motcua.webapp.catalog.ProcedureViews;
import vn.motcua.webapp.citizen.ApplicationForm;
import vn.motcua.webapp.dossier.Channel;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.place.Places;
import vn.motcua.webapp.system.ApiException;

/**
 * The counter's reception page: the officer records a dossier handed in person or received by post on the same form
 * citizens fill in online, scans each component against the checklist the required-documents decision gives, and
 * goes on to the completeness check with every missing item already listed.
 */
@Controller
@RequestMapping("/workbench/tiep-nhan")
class ReceptionPages {

  private static final List<Channel> CHANNELS = List.of(Channel.COUNTER, Channel.POSTAL);

  private final ProcedureViews procedures;
  private final ApplicationForm applicationForm;
  private final CounterReception reception;
  private final Places places;
  private final MessageSource messages;

  ReceptionPages(ProcedureViews procedures, ApplicationForm applicationForm, CounterReception reception,
      Places places, MessageSource messages) {
    this.procedures = procedures;
    this.applicationForm = applicationForm;
    this.reception = reception;
    this.places = places;
    this.messages = messages;
  }

  @GetMapping
  String choose(@RequestParam(name = "thu-tuc", required = false) String code, @AuthenticationPrincipal Staff staff,
      Model model, HttpServletResponse response) {
    atACounter(staff);
    if (code != null && !code.isBlank()) {
      return form(code.strip(), Map.of("channel", "COUNTER", "copies", "1", "pages", "1"), List.of(), List.of(),
          Map.of(), null, staff, model, response);
    }
    model.addAttribute("staff", staff);
    model.addAttribute("procedures", procedures.find(null, null, null, null, null));
    return "reception";
  }

  @GetMapping("/{code}/giay-to")
  String checklist(@PathVariable String code,
      @RequestParam(name = "circumstances", required = false) List<String> circumstances,
      @RequestParam(required = false) String idNumber, @AuthenticationPrincipal Staff staff, Model model) {
    // it names what the registry holds of the person with that ID number: for the counter receiving them only
    atACounter(staff);
    ProcedureView procedure = procedure(code);
    applicationForm.checklist(procedure, applicationForm.known(procedure, circumstances), idNumber, model);
    model.addAttribute("counter", true);
    model.addAttribute("fieldErrors", Map.of());
    return "citizen/fragments :: checklist";
  }

  @PostMapping("/{code}")
  String record(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, MultipartRequest upload,
      @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response) throws IOException {
    atACounter(staff);
    ProcedureView procedure = procedure(code);
    Channel channel = CHANNELS.stream().filter(c -> c.name().equals(form.getFirst("channel"))).findFirst()
        .orElse(null);
    ApplicationForm.Filled filled = applicationForm.read(procedure, channel == null ? Channel.COUNTER : channel,
        form.getFirst("receivingAgency"), form, upload, form.getFirst("idNumber"), Map.of());
    List<String> paper = form.keySet().stream().filter(k -> k.startsWith("paper_")).map(k -> k.substring(6)).toList();
    Map<String, String> errors = new java.util.LinkedHashMap<>(filled.errors());
    if (channel == null) {
      errors.put("channel", text("reception.channel.required"));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(code, filled.entered(), filled.circumstances(), paper, errors, text("apply.invalid"), staff, model,
          response);
    }
    try {
      CounterReception.Recorded recorded = reception.record(filled, form.getFirst("feeReceipt"), staff);
      return recorded.taskId() == null ? "redirect:/workbench/dossiers/" + recorded.receiptCode()
          : "redirect:/workbench?task=" + recorded.taskId();
    } catch (ApiException refused) {
      response.setStatus(refused.status().value());
      return form(code, filled.entered(), filled.circumstances(), paper, Map.of(),
          messages.getMessage(refused.messageKey(), refused.arguments(), refused.messageKey(),
              LocaleContextHolder.getLocale()), staff, model, response);
    }
  }

  private String form(String code, Map<String, String> entered, List<String> circumstances, List<String> paper,
      Map<String, String> errors, String error, Staff staff, Model model, HttpServletResponse response) {
    model.addAttribute("staff", staff);
    ProcedureView procedure = procedures.one(code, null).orElse(null);
    if (procedure == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("error", text("error.procedure.notFound", code));
      model.addAttribute("procedures", procedures.find(null, null, null, null, null));
      return "reception";
    }
    applicationForm.prepare(procedure, circumstances, entered.get("idNumber"), model);
    model.addAttribute("counter", true);
    model.addAttribute("checklistUrl", "/workbench/tiep-nhan/" + code + "/giay-to");
    model.addAttribute("channels", CHANNELS);
    model.addAttribute("counters", staff.counters().stream().map(places::agency)
        .flatMap(java.util.Optional::stream).toList());
    model.addAttribute("paper", paper);
    model.addAttribute("entered", entered);
    model.addAttribute("fieldErrors", errors);
    model.addAttribute("error", error);
    return "reception";
  }

  private static void atACounter(Staff staff) {
    if (staff.counters().isEmpty()) {
      throw ApiException.forbidden("error.counter.none");
    }
  }

  private ProcedureView procedure(String code) {
    return procedures.one(code, null).orElseThrow(() -> ApiException.notFound("error.procedure.notFound", code));
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
  }
}

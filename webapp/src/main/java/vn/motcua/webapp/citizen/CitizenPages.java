package vn.motcua.webapp.citizen;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import vn.motcua.webapp.catalog.ProcedureView;
import vn.motcua.webapp.catalog.ProcedureViews;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.dossier.Channel;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.dossier.DossierService;
import vn.motcua.webapp.dossier.DossierView;
import vn.motcua.webapp.dossier.RatingReason;
import vn.motcua.webapp.payment.FeePayments;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.people.StaffDirectory;
import vn.motcua.webapp.system.ApiException;

/**
 * The citizen's pages: their dossiers; the e-form of a procedure, whose checklist follows the required-documents
 * decision and the applicant's answers, pre-filled from the population registry; a dossier's page with what is
 * asked of them (supplement), the result to download and the rating.
 */
@Controller
@RequestMapping("/cong-dan")
class CitizenPages {

  private static final List<String> APPLICANT_FIELDS = List.of("fullName", "idNumber", "phone", "email", "address");

  private final ProcedureViews procedures;
  private final ApplicationForm applicationForm;
  private final Applications applications;
  private final IdentityLookups lookups;
  private final DossierQueries dossiers;
  private final DossierService dossierService;
  private final DocumentService documents;
  private final StaffDirectory directory;
  private final FeePayments payments;
  private final Drafts drafts;
  private final MessageSource messages;

  /** A saved e-form as the citizen's home lists it. */
  record DraftItem(Long id, String procedureCode, String procedureName, java.time.Instant savedAt) {
  }

  CitizenPages(ProcedureViews procedures, ApplicationForm applicationForm, Applications applications,
      IdentityLookups lookups, DossierQueries dossiers, DossierService dossierService, DocumentService documents,
      StaffDirectory directory, FeePayments payments, Drafts drafts, MessageSource messages) {
    this.payments = payments;
    this.drafts = drafts;
    this.procedures = procedures;
    this.applicationForm = applicationForm;
    this.applications = applications;
    this.lookups = lookups;
    this.dossiers = dossiers;
    this.dossierService = dossierService;
    this.documents = documents;
    this.directory = directory;
    this.messages = messages;
  }

  @GetMapping
  String home(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal Staff me, Model model) {
    model.addAttribute("me", me);
    model.addAttribute("drafts", drafts.of(me).stream().map(d -> new DraftItem(d.getId(), d.getProcedureCode(),
        procedures.one(d.getProcedureCode(), null).map(ProcedureView::name).orElse(d.getProcedureCode()),
        d.getSavedAt())).toList());
    model.addAttribute("dossiers", dossiers.list(me, PageRequest.of(Math.max(0, page), 20)));
    return "citizen/home";
  }

  // ---------------------------------------------------------------------------------------------------- the e-form

  @GetMapping("/nop/{code}")
  String form(@PathVariable String code, @RequestParam(name = "nhap", required = false) Long draftId,
      @RequestParam(name = "luu", required = false) String saved, @AuthenticationPrincipal Staff me, Model model,
      HttpServletResponse response) {
    if (draftId != null) {
      Drafts.Opened draft = drafts.open(draftId, me);
      Map<String, String> entered = new LinkedHashMap<>();
      draft.fields().forEach((name, values) -> entered.put(name, values.isEmpty() ? null : values.get(0)));
      model.addAttribute("notice", saved != null ? text("draft.saved") : null);
      draftOf(draftId, draft.fileNames(), model);
      return form(code, entered, draft.fields().getOrDefault("circumstances", List.of()), Map.of(), null, me, model,
          response);
    }
    Map<String, String> entered = new LinkedHashMap<>();
    entered.put("fullName", me.fullName());
    entered.put("email", me.email());
    directory.citizenIdOf(me.username()).ifPresent(id -> entered.put("idNumber", id));
    entered.put("copies", "1");
    entered.put("pages", "1");
    // the registry fills in what the account does not say (the permanent address)
    model.addAttribute("autoLookup", entered.containsKey("idNumber"));
    return form(code, entered, List.of(), Map.of(), null, me, model, response);
  }

  /** The checklist again, after the applicant changed an answer that changes it. */
  @GetMapping("/nop/{code}/giay-to")
  String checklist(@PathVariable String code,
      @RequestParam(name = "circumstances", required = false) List<String> circumstances,
      @RequestParam(name = "draft", required = false) Long draftId, @AuthenticationPrincipal Staff me,
      Model model) {
    ProcedureView procedure = onlineProcedure(code);
    applicationForm.checklist(procedure, applicationForm.known(procedure, circumstances),
        directory.citizenIdOf(me.username()).orElse(null), model);
    if (draftId != null) {
      draftOf(draftId, drafts.fileNames(draftId, me), model);
    }
    model.addAttribute("fieldErrors", Map.of());
    return "citizen/fragments :: checklist";
  }

  @PostMapping("/nop/{code}")
  String submit(@PathVariable String code, @RequestParam MultiValueMap<String, String> form,
      MultipartRequest upload, @AuthenticationPrincipal Staff me, Model model, HttpServletResponse response)
      throws IOException {
    ProcedureView procedure = onlineProcedure(code);
    Long draftId = draftId(form);
    if ("draft".equals(form.getFirst("action"))) {
      return saveDraft(procedure, draftId, form, upload, me, model, response);
    }
    ApplicationForm.Filled filled = applicationForm.read(procedure, Channel.ONLINE, null, form, upload,
        directory.citizenIdOf(me.username()).orElse(null), draftId == null ? Map.of() : drafts.uploads(draftId, me));
    if (draftId != null) {
      draftOf(draftId, drafts.fileNames(draftId, me), model);
    }
    if (!filled.errors().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(code, filled.entered(), filled.circumstances(), filled.errors(), text("apply.invalid"), me, model,
          response);
    }
    try {
      Dossier dossier = applications.submit(filled.request(), filled.components(), me);
      if (draftId != null) {
        drafts.delete(draftId, me);
      }
      return "redirect:/cong-dan/ho-so/" + dossier.getReceiptCode() + "?nop=1";
    } catch (ApiException refused) {
      response.setStatus(refused.status().value());
      return form(code, filled.entered(), filled.circumstances(), Map.of(), text(refused), me, model, response);
    }
  }

  /** Asks the population registry for the signed-in citizen's own data; the page polls for the answer. */
  @PostMapping("/tra-cuu-dan-cu")
  String lookUp(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal Staff me, Model model) {
    Map<String, String> entered = applicant(form);
    String own = directory.citizenIdOf(me.username()).orElse(null);
    if (own == null) {
      model.addAttribute("lookupProblem", text("apply.lookup.noIdentity"));
    } else {
      entered.put("idNumber", own);
      model.addAttribute("lookup", lookups.start(own, me.username()));
    }
    return applicantFieldset(entered, Map.of(), model);
  }

  @GetMapping("/tra-cuu-dan-cu/{id}")
  String lookedUp(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
      @AuthenticationPrincipal Staff me, Model model) {
    Map<String, String> entered = applicant(form);
    IdentityLookups.Result result = lookups.result(id, me.username());
    switch (result.state()) {
      case PENDING -> model.addAttribute("lookup", id);
      case FOUND -> {
        entered.put("fullName", result.fullName());
        entered.put("address", result.address());
        model.addAttribute("lookupFound", true);
      }
      case NOT_FOUND -> model.addAttribute("lookupProblem", text("apply.lookup.notFound"));
      default -> model.addAttribute("lookupProblem", text("apply.lookup.noAnswer"));
    }
    return applicantFieldset(entered, Map.of(), model);
  }

  // ------------------------------------------------------------------------------------------------ the dossier

  @GetMapping("/ho-so/{receiptCode}")
  String dossier(@PathVariable String receiptCode, @RequestParam(required = false) String nop,
      @AuthenticationPrincipal Staff me, Model model) {
    return dossierPage(receiptCode, me, model, nop != null ? text("dossier.submitted") : null, null);
  }

  @PostMapping("/ho-so/{receiptCode}/bo-sung")
  String supplement(@PathVariable String receiptCode, MultipartRequest upload, @AuthenticationPrincipal Staff me,
      Model model, HttpServletResponse response) throws IOException {
    mine(receiptCode, me);
    List<DocumentService.Upload> files = new ArrayList<>();
    for (MultipartFile file : upload.getFiles("files")) {
      ApplicationForm.given(file).ifPresent(files::add);
    }
    try {
      applications.supplement(receiptCode, files, me);
      return "redirect:/cong-dan/ho-so/" + receiptCode + "?bo-sung=1";
    } catch (ApiException refused) {
      response.setStatus(refused.status().value());
      return dossierPage(receiptCode, me, model, null, text(refused));
    }
  }

  /** Sends the applicant to the payment gateway's checkout page for the fee the dossier waits for. */
  @PostMapping("/ho-so/{receiptCode}/thanh-toan")
  String pay(@PathVariable String receiptCode, @AuthenticationPrincipal Staff me, Model model,
      HttpServletResponse response) {
    mine(receiptCode, me);
    try {
      return "redirect:" + payments.checkout(receiptCode, "/cong-dan/ho-so/" + receiptCode, me);
    } catch (ApiException refused) {
      response.setStatus(refused.status().value());
      return dossierPage(receiptCode, me, model, null, text(refused));
    }
  }

  @PostMapping("/ho-so/{receiptCode}/danh-gia")
  String rate(@PathVariable String receiptCode, @RequestParam(required = false) String score,
      @RequestParam(name = "reasons", required = false) List<String> reasons,
      @RequestParam(required = false) String comment, @AuthenticationPrincipal Staff me, Model model,
      HttpServletResponse response) {
    mine(receiptCode, me);
    try {
      int stars;
      List<RatingReason> chosen = new ArrayList<>();
      try {
        stars = Integer.parseInt(score == null ? "" : score.strip());
        for (String reason : reasons == null ? List.<String>of() : reasons) {
          chosen.add(RatingReason.valueOf(reason));
        }
      } catch (IllegalArgumentException notOurs) {
        throw ApiException.badRequest("error.rating.score");
      }
      dossierService.rate(receiptCode, stars, chosen, comment, me);
      return "redirect:/cong-dan/ho-so/" + receiptCode + "?danh-gia=1";
    } catch (ApiException refused) {
      response.setStatus(refused.status().value());
      return dossierPage(receiptCode, me, model, null, text(refused));
    }
  }

  @GetMapping("/tep/{id}")
  ResponseEntity<byte[]> file(@PathVariable long id, @RequestParam(defaultValue = "false") boolean download,
      @AuthenticationPrincipal Staff me) {
    return documents.open(id, me).response(download);
  }

  @PostMapping("/nhap/{id}/xoa")
  String deleteDraft(@PathVariable Long id, @AuthenticationPrincipal Staff me) {
    drafts.delete(id, me);
    return "redirect:/cong-dan?nhap-xoa=1";
  }

  // ---------------------------------------------------------------------------------------------------- helpers

  /** Saves the form as a draft (files checked, nothing else required) and opens it again. */
  private String saveDraft(ProcedureView procedure, Long draftId, MultiValueMap<String, String> form,
      MultipartRequest upload, Staff me, Model model, HttpServletResponse response) throws IOException {
    Map<String, DocumentService.Upload> uploads = new LinkedHashMap<>();
    for (Map.Entry<String, List<MultipartFile>> part : upload.getMultiFileMap().entrySet()) {
      if (part.getKey().startsWith("file_") && !part.getValue().isEmpty()) {
        ApplicationForm.given(part.getValue().get(0)).ifPresent(f -> uploads.put(part.getKey().substring(5), f));
      }
    }
    try {
      Long saved = drafts.save(draftId, procedure.code(), form, uploads, me);
      return "redirect:/cong-dan/nop/" + procedure.code() + "?nhap=" + saved + "&luu=1";
    } catch (ApiException refused) {
      response.setStatus(refused.status().value());
      Map<String, String> entered = new LinkedHashMap<>(form.toSingleValueMap());
      if (draftId != null) {
        draftOf(draftId, drafts.fileNames(draftId, me), model);
      }
      return form(procedure.code(), entered, applicationForm.known(procedure, form.get("circumstances")), Map.of(),
          text(refused), me, model, response);
    }
  }

  private static Long draftId(MultiValueMap<String, String> form) {
    String value = form.getFirst("draft");
    try {
      return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("draft.notFound", value);
    }
  }

  private static void draftOf(Long draftId, Map<String, String> fileNames, Model model) {
    model.addAttribute("draftId", draftId);
    model.addAttribute("draftFiles", fileNames);
  }

  private String form(String code, Map<String, String> entered, List<String> circumstances,
      Map<String, String> errors, String error, Staff me, Model model, HttpServletResponse response) {
    java.util.Optional<ProcedureView> found = procedures.one(code, null);
    if (found.isEmpty() || !online(found.get())) {
      response.setStatus(found.isEmpty() ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_CONFLICT);
      model.addAttribute("me", me);
      model.addAttribute("error", found.isEmpty() ? text("error.procedure.notFound", code)
          : text("apply.notOnline", found.get().name()));
      model.addAttribute("dossiers", dossiers.list(me, PageRequest.of(0, 20)));
      return "citizen/home";
    }
    ProcedureView procedure = found.get();
    model.addAttribute("me", me);
    model.addAttribute("entered", entered);
    model.addAttribute("fieldErrors", errors);
    model.addAttribute("error", error);
    applicationForm.prepare(procedure, circumstances, directory.citizenIdOf(me.username()).orElse(null), model);
    model.addAttribute("checklistUrl", "/cong-dan/nop/" + code + "/giay-to");
    return "citizen/apply";
  }

  private String applicantFieldset(Map<String, String> entered, Map<String, String> errors, Model model) {
    model.addAttribute("entered", entered);
    model.addAttribute("fieldErrors", errors);
    return "citizen/fragments :: applicant";
  }

  private String dossierPage(String receiptCode, Staff me, Model model, String notice, String error) {
    DossierView dossier = dossiers.view(receiptCode, me);
    model.addAttribute("me", me);
    model.addAttribute("dossier", dossier);
    model.addAttribute("documents", documents.list(receiptCode, me).stream()
        .filter(d -> DocumentService.APPLICANT_KINDS.contains(d.kind())).toList());
    model.addAttribute("reasons", RatingReason.values());
    model.addAttribute("payments", payments.of(dossiers.find(receiptCode).orElseThrow()));
    model.addAttribute("notice", notice);
    model.addAttribute("error", error);
    return "citizen/dossier";
  }

  private void mine(String receiptCode, Staff me) {
    dossiers.view(receiptCode, me); // 404 or 403 for a dossier that is not theirs
  }

  private ProcedureView onlineProcedure(String code) {
    ProcedureView procedure = procedures.one(code, null)
        .orElseThrow(() -> ApiException.notFound("error.procedure.notFound", code));
    if (!online(procedure)) {
      throw ApiException.conflict("apply.notOnline", procedure.name());
    }
    return procedure;
  }

  private static boolean online(ProcedureView procedure) {
    return "FULL".equals(procedure.onlineServiceLevel()) || "PARTIAL".equals(procedure.onlineServiceLevel());
  }

  private static Map<String, String> applicant(MultiValueMap<String, String> form) {
    Map<String, String> entered = new LinkedHashMap<>();
    APPLICANT_FIELDS.forEach(field -> entered.put(field, form.getFirst(field)));
    return entered;
  }

  private String text(ApiException e) {
    return text(e.messageKey(), e.arguments());
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
  }
}

package vn.motcua.webapp.citizen;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import vn.motcua.webapp.catalog.ProcedureView;
import vn.motcua.webapp.catalog.Rules;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.document.DocumentView;
import vn.motcua.webapp.dossier.Channel;
import vn.motcua.webapp.dossier.SubmitDossierRequest;
import vn.motcua.webapp.place.Places;
import vn.motcua.webapp.system.ApiException;

/**
 * The dossier form, as the citizen fills it in online and as the counter officer fills it in for an applicant in
 * person or by post: the applicant, the place, the answers that change the checklist, and a component for each
 * document the required-documents decision asks for. Online every component must be there; at the counter a
 * document may be handed in on paper only, or be missing, which the officer then asks for.
 */
@Component
public class ApplicationForm {

  private static final List<String> CATEGORIES = List.of("CITIZEN", "POOR_HOUSEHOLD", "MERIT", "DISABLED");

  /**
   * A component for a required document: a file uploaded now (or saved in the draft), or an earlier file or issued
   * result of the same person reused.
   */
  public record Component(Rules.RequiredDocument required, DocumentService.Upload upload, Long reuse) {
  }

  /**
   * What the form says, checked: the request, the components, the documents seen on paper only and the ones not
   * handed in (counter only), and a message per field that is wrong.
   */
  public record Filled(SubmitDossierRequest request, List<String> circumstances, List<Component> components,
                       List<Rules.RequiredDocument> onPaper, List<Rules.RequiredDocument> missing,
                       Map<String, String> entered, Map<String, String> errors) {
  }

  private final Rules rules;
  private final Places places;
  private final DocumentService documents;
  private final Validator validator;
  private final MessageSource messages;
  private final Clock clock;

  ApplicationForm(Rules rules, Places places, DocumentService documents, Validator validator,
      MessageSource messages, Clock clock) {
    this.rules = rules;
    this.places = places;
    this.documents = documents;
    this.validator = validator;
    this.messages = messages;
    this.clock = clock;
  }

  /** What the form page shows: the choices and the checklist for the answers given so far. */
  public void prepare(ProcedureView procedure, List<String> circumstances, String idNumber, Model model) {
    model.addAttribute("categories", CATEGORIES);
    model.addAttribute("communes", places.communes(LocalDate.now(clock)));
    model.addAttribute("circumstanceChoices", rules.circumstances(procedure.code()));
    checklist(procedure, circumstances, idNumber, model);
  }

  /** The checklist part alone, after an answer that changes it. */
  public void checklist(ProcedureView procedure, List<String> circumstances, String idNumber, Model model) {
    List<Rules.RequiredDocument> required = rules.requiredDocuments(procedure.code(), circumstances);
    model.addAttribute("procedure", procedure);
    model.addAttribute("circumstances", circumstances);
    model.addAttribute("required", required);
    model.addAttribute("reusable", reusable(required, idNumber));
  }

  /** The applicant's answers that the procedure's decisions know; anything else is dropped. */
  public List<String> known(ProcedureView procedure, List<String> asked) {
    List<String> choices = rules.circumstances(procedure.code());
    return asked == null ? List.of() : asked.stream().filter(choices::contains).distinct().toList();
  }

  /**
   * Reads and checks the posted form. {@code reuseOf} is whose earlier files may be reused: the signed-in
   * citizen's own, or at the counter the applicant's whose ID number was typed; {@code saved} are the files of the
   * draft the form was opened from, by required document, used where the form still ticks them.
   */
  public Filled read(ProcedureView procedure, Channel channel, String receivingAgency,
      MultiValueMap<String, String> form, MultipartRequest upload, String reuseOf,
      Map<String, DocumentService.Upload> saved) throws IOException {
    Map<String, String> entered = new LinkedHashMap<>(form.toSingleValueMap());
    entered.remove("_csrf");
    List<String> asked = form.getOrDefault("circumstances", List.of());
    List<String> circumstances = known(procedure, asked);
    Map<String, String> errors = new LinkedHashMap<>();
    if (circumstances.size() != asked.size()) {
      errors.put("circumstances", text("apply.circumstance.unknown"));
    }
    SubmitDossierRequest request = new SubmitDossierRequest(procedure.code(), channel, receivingAgency,
        value(form, "communeCode"),
        new SubmitDossierRequest.ApplicantData(value(form, "fullName"), value(form, "idNumber"), value(form, "phone"),
            value(form, "email"), value(form, "address"), value(form, "category")),
        circumstances, number(form, "copies", errors), number(form, "pages", errors), value(form, "returnMethod"),
        value(form, "postalAddress"));
    for (ConstraintViolation<SubmitDossierRequest> violation : validator.validate(request)) {
      String path = violation.getPropertyPath().toString();
      errors.putIfAbsent(path.startsWith("applicant.") ? path.substring("applicant.".length()) : path,
          violation.getMessage());
    }
    if ("POST".equals(request.returnMethod()) && request.postalAddress() == null) {
      errors.putIfAbsent("postalAddress", text("dossier.postalAddress.required"));
    }
    if (channel == Channel.ONLINE && request.applicant().phone() == null && request.applicant().email() == null) {
      errors.putIfAbsent("phone", text("apply.contact.required"));
    }
    List<Rules.RequiredDocument> required = rules.requiredDocuments(procedure.code(), circumstances);
    Map<String, DocumentView> reusable = reusable(required, reuseOf);
    List<Component> components = new ArrayList<>();
    List<Rules.RequiredDocument> onPaper = new ArrayList<>();
    List<Rules.RequiredDocument> missing = new ArrayList<>();
    for (Rules.RequiredDocument doc : required) {
      String field = "file_" + doc.code();
      Optional<DocumentService.Upload> given = given(upload.getFile(field));
      String reuse = form.getFirst("reuse_" + doc.code());
      DocumentView earlier = reusable.get(doc.code());
      if (given.isPresent()) {
        try {
          documents.check(given.get());
          components.add(new Component(doc, given.get(), null));
        } catch (ApiException refused) {
          errors.put(field, text(refused.messageKey(), refused.arguments()));
        }
      } else if (reuse != null && earlier != null && reuse.equals(String.valueOf(earlier.id()))) {
        components.add(new Component(doc, null, earlier.id()));
      } else if (saved.containsKey(doc.code()) && form.containsKey("draft_" + doc.code())) {
        components.add(new Component(doc, saved.get(doc.code()), null));
      } else if (channel == Channel.ONLINE) {
        errors.put(field, text("apply.document.missing", doc.name()));
      } else if (form.containsKey("paper_" + doc.code())) {
        onPaper.add(doc);
      } else {
        missing.add(doc);
      }
    }
    return new Filled(request, circumstances, components, onPaper, missing, entered, errors);
  }

  /** The file a file input sent, if one was chosen (an untouched input sends an empty part without a name). */
  public static Optional<DocumentService.Upload> given(MultipartFile file) throws IOException {
    if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
        || file.getOriginalFilename().isBlank())) {
      return Optional.empty();
    }
    return Optional.of(new DocumentService.Upload(file.getOriginalFilename(), file.getBytes()));
  }

  private Map<String, DocumentView> reusable(List<Rules.RequiredDocument> required, String idNumber) {
    boolean wellFormed = idNumber != null && idNumber.matches("\\d{12}");
    return documents.reusable(wellFormed ? idNumber : null, required);
  }

  private static String value(MultiValueMap<String, String> form, String field) {
    String value = form.getFirst(field);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Integer number(MultiValueMap<String, String> form, String field, Map<String, String> errors) {
    String value = value(form, field);
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      errors.put(field, text("apply.number"));
      return null;
    }
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
  }
}

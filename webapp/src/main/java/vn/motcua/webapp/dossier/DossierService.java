package vn.motcua.webapp.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.webapp.catalog.Procedure;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.catalog.Rules;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.place.Places;
import vn.motcua.webapp.system.ApiException;

/**
 * Submits dossiers: places the applicant, pins the rule set, asks the decisions for the receiving agency, fee and
 * documents, takes a receipt code and starts the procedure's model, all in one transaction.
 */
@Service
public class DossierService {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private final ProcedureCatalog catalog;
  private final Rules rules;
  private final Places places;
  private final ReceiptCodes receiptCodes;
  private final DossierRepository dossiers;
  private final DossierRequirementRepository requirements;
  private final DossierJournal journal;
  private final DossierCommentRepository comments;
  private final DossierAccess access;
  private final RuntimeService runtime;
  private final MessageSource messages;
  private final Clock clock;

  DossierService(ProcedureCatalog catalog, Rules rules, Places places, ReceiptCodes receiptCodes,
      DossierRepository dossiers, DossierRequirementRepository requirements, DossierJournal journal,
      DossierCommentRepository comments, DossierAccess access, RuntimeService runtime, MessageSource messages,
      Clock clock) {
    this.catalog = catalog;
    this.rules = rules;
    this.places = places;
    this.receiptCodes = receiptCodes;
    this.dossiers = dossiers;
    this.requirements = requirements;
    this.journal = journal;
    this.comments = comments;
    this.access = access;
    this.runtime = runtime;
    this.messages = messages;
    this.clock = clock;
  }

  @Transactional
  public Dossier submit(SubmitDossierRequest request, Staff by) {
    Procedure procedure = catalog.byCode(request.procedureCode())
        .orElseThrow(() -> ApiException.notFound("error.procedure.notFound", request.procedureCode()));
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    Places.Location location = places.locate(request.communeCode(), today)
        .orElseThrow(() -> ApiException.badRequest("error.commune.unknown", request.communeCode()));
    String ruleSet = rules.ruleSetVersion(today)
        .orElseThrow(() -> ApiException.unprocessable("error.ruleSet.none", today));
    Channel channel = channel(request, by);
    // filed under the code the procedure is published under on the day it is received
    String code = procedure.codeOn(today);
    Rules.Facts facts = new Rules.Facts(code, channel.name(), ruleSet, location.structure().name(),
        location.province().getCode(), location.districtCode(), location.commune().getCode(), today);
    String receivingAgency = receivingAgency(request, by, channel, facts);
    String category = request.applicant().category() == null ? "CITIZEN" : request.applicant().category();
    int copies = request.copies() == null ? 1 : request.copies();
    int pages = request.pages() == null ? 1 : request.pages();
    Rules.Fee fee = rules.fee(facts, category, copies, pages)
        .orElseThrow(() -> ApiException.unprocessable("error.fee.none", code, facts.provinceCode()));
    List<String> circumstances = request.circumstances() == null ? List.of() : request.circumstances();
    boolean byPost = "POST".equals(request.returnMethod());
    if (byPost && (request.postalAddress() == null || request.postalAddress().isBlank())) {
      throw ApiException.badRequest("dossier.postalAddress.required");
    }

    Places.Unit receivingUnit = places.unitOf(receivingAgency, today)
        .orElseThrow(() -> ApiException.unprocessable("error.routing.unknownAgency", receivingAgency));
    // any centre of the province receives (Decree 118/2025), whatever the applicant's commune; not another province's
    if (!receivingUnit.provinceCode().equals(facts.provinceCode())) {
      throw ApiException.badRequest("error.counter.otherProvince", receivingAgency, location.commune().getName(),
          location.province().getName());
    }
    // the dossier counts once, for the unit of the competent agency, whichever centre received it
    String handlingAgency = handlingAgency(facts, receivingAgency);
    Places.Unit unit = places.unitOf(handlingAgency, today)
        .orElseThrow(() -> ApiException.unprocessable("error.routing.unknownAgency", handlingAgency));

    SubmitDossierRequest.ApplicantData a = request.applicant();
    Dossier dossier = dossiers.save(new Dossier(receiptCodes.next(receivingAgency, today), code,
        procedure.name(), procedure.processDefinitionId(), channel,
        new Applicant(a.fullName().trim(), a.idNumber(), a.phone(), a.email(), a.address(), category),
        new Dossier.Placement(facts.provinceCode(), facts.districtCode(), facts.communeCode(), facts.adminStructure(),
            ruleSet, receivingAgency),
        new Dossier.Counting(procedure.sector(), handlingAgency, unit.code(), unit.level().name(), unit.provinceCode(),
            unit.districtCode()),
        fee.amount(), fee.basis(), by.username(), now));
    List<Rules.RequiredDocument> documents = rules.requiredDocuments(code, circumstances);
    documents.forEach(doc -> requirements.save(
        new DossierRequirement(dossier.getId(), doc.code(), doc.name(), doc.nameEn(), doc.form())));
    journal.record(dossier, by.username(), DossierAudit.Action.SUBMITTED, null,
        channel + " " + procedure.processKey() + " v" + procedure.version());

    // what the models read: see docs/models.md "Variables a procedure receives at start"
    Map<String, Object> variables = facts.variables();
    variables.put("receiptCode", dossier.getReceiptCode());
    // the moment whose rules are the dossier's to its end (the engine asks the tables in force then)
    variables.put("rulesAsOf", java.util.Date.from(now));
    variables.put("receivingAgency", receivingAgency);
    variables.put("procedureName", procedure.name());
    variables.put("applicantName", a.fullName().trim());
    variables.put("applicantIdNumber", a.idNumber());
    variables.put("applicantPhone", a.phone());
    variables.put("applicantEmail", a.email());
    variables.put("applicantLanguage", language());
    variables.put("requiredDocumentsText", documentList(documents, true));
    variables.put("applicantCategory", category);
    variables.put("feeAmount", fee.amount());
    variables.put("copies", copies);
    variables.put("pages", pages);
    // what the return step shows pre-filled: how the applicant asked for the result, and where the post brings it
    if (request.returnMethod() != null) {
      variables.put("returnMethod", request.returnMethod());
      variables.put("postalAddress", byPost ? request.postalAddress().strip() : null);
    }
    ProcessInstance instance = runtime.createProcessInstanceById(procedure.processDefinitionId())
        .businessKey(dossier.getReceiptCode())
        .setVariables(variables)
        .execute();
    dossier.started(instance.getId());
    return dossier;
  }

  /**
   * A reform officer moved the running dossier to another version of its procedure's model: it follows that version
   * from now on, and its trail says so. Called in the migration's own transaction.
   */
  @Transactional
  public void movedTo(String receiptCode, String processDefinitionId, String detail, String by) {
    Dossier dossier = dossiers.findByReceiptCode(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode));
    dossier.movedTo(processDefinitionId);
    journal.record(dossier, by, DossierAudit.Action.MIGRATED, null, detail);
  }

  /** The language the applicant uses the service in (their notices come in it first): English only if they chose it. */
  private static String language() {
    LocaleContext context = LocaleContextHolder.getLocaleContext();
    return context != null && context.getLocale() != null && "en".equals(context.getLocale().getLanguage())
        ? "en" : "vi";
  }

  /**
   * Documents numbered one a line, each with its form (original, copy...), in Vietnamese, and with {@code english}
   * followed by the English: how forms and letters list them.
   */
  public String documentList(List<Rules.RequiredDocument> documents, boolean english) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < documents.size(); i++) {
      Rules.RequiredDocument doc = documents.get(i);
      text.append(i + 1).append(". ").append(doc.name()).append(" (")
          .append(messages.getMessage("document.form." + doc.form(), null, doc.form(), VIETNAMESE)).append(")");
      if (english) {
        text.append(" / ").append(doc.nameEn()).append(" (")
            .append(messages.getMessage("document.form." + doc.form(), null, doc.form(), Locale.ENGLISH)).append(")");
      }
      text.append('\n');
    }
    return text.toString().strip();
  }

  private static Channel channel(SubmitDossierRequest request, Staff by) {
    if (by.has(Role.CITIZEN)) {
      if (request.channel() != null && request.channel() != Channel.ONLINE) {
        throw ApiException.badRequest("error.channel.citizenOnline");
      }
      return Channel.ONLINE;
    }
    if (request.channel() == null || request.channel() == Channel.ONLINE) {
      throw ApiException.badRequest("error.channel.officerCounter");
    }
    return request.channel();
  }

  /**
   * The competent agency: the one the routing table names for the procedure's handling stage, or, for a procedure
   * whose stages pass through several agencies, for the stage that issues its result; the receiving agency if the
   * model routes neither.
   */
  private String handlingAgency(Rules.Facts facts, String receivingAgency) {
    return rules.route(facts, "HANDLE").or(() -> rules.route(facts, "ISSUE")).map(Rules.Route::agency)
        .orElse(receivingAgency);
  }

  private String receivingAgency(SubmitDossierRequest request, Staff by, Channel channel, Rules.Facts facts) {
    if (channel == Channel.ONLINE) {
      String agency = rules.route(facts, "RECEIVE").map(Rules.Route::agency)
          .orElseThrow(() -> ApiException.unprocessable("error.routing.none", facts.procedureCode(), "RECEIVE",
              facts.communeCode()));
      places.agency(agency).orElseThrow(() -> ApiException.unprocessable("error.routing.unknownAgency", agency));
      return agency;
    }
    Set<String> counters = by.counters();
    if (request.receivingAgency() != null) {
      if (!counters.contains(request.receivingAgency())) {
        throw ApiException.forbidden("error.counter.notYours", request.receivingAgency());
      }
      return request.receivingAgency();
    }
    if (counters.size() != 1) {
      throw counters.isEmpty() ? ApiException.forbidden("error.counter.none")
          : ApiException.badRequest("error.counter.choose", String.join(", ", counters));
    }
    return counters.iterator().next();
  }

  /** An officer's note on the dossier, kept with its audit trail. */
  @Transactional
  public void comment(String receiptCode, String text, Staff by) {
    Dossier dossier = dossiers.findByReceiptCode(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode));
    if (!access.canView(by, dossier)) {
      throw ApiException.notFound("error.dossier.notFound", receiptCode);
    }
    if (!by.has(Role.OFFICER)) {
      throw ApiException.forbidden("error.dossier.forbidden");
    }
    comments.save(new DossierComment(dossier.getId(), by.username(), clock.instant(), dossier.getCurrentStage(),
        text.trim()));
    journal.record(dossier, by.username(), DossierAudit.Action.COMMENTED, dossier.getCurrentStage(), text.trim());
  }

  /** The applicant (or the counter) hands in what was asked; the waiting step resumes. */
  @Transactional
  public void supplement(String receiptCode, Staff by) {
    Dossier dossier = dossiers.findByReceiptCode(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode));
    if (!access.canSupplement(by, dossier)) {
      throw access.canView(by, dossier) ? ApiException.forbidden("error.dossier.forbidden")
          : ApiException.notFound("error.dossier.notFound", receiptCode);
    }
    if (dossier.getStatus() != DossierStatus.AWAITING_SUPPLEMENT) {
      throw ApiException.conflict("error.supplement.notAwaited", receiptCode);
    }
    runtime.createMessageCorrelation("SupplementSubmitted").processInstanceBusinessKey(receiptCode).correlate();
  }

  /**
   * The applicant rates the service of a finished dossier, once: 1 (very dissatisfied) to 5 (very satisfied), with
   * the reasons they choose and their own words.
   */
  @Transactional
  public void rate(String receiptCode, int score, List<RatingReason> reasons, String comment, Staff by) {
    Dossier dossier = dossiers.findByReceiptCode(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode));
    if (!by.username().equals(dossier.getSubmittedBy()) || !by.has(Role.CITIZEN)) {
      throw ApiException.forbidden("error.rating.applicantOnly");
    }
    if (score < 1 || score > 5) {
      throw ApiException.badRequest("error.rating.score");
    }
    if (comment != null && comment.length() > 1000) {
      throw ApiException.badRequest("field.tooLong");
    }
    if (dossier.getRating() != null) {
      throw ApiException.conflict("error.rating.twice", receiptCode);
    }
    if (!dossier.ratable()) {
      throw ApiException.conflict("error.rating.notFinished", receiptCode);
    }
    List<String> chosen = reasons == null ? List.of() : reasons.stream().distinct().map(Enum::name).toList();
    dossier.rate(score, chosen, comment, clock.instant());
    journal.record(dossier, by.username(), DossierAudit.Action.RATED, null,
        score + (chosen.isEmpty() ? "" : " " + String.join(",", chosen)));
  }

  /**
   * The applicant paid what the tax office assessed (the receipt is shown at the counter, or the tax system reports
   * it through a worker): the dossier's wait ends and the legal clock runs again.
   */
  @Transactional
  public void obligationsPaid(String receiptCode, String paymentReference, Staff by) {
    Dossier dossier = dossiers.findByReceiptCode(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode));
    if (!(by.has(Role.WORKER) || by.has(Role.OFFICER) && access.canView(by, dossier))) {
      throw access.canView(by, dossier) ? ApiException.forbidden("error.dossier.forbidden")
          : ApiException.notFound("error.dossier.notFound", receiptCode);
    }
    if (dossier.getStatus() != DossierStatus.AWAITING_PAYMENT) {
      throw ApiException.conflict("error.payment.notAwaited", receiptCode);
    }
    runtime.createMessageCorrelation("FinancialObligationsPaid").processInstanceBusinessKey(receiptCode)
        .setVariable("paymentReference", paymentReference)
        .correlate();
  }
}

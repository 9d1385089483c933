package vn.motcua.webapp.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.webapp.catalog.Procedure;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.catalog.Rules;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierAccess;
import vn.motcua.webapp.dossier.DossierJournal;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.dossier.TaskLookup;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;
import vn.motcua.webapp.system.MotcuaProperties;
import vn.motcua.workers.signature.PadesVerifier;

/**
 * Stores the files of dossiers. The type is read from the content (PDF, JPEG, PNG), never from the name; the name
 * is cleaned of paths and control characters; a refused file stores nothing.
 */
@Service
public class DocumentService {

  /**
   * What the applicant may open of their dossier: the components and supplements they handed in, and the letters and
   * results issued to them; not the officers' working papers (drafts, inspection records, surveys).
   */
  public static final java.util.Set<String> APPLICANT_KINDS = java.util.Set.of("SCAN", "SUPPLEMENT", "RESULT",
      "CERTIFICATE", "REFUSAL_LETTER", "STOP_NOTICE", "APOLOGY_LETTER", "RECEPTION_REFUSAL", "SUPPLEMENT_GUIDANCE",
      "TAX_NOTICE", "RECEIPT_VOUCHER");

  /** A file as it arrives. */
  public record Upload(String fileName, byte[] content) {
  }

  private final DossierDocumentRepository documents;
  private final DossierQueries dossiers;
  private final DossierAccess access;
  private final DossierJournal journal;
  private final TaskService tasks;
  private final TaskLookup taskLookup;
  private final MotcuaProperties properties;
  private final DocumentSignatures signatures;
  private final org.springframework.context.MessageSource labels;
  private final ProcedureCatalog catalog;
  private final Clock clock;

  DocumentService(DossierDocumentRepository documents, DossierQueries dossiers, DossierAccess access,
      DossierJournal journal, TaskService tasks, TaskLookup taskLookup, MotcuaProperties properties,
      DocumentSignatures signatures, org.springframework.context.MessageSource labels, ProcedureCatalog catalog,
      Clock clock) {
    this.labels = labels;
    this.catalog = catalog;
    this.documents = documents;
    this.dossiers = dossiers;
    this.access = access;
    this.journal = journal;
    this.tasks = tasks;
    this.taskLookup = taskLookup;
    this.properties = properties;
    this.signatures = signatures;
    this.clock = clock;
  }

  @Transactional
  public DocumentView attach(String receiptCode, String kind, String taskId, Upload upload, Staff by) {
    Dossier dossier = viewable(receiptCode, by);
    // files are handed in by the applicant and by the officers handling the dossier; those who watch over it read
    if (!by.has(vn.motcua.webapp.people.Role.OFFICER) && !by.has(vn.motcua.webapp.people.Role.CITIZEN)) {
      throw ApiException.forbidden("error.dossier.forbidden");
    }
    if (kind == null || !kind.matches("[A-Z][A-Z0-9_]{1,39}")) {
      throw ApiException.badRequest("document.kind.invalid");
    }
    if (!known(kind, dossier)) {
      throw ApiException.badRequest("document.kind.unknown", kind);
    }
    String step = null;
    if (taskId != null && !taskId.isBlank()) {
      Task task = openTaskOf(dossier, taskId, by);
      step = task.getTaskDefinitionKey();
    }
    byte[] content = upload.content();
    String contentType = check(upload);
    String name = FileTypes.cleanName(upload.fileName(), contentType);
    DossierDocument stored = documents.save(new DossierDocument(dossier.getId(), blankToNull(taskId), step, kind,
        name, contentType, content, sha256(content), by.username(), clock.instant()));
    dossier.documentAttached(kind);
    journal.record(dossier, by.username(), vn.motcua.webapp.dossier.DossierAudit.Action.DOCUMENT_ATTACHED, step,
        kind + " " + name + " sha256=" + stored.getSha256());
    return view(stored);
  }

  /**
   * A kind motcua has a name for (a working paper, a letter, a result: {@code document.kind.*} in the messages) or one
   * of the documents the dossier's procedure requires.
   */
  private boolean known(String kind, Dossier dossier) {
    return labels.getMessage("document.kind." + kind, null, null, java.util.Locale.ROOT) != null
        || dossiers.requirementsOf(dossier.getId()).stream().anyMatch(r -> kind.equals(r.getDocumentCode()));
  }

  /**
   * The type of an acceptable file (PDF, JPEG or PNG by its content, within the size limit, under a plain name), or
   * the refusal a person understands: a name with folders or reserved characters, empty, too large, another type.
   */
  public String check(Upload upload) {
    byte[] content = upload.content();
    if (!FileTypes.acceptableName(upload.fileName())) {
      throw ApiException.badRequest("document.name");
    }
    if (content == null || content.length == 0) {
      throw ApiException.badRequest("document.empty");
    }
    if (content.length > properties.documents().maxBytes()) {
      throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "document.tooLarge",
          properties.documents().maxBytes() / (1024 * 1024));
    }
    String contentType = FileTypes.detect(content);
    if (contentType == null) {
      throw new ApiException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document.type");
    }
    return contentType;
  }

  /**
   * Files a component of the checklist the applicant (or the counter for them) handed in, in the caller's
   * transaction: uploaded now, or — with {@code reuse} — the same person's file of an earlier dossier, copied so
   * that this dossier keeps its own record.
   */
  @Transactional
  public DocumentView attachComponent(Dossier dossier, Rules.RequiredDocument required, Upload upload, Long reuse,
      Staff by) {
    String requirementCode = required.code();
    DossierDocument stored;
    if (reuse != null) {
      // only what is on offer to this applicant for this document: their own earlier file or issued result
      DocumentView offered = reusable(dossier.getApplicant().idNumber(), List.of(required)).get(requirementCode);
      DossierDocument earlier = documents.findById(reuse)
          .filter(d -> offered != null && offered.id().equals(d.getId()))
          .orElseThrow(() -> ApiException.badRequest("document.reuse.notYours"));
      stored = documents.save(DossierDocument.component(dossier.getId(), requirementCode, earlier.getFileName(),
          earlier.getContentType(), earlier.getContent(), earlier.getSha256(), earlier.getId(), by.username(),
          clock.instant()));
    } else {
      String contentType = check(upload);
      stored = documents.save(DossierDocument.component(dossier.getId(), requirementCode,
          FileTypes.cleanName(upload.fileName(), contentType), contentType, upload.content(),
          sha256(upload.content()), null, by.username(), clock.instant()));
    }
    dossier.documentAttached(stored.getKind());
    journal.record(dossier, by.username(), vn.motcua.webapp.dossier.DossierAudit.Action.DOCUMENT_ATTACHED,
        dossier.getCurrentStage(), requirementCode + " " + stored.getFileName() + " sha256=" + stored.getSha256()
            + (reuse == null ? "" : " reused=" + reuse));
    return view(stored);
  }

  /**
   * What this person already had digitized, to offer for each required document instead of asking again: the latest
   * component they handed in for it, or else the result a procedure issued them that stands in for it.
   */
  @Transactional(readOnly = true)
  public java.util.Map<String, DocumentView> reusable(String idNumber, List<Rules.RequiredDocument> required) {
    java.util.Map<String, DocumentView> latest = new java.util.LinkedHashMap<>();
    if (idNumber == null || required.isEmpty()) {
      return latest;
    }
    documents.componentsOf(idNumber, required.stream().map(Rules.RequiredDocument::code).toList())
        .forEach(d -> latest.putIfAbsent(d.requirementCode(), d));
    for (Rules.RequiredDocument doc : required) {
      if (doc.resultOf() != null && !latest.containsKey(doc.code())) {
        documents.resultsOf(idNumber, codesOf(doc.resultOf())).stream().findFirst().ifPresent(d -> latest.put(doc.code(), d));
      }
    }
    return latest;
  }

  /** Every code the procedure that issues a result was published under: a certificate of 2024 stands in too. */
  private List<String> codesOf(String procedureCode) {
    return catalog.byCode(procedureCode).map(Procedure::codes).orElse(List.of(procedureCode));
  }

  /**
   * Files a document motcua itself issued for the dossier (a letter to the applicant), in the caller's transaction,
   * with its audit entry.
   */
  @Transactional
  public DocumentView issue(Dossier dossier, String kind, String fileName, byte[] pdf, String by) {
    DossierDocument stored = documents.save(new DossierDocument(dossier.getId(), null, dossier.getCurrentStage(),
        kind, fileName, "application/pdf", pdf, sha256(pdf), by, clock.instant()));
    journal.record(dossier, by, vn.motcua.webapp.dossier.DossierAudit.Action.DOCUMENT_ATTACHED,
        dossier.getCurrentStage(), kind + " " + fileName + " sha256=" + stored.getSha256());
    return view(stored);
  }

  /** A signed copy filed, or the one filed before for the same document. */
  public record Filed(DocumentView document, boolean created) {
  }

  /**
   * Files the signed copy of a document motcua issued: only the signature service's worker may; the copy must keep
   * the original's bytes (an incremental update) and carry a valid signature; once filed it is never replaced — the
   * same copy again is answered with the one filed, another one is refused.
   */
  @Transactional
  public Filed fileSignedCopy(Long id, byte[] pdf, Staff by) {
    if (!by.has(Role.WORKER)) {
      throw ApiException.forbidden("document.signedCopy.workersOnly");
    }
    DossierDocument original = documents.findById(id)
        .orElseThrow(() -> ApiException.notFound("document.notFound", id));
    if (original.getSignedFrom() != null) {
      throw ApiException.conflict("document.signedCopy.ofCopy", id);
    }
    String sha256 = sha256(pdf);
    java.util.Optional<DossierDocument> earlier = documents.findBySignedFrom(id);
    if (earlier.isPresent()) {
      if (earlier.get().getSha256().equals(sha256)) {
        return new Filed(view(earlier.get()), false);
      }
      throw ApiException.conflict("document.signedCopy.exists", id);
    }
    if (pdf.length > properties.documents().maxBytes()) {
      throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "document.tooLarge",
          properties.documents().maxBytes() / (1024 * 1024));
    }
    byte[] unsigned = original.getContent();
    if (pdf.length <= unsigned.length || !java.util.Arrays.equals(pdf, 0, unsigned.length, unsigned, 0,
        unsigned.length)) {
      throw ApiException.badRequest("document.signedCopy.notOfOriginal", id);
    }
    PadesVerifier.Report report = signatures.check(pdf);
    if (!report.valid()) {
      throw ApiException.badRequest("document.signedCopy.invalid", report.signatures().isEmpty() ? "-"
          : report.signatures().get(report.signatures().size() - 1).problem());
    }
    PadesVerifier.Signature signature = report.signatures().get(report.signatures().size() - 1);
    DossierDocument copy = documents.save(DossierDocument.signedCopy(original, pdf, sha256, signature.signer(),
        signature.signedAt(), by.username(), clock.instant()));
    Dossier dossier = dossiers.byId(original.getDossierId());
    journal.record(dossier, by.username(), vn.motcua.webapp.dossier.DossierAudit.Action.DOCUMENT_SIGNED,
        original.getStep(), original.getKind() + " " + copy.getFileName() + " signer=" + signature.signer()
            + " sha256=" + sha256);
    return new Filed(view(copy), true);
  }

  /** What the signatures of a stored document say. */
  @Transactional(readOnly = true)
  public DocumentSignatures.Check signatureOf(Long id, Staff by) {
    return signatures.report(open(id, by).getContent());
  }

  @Transactional(readOnly = true)
  public List<DocumentView> list(String receiptCode, Staff by) {
    return documents.describe(viewable(receiptCode, by).getId());
  }

  @Transactional(readOnly = true)
  public DossierDocument open(Long id, Staff by) {
    DossierDocument document = documents.findById(id)
        .orElseThrow(() -> ApiException.notFound("document.notFound", id));
    Dossier dossier = dossiers.byId(document.getDossierId());
    if (!access.canView(by, dossier) || by.has(Role.CITIZEN) && !by.has(Role.OFFICER)
        && !APPLICANT_KINDS.contains(document.getKind())) {
      // the same answer as for a file that does not exist: who may not see it does not learn it is there
      throw ApiException.notFound("document.notFound", id);
    }
    return document;
  }

  /** Whether a file of this kind was attached while this task was open (the rule a model sets on a step). */
  public boolean attachedAt(String taskId, String kind) {
    return documents.existsByTaskIdAndKind(taskId, kind);
  }

  private Dossier viewable(String receiptCode, Staff by) {
    Dossier dossier = dossiers.find(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode));
    if (!access.canView(by, dossier)) {
      throw ApiException.notFound("error.dossier.notFound", receiptCode);
    }
    return dossier;
  }

  private Task openTaskOf(Dossier dossier, String taskId, Staff by) {
    TaskLookup.OpenTask open = taskLookup.open(taskId)
        .orElseThrow(() -> ApiException.conflict("document.taskClosed"));
    Task task = open.task();
    if (!dossier.getReceiptCode().equals(open.receiptCode())) {
      throw ApiException.badRequest("document.taskOfOtherDossier");
    }
    boolean mine = by.username().equals(task.getAssignee()) || task.getAssignee() == null
        && tasks.getIdentityLinksForTask(taskId).stream()
        .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null
            && by.inGroup(l.getGroupId()));
    if (!mine) {
      throw ApiException.forbidden("error.task.notYours");
    }
    return task;
  }

  private static DocumentView view(DossierDocument d) {
    return new DocumentView(d.getId(), d.getKind(), d.getFileName(), d.getContentType(), d.getSizeBytes(),
        d.getSha256(), d.getStep(), d.getTaskId(), d.getUploadedBy(), d.getUploadedAt(), d.getSignedFrom(),
        d.getSigner(), d.getSignedAt(), d.getRequirementCode(), d.getReusedFrom());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

}

package vn.motcua.webapp.citizen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;

/**
 * E-forms the citizen saves to finish later, with the files already uploaded (checked as any upload is). Only their
 * owner sees or changes one; submitting the dossier from it removes it.
 */
@Service
class Drafts {

  /** Drafts a person may keep at once. */
  static final int MAX_PER_PERSON = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() { };

  /** A draft opened again: what was typed and chosen, and the file saved for each required document. */
  record Opened(Long id, Map<String, List<String>> fields, Map<String, String> fileNames) {
  }

  private final DraftRepository drafts;
  private final DraftFileRepository files;
  private final DocumentService documents;
  private final Clock clock;

  Drafts(DraftRepository drafts, DraftFileRepository files, DocumentService documents, Clock clock) {
    this.drafts = drafts;
    this.files = files;
    this.documents = documents;
    this.clock = clock;
  }

  /** Saves the form as it is (a new draft, or over the one it was opened from) with the files chosen now. */
  @Transactional
  Long save(Long draftId, String procedureCode, MultiValueMap<String, String> form,
      Map<String, DocumentService.Upload> uploads, Staff owner) {
    uploads.values().forEach(documents::check);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    form.forEach((name, values) -> {
      if (!name.equals("_csrf") && !name.equals("action") && !name.equals("draft") && !name.startsWith("file_")) {
        fields.put(name, values);
      }
    });
    String json;
    try {
      json = JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Draft draft;
    if (draftId == null) {
      if (drafts.findByOwnerOrderBySavedAtDesc(owner.username()).size() >= MAX_PER_PERSON) {
        throw ApiException.conflict("draft.tooMany", MAX_PER_PERSON);
      }
      draft = new Draft(owner.username(), procedureCode);
    } else {
      draft = mine(draftId, owner);
      if (!draft.getProcedureCode().equals(procedureCode)) {
        throw ApiException.badRequest("draft.otherProcedure");
      }
    }
    draft.save(json, clock.instant());
    draft = drafts.save(draft);
    List<DraftFile> earlier = files.findByDraftIdOrderByIdAsc(draft.getId());
    Long id = draft.getId();
    uploads.forEach((code, upload) -> {
      earlier.stream().filter(f -> f.getRequirementCode().equals(code)).forEach(files::delete);
      files.flush();
      files.save(new DraftFile(id, code, upload.fileName(), upload.content()));
    });
    return id;
  }

  @Transactional(readOnly = true)
  Opened open(Long draftId, Staff owner) {
    Draft draft = mine(draftId, owner);
    try {
      return new Opened(draft.getId(), JSON.readValue(draft.getFields(), FIELDS), fileNames(draftId, owner));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The names of the files saved with the draft, by required document (the files themselves are not read). */
  @Transactional(readOnly = true)
  Map<String, String> fileNames(Long draftId, Staff owner) {
    mine(draftId, owner);
    Map<String, String> names = new LinkedHashMap<>();
    files.namesOf(draftId).forEach(row -> names.put((String) row[0], (String) row[1]));
    return names;
  }

  /** The files saved with the draft, by required document, to hand in with the dossier. */
  @Transactional(readOnly = true)
  Map<String, DocumentService.Upload> uploads(Long draftId, Staff owner) {
    mine(draftId, owner);
    Map<String, DocumentService.Upload> saved = new LinkedHashMap<>();
    files.findByDraftIdOrderByIdAsc(draftId).forEach(f -> saved.put(f.getRequirementCode(),
        new DocumentService.Upload(f.getFileName(), f.getContent())));
    return saved;
  }

  @Transactional(readOnly = true)
  List<Draft> of(Staff owner) {
    return drafts.findByOwnerOrderBySavedAtDesc(owner.username());
  }

  @Transactional
  void delete(Long draftId, Staff owner) {
    Draft draft = mine(draftId, owner);
    files.deleteByDraftId(draft.getId());
    drafts.delete(draft);
  }

  private Draft mine(Long draftId, Staff owner) {
    Draft draft = drafts.findById(draftId).orElseThrow(() -> ApiException.notFound("draft.notFound", draftId));
    if (!draft.getOwner().equals(owner.username())) {
      throw ApiException.forbidden("draft.notYours");
    }
    return draft;
  }
}

package vn.motcua.webapp.citizen;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.dossier.DossierService;
import vn.motcua.webapp.dossier.DossierStatus;
import vn.motcua.webapp.dossier.SubmitDossierRequest;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;

/**
 * What the applicant hands in, online or at the counter, each as one transaction: a dossier with the components of
 * its checklist (a refused file leaves no dossier behind), and a supplement with its files (the dossier resumes only
 * with them).
 */
@Service
public class Applications {

  private final DossierService dossiers;
  private final DossierQueries queries;
  private final DocumentService documents;

  Applications(DossierService dossiers, DossierQueries queries, DocumentService documents) {
    this.dossiers = dossiers;
    this.queries = queries;
    this.documents = documents;
  }

  @Transactional
  public Dossier submit(SubmitDossierRequest request, List<ApplicationForm.Component> components, Staff by) {
    Dossier dossier = dossiers.submit(request, by);
    components.forEach(c -> documents.attachComponent(dossier, c.required(), c.upload(), c.reuse(), by));
    return dossier;
  }

  @Transactional
  void supplement(String receiptCode, List<DocumentService.Upload> files, Staff by) {
    Dossier dossier = queries.find(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode));
    if (dossier.getStatus() != DossierStatus.AWAITING_SUPPLEMENT) {
      throw ApiException.conflict("error.supplement.notAwaited", receiptCode);
    }
    if (files.isEmpty()) {
      throw ApiException.badRequest("supplement.noFiles");
    }
    files.forEach(file -> documents.attach(receiptCode, "SUPPLEMENT", null, file, by));
    dossiers.supplement(receiptCode, by);
  }
}

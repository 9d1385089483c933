package vn.motcua.webapp.document;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DossierDocumentRepository extends JpaRepository<DossierDocument, Long> {

  /** Metadata only: the content stays in the database until someone opens the file. */
  @Query("""
      select new vn.motcua.webapp.document.DocumentView(d.id, d.kind, d.fileName, d.contentType, d.sizeBytes,
        d.sha256, d.step, d.taskId, d.uploadedBy, d.uploadedAt, d.signedFrom, d.signer, d.signedAt, d.requirementCode, d.reusedFrom)
      from DossierDocument d where d.dossierId = :dossierId order by d.uploadedAt, d.id""")
  List<DocumentView> describe(@Param("dossierId") Long dossierId);

  /**
   * The latest component the same person (by citizen ID) handed in for each required document in earlier dossiers:
   * digitized once, reused instead of asked for again.
   */
  @Query("""
      select new vn.motcua.webapp.document.DocumentView(d.id, d.kind, d.fileName, d.contentType, d.sizeBytes,
        d.sha256, d.step, d.taskId, d.uploadedBy, d.uploadedAt, d.signedFrom, d.signer, d.signedAt, d.requirementCode,
        d.reusedFrom)
      from DossierDocument d, vn.motcua.webapp.dossier.Dossier x
      where x.id = d.dossierId and x.applicant.idNumber = :idNumber and d.requirementCode in :codes
      order by d.uploadedAt desc, d.id desc""")
  List<DocumentView> componentsOf(@Param("idNumber") String idNumber,
      @Param("codes") java.util.Collection<String> codes);

  /**
   * The results issued to the same person (by citizen ID) by a procedure (under any code it was published under), in dossiers whose result was returned: the
   * signed copies first, the newest first.
   */
  @Query("""
      select new vn.motcua.webapp.document.DocumentView(d.id, d.kind, d.fileName, d.contentType, d.sizeBytes,
        d.sha256, d.step, d.taskId, d.uploadedBy, d.uploadedAt, d.signedFrom, d.signer, d.signedAt, d.requirementCode,
        d.reusedFrom)
      from DossierDocument d, vn.motcua.webapp.dossier.Dossier x
      where x.id = d.dossierId and x.applicant.idNumber = :idNumber and x.procedureCode in :procedureCodes
        and x.status = vn.motcua.webapp.dossier.DossierStatus.RESULT_RETURNED and d.kind in ('RESULT', 'CERTIFICATE')
      order by case when d.signedFrom is null then 1 else 0 end, d.uploadedAt desc, d.id desc""")
  List<DocumentView> resultsOf(@Param("idNumber") String idNumber, @Param("procedureCodes") java.util.Collection<String> procedureCodes);

  /** Asked when every step completes (its required attachment): a query Hibernate translates once. */
  @Query("select count(d) > 0 from DossierDocument d where d.taskId = ?1 and d.kind = ?2")
  boolean existsByTaskIdAndKind(String taskId, String kind);

  java.util.Optional<DossierDocument> findBySignedFrom(Long original);
}

package vn.motcua.webapp.dossier;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DossierRepository extends JpaRepository<Dossier, Long>, DossierLookup {

  Page<Dossier> findBySubmittedByOrderBySubmittedAtDesc(String submittedBy, Pageable page);

  @Query("""
      select d from Dossier d where d.receivingAgency in :agencies
        or exists (select 1 from DossierStage s where s.dossierId = d.id and s.agencyCode in :agencies)
      order by d.submittedAt desc""")
  Page<Dossier> findHandledBy(@Param("agencies") Collection<String> agencies, Pageable page);

  @Query("""
      select d from Dossier d where d.unitProvince = :unit or d.unitDistrict = :unit or d.unitCode = :unit
      order by d.submittedAt desc""")
  Page<Dossier> findInJurisdiction(@Param("unit") String adminUnitCode, Pageable page);

  Page<Dossier> findAllByOrderBySubmittedAtDesc(Pageable page);

  /** The open dossiers whose deadline lies after a moment, in order of id, after a given one: a page at a time. */
  @Query("""
      select d.id from Dossier d where d.finishedAt is null and d.deadline > :after and d.id > :afterId
      order by d.id""")
  java.util.List<Long> findOpenDueAfter(@Param("after") java.time.Instant after, @Param("afterId") long afterId,
      Pageable page);

  java.util.List<Dossier> findByReceiptCodeIn(Collection<String> receiptCodes);

  java.util.List<Dossier> findByFinishedAtGreaterThanEqualAndFinishedAtLessThanAndDeadlineIsNotNull(
      java.time.Instant from, java.time.Instant to);
}

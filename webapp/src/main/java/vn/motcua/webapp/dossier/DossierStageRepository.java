package vn.motcua.webapp.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The engine's listeners ask these in every step of every dossier: written as queries, so Hibernate translates each
 * once (a query derived from the method name is built and translated anew on every call).
 */
interface DossierStageRepository extends JpaRepository<DossierStage, Long> {

  @Query("select s from DossierStage s where s.dossierId = ?1 order by s.startedAt, s.id")
  List<DossierStage> findByDossierIdOrderByStartedAtAscIdAsc(Long dossierId);

  @Query("select s from DossierStage s where s.dossierId = ?1 and s.state = ?2"
      + " order by s.completedAt desc nulls last, s.id desc limit 1")
  Optional<DossierStage> findFirstByDossierIdAndStateOrderByCompletedAtDescIdDesc(Long dossierId,
      DossierStage.State state);

  /** Who completed the dossier's last reception step, if anyone did. */
  @Query("select s from DossierStage s where s.dossierId = ?1 and s.stage = 'RECEIVE' and s.completedBy is not null"
      + " order by s.startedAt desc, s.id desc limit 1")
  Optional<DossierStage> lastReception(Long dossierId);

  /** The step that ran furthest past its due date: the one a late dossier is attributed to. */
  @Query("select s from DossierStage s where s.dossierId = ?1 and s.delayMinutes > ?2"
      + " order by s.delayMinutes desc, s.id limit 1")
  Optional<DossierStage> findFirstByDossierIdAndDelayMinutesGreaterThanOrderByDelayMinutesDescIdAsc(Long dossierId,
      int minutes);

  boolean existsByDossierIdAndAgencyCodeIn(Long dossierId, Collection<String> agencies);
}

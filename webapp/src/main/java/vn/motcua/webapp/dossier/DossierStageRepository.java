package vn.motcua.webapp.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DossierStageRepository extends JpaRepository<DossierStage, Long> {

  List<DossierStage> findByDossierIdOrderByStartedAtAscIdAsc(Long dossierId);

  Optional<DossierStage> findByEngineRef(String engineRef);

  Optional<DossierStage> findFirstByDossierIdAndStateOrderByCompletedAtDescIdDesc(Long dossierId,
      DossierStage.State state);

  /** The step that ran furthest past its due date: the one a late dossier is attributed to. */
  Optional<DossierStage> findFirstByDossierIdAndDelayMinutesGreaterThanOrderByDelayMinutesDescIdAsc(Long dossierId,
      int minutes);

  boolean existsByDossierIdAndAgencyCodeIn(Long dossierId, Collection<String> agencies);
}

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

  boolean existsByDossierIdAndAgencyCodeIn(Long dossierId, Collection<String> agencies);
}

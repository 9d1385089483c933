package vn.motcua.webapp.dossier;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DossierRequirementRepository extends JpaRepository<DossierRequirement, Long> {

  List<DossierRequirement> findByDossierIdOrderByIdAsc(Long dossierId);
}

package vn.motcua.webapp.dossier;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DossierRequirementRepository extends JpaRepository<DossierRequirement, Long> {

  @Query("select r from DossierRequirement r where r.dossierId = ?1 order by r.id")
  List<DossierRequirement> findByDossierIdOrderByIdAsc(Long dossierId);
}

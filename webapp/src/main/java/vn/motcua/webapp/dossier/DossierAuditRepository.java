package vn.motcua.webapp.dossier;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DossierAuditRepository extends JpaRepository<DossierAudit, Long> {

  List<DossierAudit> findByDossierIdOrderByAtAscIdAsc(Long dossierId);
}

package vn.motcua.webapp.dossier;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DossierCommentRepository extends JpaRepository<DossierComment, Long> {

  List<DossierComment> findByDossierIdOrderByWrittenAtAscIdAsc(Long dossierId);
}

package vn.motcua.webapp.citizen;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DraftFileRepository extends JpaRepository<DraftFile, Long> {

  List<DraftFile> findByDraftIdOrderByIdAsc(Long draftId);

  void deleteByDraftId(Long draftId);
}

package vn.motcua.webapp.citizen;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DraftFileRepository extends JpaRepository<DraftFile, Long> {

  List<DraftFile> findByDraftIdOrderByIdAsc(Long draftId);

  /** Which document each file is for and its name, without reading the files. */
  @Query("select f.requirementCode, f.fileName from DraftFile f where f.draftId = :draftId order by f.id")
  List<Object[]> namesOf(@Param("draftId") Long draftId);

  void deleteByDraftId(Long draftId);
}

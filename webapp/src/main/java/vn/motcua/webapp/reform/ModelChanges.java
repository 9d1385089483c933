package vn.motcua.webapp.reform;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The log of model changes. */
interface ModelChanges extends JpaRepository<ModelChange, Long> {

  List<ModelChange> findTop50ByOrderByAtDescIdDesc();
}

package vn.motcua.webapp.place;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyRepository extends JpaRepository<Agency, Long> {
}

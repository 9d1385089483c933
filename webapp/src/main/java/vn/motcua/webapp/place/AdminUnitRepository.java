package vn.motcua.webapp.place;

import org.springframework.data.jpa.repository.JpaRepository;

interface AdminUnitRepository extends JpaRepository<AdminUnit, Long> {
}

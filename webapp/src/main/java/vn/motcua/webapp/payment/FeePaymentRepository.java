package vn.motcua.webapp.payment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface FeePaymentRepository extends JpaRepository<FeePayment, Long> {

  /** Locked: two deliveries of the same callback are handled one after the other. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<FeePayment> findByGatewayPaymentId(String gatewayPaymentId);

  List<FeePayment> findByDossierIdOrderByOpenedAtAscIdAsc(Long dossierId);

  boolean existsByDossierIdAndReceiptNumber(Long dossierId, String receiptNumber);
}

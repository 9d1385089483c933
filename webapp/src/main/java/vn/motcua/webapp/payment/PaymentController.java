package vn.motcua.webapp.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.people.Staff;
import vn.motcua.workers.CallbackSignature;

@RestController
@Tag(name = "Phí, lệ phí / Fees")
class PaymentController {

  /** A receipt the counter gave for the fee it received. */
  record CounterPayment(String receiptNumber) {
  }

  private final FeePayments payments;
  private final DossierQueries dossiers;

  PaymentController(FeePayments payments, DossierQueries dossiers) {
    this.payments = payments;
    this.dossiers = dossiers;
  }

  @GetMapping("/api/v1/dossiers/{receiptCode}/fee-payments")
  @Operation(summary = "Các lần nộp phí của hồ sơ / The dossier's fee payments")
  List<FeePayments.View> list(@PathVariable String receiptCode, @AuthenticationPrincipal Staff staff) {
    dossiers.view(receiptCode, staff); // 404 or 403 for a dossier they may not see
    return payments.of(dossiers.find(receiptCode).orElseThrow());
  }

  @PostMapping("/api/v1/dossiers/{receiptCode}/fee-payments")
  @Operation(summary = "Ghi nhận phí thu tại quầy / Record the fee received at the counter",
      description = "The receipt number the counter gave; the dossier waiting for its fee goes on.")
  ResponseEntity<List<FeePayments.View>> atCounter(@PathVariable String receiptCode,
      @RequestBody(required = false) CounterPayment payment, @AuthenticationPrincipal Staff staff) {
    payments.paidAtCounter(receiptCode, payment == null ? null : payment.receiptNumber(), staff);
    return ResponseEntity.status(HttpStatus.CREATED).body(payments.of(dossiers.find(receiptCode).orElseThrow()));
  }

  @PostMapping("/api/v1/dossiers/{receiptCode}/fee-payments/online")
  @Operation(summary = "Thanh toán trực tuyến / Pay online",
      description = "Opens a payment at the gateway; send the applicant to checkoutUrl.")
  Map<String, String> online(@PathVariable String receiptCode, @AuthenticationPrincipal Staff staff) {
    return Map.of("checkoutUrl", payments.checkout(receiptCode, "/cong-dan/ho-so/" + receiptCode, staff));
  }

  @PostMapping("/api/v1/payments/callback")
  @Operation(summary = "Lời báo của cổng thanh toán / The payment gateway's callback",
      description = "The gateway says a payment's state: paymentId, reference (motcua's, from the opening), amount, status,"
          + " callbackId (unique per delivery) and sentAt (ISO-8601). Believed only signed with the shared secret"
          + " (X-Signature: the hex HMAC-SHA256 of the exact body), sent within 5 minutes, never received before (409)"
          + " and confirmed by the gateway itself.")
  Map<String, Boolean> callback(@RequestBody byte[] body,
      @RequestHeader(name = CallbackSignature.HEADER, required = false) String signature) {
    payments.callback(body, signature);
    return Map.of("received", true);
  }
}

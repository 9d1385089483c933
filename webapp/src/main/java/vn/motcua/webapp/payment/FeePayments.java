package vn.motcua.webapp.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierChanged;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.dossier.FeeSettled;
import vn.motcua.webapp.people.AgencyRole;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;
import vn.motcua.workers.CallbackSignature;
import vn.motcua.workers.JsonApi;
import vn.motcua.workers.SystemsSettings;

/**
 * The fee a dossier waits for (the fee-payment model), paid online or at the counter. Online, motcua opens a payment
 * at the gateway and sends the payer to its checkout page; the gateway's callback, signed with the shared secret,
 * says the payer paid, and the dossier goes on (its model has the capture-payment worker take the money). A callback
 * delivered twice, or one for a dossier that no longer waits, changes nothing more and charges nobody.
 */
@Service
public class FeePayments {

  private static final String PAID = "FeePaid";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One payment as the pages show it. */
  public record View(String method, String status, long amount, String reference, String transactionId,
                     Instant openedAt, Instant paidAt) {
  }

  private final FeePaymentRepository payments;
  private final DossierQueries dossiers;
  private final RuntimeService runtime;
  private final JsonApi gateway;
  private final String secret;
  private final Clock clock;

  FeePayments(FeePaymentRepository payments, DossierQueries dossiers, RuntimeService runtime,
      SystemsSettings settings, Clock clock) {
    this.payments = payments;
    this.dossiers = dossiers;
    this.runtime = runtime;
    this.gateway = new JsonApi(settings.paymentUrl(), settings.paymentApiKey(), settings.timeoutMillis());
    this.secret = settings.paymentCallbackSecret();
    this.clock = clock;
  }

  /**
   * Opens an online payment of the fee for the applicant and answers where to send them: the gateway's checkout page,
   * which calls this application back and then sends them to {@code returnPath} here. An open payment not paid yet
   * is offered again rather than a second one.
   */
  @Transactional
  public String checkout(String receiptCode, String returnPath, Staff by) {
    ServletUriComponentsBuilder here = ServletUriComponentsBuilder.fromCurrentContextPath();
    String callbackUrl = here.cloneBuilder().path("/api/v1/payments/callback").toUriString();
    String returnUrl = here.cloneBuilder().path(returnPath).toUriString();
    Dossier dossier = awaitingFee(receiptCode);
    if (!by.has(Role.CITIZEN) || !by.username().equals(dossier.getSubmittedBy())) {
      throw ApiException.forbidden("error.fee.applicantOnly");
    }
    List<FeePayment> earlier = payments.findByDossierIdOrderByOpenedAtAscIdAsc(dossier.getId());
    for (FeePayment open : earlier) {
      if (open.getStatus() == FeePayment.Status.PENDING && open.getAmount() == dossier.getFeeAmount()) {
        return open.getCheckoutUrl();
      }
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("amount", dossier.getFeeAmount());
    request.put("reference", receiptCode);
    request.put("description", "Phí, lệ phí hồ sơ " + receiptCode + " – " + dossier.getProcedureName());
    request.put("callbackUrl", callbackUrl);
    request.put("returnUrl", returnUrl);
    Map<String, Object> opened;
    try {
      opened = gateway.post("/payments", request, "fee-" + receiptCode + "-" + earlier.size());
    } catch (JsonApi.Refused | IOException unavailable) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "error.payment.gateway", unavailable.getMessage());
    }
    String paymentId = (String) opened.get("paymentId");
    String checkoutUrl = (String) opened.get("checkoutUrl");
    payments.save(FeePayment.online(dossier.getId(), dossier.getFeeAmount(), paymentId, checkoutUrl, by.username(),
        clock.instant()));
    return checkoutUrl;
  }

  /**
   * The gateway says a payer paid. Trusted only with a valid signature over the exact body; handled once per payment
   * (a repeated callback is answered as the first, and changes nothing).
   */
  @Transactional
  public void callback(byte[] body, String signature) {
    if (!CallbackSignature.matches(secret, body, signature)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "error.payment.signature");
    }
    JsonNode said;
    try {
      said = JSON.readTree(body);
    } catch (IOException unreadable) {
      throw ApiException.badRequest("error.payment.callback");
    }
    if (said == null || !said.path("paymentId").isTextual() || !said.path("amount").canConvertToLong()) {
      throw ApiException.badRequest("error.payment.callback");
    }
    String paymentId = said.path("paymentId").asText();
    FeePayment payment = payments.findByGatewayPaymentId(paymentId)
        .orElseThrow(() -> ApiException.notFound("error.payment.unknown", paymentId));
    if (said.path("amount").asLong() != payment.getAmount()) {
      throw ApiException.badRequest("error.payment.amount", said.path("amount").asLong(), payment.getAmount());
    }
    if (!"AUTHORIZED".equals(said.path("status").asText())) {
      return; // nothing paid yet (or a state the gateway reports later again)
    }
    Dossier dossier = dossiers.byId(payment.getDossierId());
    if (payment.authorized(dossier.awaitingFee(), clock.instant())) {
      runtime.createMessageCorrelation(PAID).processInstanceBusinessKey(dossier.getReceiptCode())
          .setVariable("paymentMethod", FeePayment.Method.ONLINE.name())
          .setVariable("paymentReference", paymentId)
          .setVariable("paymentId", paymentId)
          .correlate();
    }
  }

  /** The counter received the fee against a receipt; the dossier goes on. */
  @Transactional
  public void paidAtCounter(String receiptCode, String receiptNumber, Staff by) {
    Dossier dossier = awaitingFee(receiptCode);
    if (!by.inGroup(AgencyRole.COUNTER.groupOf(dossier.getReceivingAgency()))) {
      throw ApiException.forbidden("error.fee.counterOnly");
    }
    String receipt = receiptNumber == null ? "" : receiptNumber.strip();
    if (!receipt.matches("[\\p{Alnum}/.-]{1,40}")) {
      throw ApiException.badRequest("error.fee.receipt");
    }
    if (payments.existsByDossierIdAndReceiptNumber(dossier.getId(), receipt)) {
      throw ApiException.conflict("error.fee.receiptTwice", receipt);
    }
    payments.save(FeePayment.atCounter(dossier.getId(), dossier.getFeeAmount(), receipt, by.username(),
        clock.instant()));
    runtime.createMessageCorrelation(PAID).processInstanceBusinessKey(receiptCode)
        .setVariable("paymentMethod", FeePayment.Method.COUNTER.name())
        .setVariable("paymentReference", receipt)
        .correlate();
  }

  /** The model settled the fee: an online payment's money was taken. */
  @EventListener
  void settled(FeeSettled settled) {
    if (FeePayment.Method.ONLINE.name().equals(settled.method()) && settled.reference() != null) {
      payments.findByGatewayPaymentId(settled.reference()).ifPresent(p -> p.captured(settled.transactionId()));
    }
  }

  /** The dossier waits for its fee (again): a payment that was authorised but is not captured was declined. */
  @EventListener
  void changed(DossierChanged changed) {
    if (changed.dossier().awaitingFee()) {
      payments.findByDossierIdOrderByOpenedAtAscIdAsc(changed.dossier().getId())
          .forEach(FeePayment::declinedIfUncaptured);
    }
  }

  /** The dossier's payments, oldest first. */
  @Transactional(readOnly = true)
  public List<View> of(Dossier dossier) {
    return payments.findByDossierIdOrderByOpenedAtAscIdAsc(dossier.getId()).stream()
        .map(p -> new View(p.getMethod().name(), p.getStatus().name(), p.getAmount(),
            p.getMethod() == FeePayment.Method.COUNTER ? p.getReceiptNumber() : p.getGatewayPaymentId(),
            p.getTransactionId(), p.getOpenedAt(), p.getPaidAt()))
        .toList();
  }

  private Dossier awaitingFee(String receiptCode) {
    Dossier dossier = dossiers.find(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode));
    if (!dossier.awaitingFee()) {
      throw ApiException.conflict("error.fee.notAwaited", receiptCode);
    }
    return dossier;
  }
}

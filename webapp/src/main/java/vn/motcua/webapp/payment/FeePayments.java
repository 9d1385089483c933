package vn.motcua.webapp.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
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
import vn.motcua.workers.SimulatorSettings;
import vn.motcua.workers.SystemsSettings;

/**
 * The fee a dossier waits for (the fee-payment model), paid online or at the counter. Online, motcua opens a payment
 * at the gateway under a reference of its own, drawn at random, and sends the payer to the gateway's checkout page;
 * the gateway's callback says the payer paid, and the dossier goes on (its model has the capture-payment worker take
 * the money). A callback is believed only when it is signed with the shared secret (which a production start
 * requires: {@link CallbackSecret}), fresh (sent within {@link #FRESH}), never seen before (by the gateway's id for it),
 * about a payment motcua opened (its id and motcua's reference) for the amount owed — and when the gateway, asked
 * itself, confirms the payment. A callback for a payment not awaiting capture, or for a dossier that no longer
 * waits, changes nothing and charges nobody.
 */
@Service
public class FeePayments {

  private static final String PAID = "FeePaid";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How old a callback may be when it arrives (and how far ahead of this server's clock it may be dated). */
  static final Duration FRESH = Duration.ofMinutes(5);
  private static final Duration AHEAD = Duration.ofMinutes(1);
  private static final Pattern CALLBACK_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
  private static final Pattern STATUS = Pattern.compile("[A-Z_]{1,20}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One payment as the pages show it. */
  public record View(String method, String status, long amount, String reference, String transactionId,
                     Instant openedAt, Instant paidAt) {
  }

  private final FeePaymentRepository payments;
  private final DossierQueries dossiers;
  private final RuntimeService runtime;
  private final JsonApi gateway;
  private final String secret;
  private final JdbcTemplate database;
  private final Clock clock;

  FeePayments(FeePaymentRepository payments, DossierQueries dossiers, RuntimeService runtime,
      SystemsSettings settings, SimulatorSettings simulators, JdbcTemplate database, Clock clock) {
    this.payments = payments;
    this.dossiers = dossiers;
    this.runtime = runtime;
    this.gateway = new JsonApi(settings.paymentUrl(), settings.paymentApiKey(), settings.timeoutMillis());
    this.secret = CallbackSecret.require(settings.paymentCallbackSecret(), simulators.enabled());
    this.database = database;
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
    String reference = merchantReference();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("amount", dossier.getFeeAmount());
    request.put("reference", reference);
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
    payments.save(FeePayment.online(dossier.getId(), dossier.getFeeAmount(), reference, paymentId, checkoutUrl,
        by.username(), clock.instant()));
    return checkoutUrl;
  }

  /** 128 random bits, in letters and digits a person can read out: nobody guesses another payer's reference. */
  private static String merchantReference() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return "MC-" + new BigInteger(1, bits).toString(36).toUpperCase(Locale.ROOT);
  }

  /**
   * The gateway says a payer paid. Believed only signed with the shared secret over the exact body, fresh, never
   * received before, about a payment motcua opened, for the amount owed, and confirmed by the gateway itself; handled
   * once per payment (a payment no longer pending changes nothing).
   */
  @Transactional
  public void callback(byte[] body, String signature) {
    if (!CallbackSignature.matches(secret, body, signature)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "error.payment.signature");
    }
    Callback said = Callback.read(body);
    // a message's age is wall-clock time, whatever the legal clock says
    Instant now = Instant.now();
    if (said.sentAt().isBefore(now.minus(FRESH)) || said.sentAt().isAfter(now.plus(AHEAD))) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "error.payment.stale", said.sentAt());
    }
    FeePayment payment = payments.findByGatewayPaymentId(said.paymentId())
        .filter(p -> said.reference().equals(p.getMerchantReference() != null ? p.getMerchantReference()
            : dossiers.byId(p.getDossierId()).getReceiptCode()))
        .orElseThrow(() -> ApiException.notFound("error.payment.unknown", said.paymentId()));
    if (said.amount() != payment.getAmount()) {
      throw ApiException.badRequest("error.payment.amount", said.amount(), payment.getAmount());
    }
    try {
      database.update("insert into payment_callback (callback_id, payment_id, status, sent_at, received_at)"
          + " values (?, ?, ?, ?, ?)", said.callbackId(), said.paymentId(), said.status(),
          Timestamp.from(said.sentAt()), Timestamp.from(now));
    } catch (DuplicateKeyException replayed) {
      throw ApiException.conflict("error.payment.replayed", said.callbackId());
    }
    if (!"AUTHORIZED".equals(said.status()) || payment.getStatus() != FeePayment.Status.PENDING) {
      return; // nothing paid yet, or nothing awaited any more: recorded, changes nothing
    }
    confirmAtGateway(payment);
    Dossier dossier = dossiers.byId(payment.getDossierId());
    if (payment.authorized(dossier.awaitingFee(), clock.instant())) {
      runtime.createMessageCorrelation(PAID).processInstanceBusinessKey(dossier.getReceiptCode())
          .setVariable("paymentMethod", FeePayment.Method.ONLINE.name())
          .setVariable("paymentReference", said.paymentId())
          .setVariable("paymentId", said.paymentId())
          .correlate();
    }
  }

  /** The gateway itself must say the payment was paid, for the amount owed: a callback alone moves no dossier. */
  private void confirmAtGateway(FeePayment payment) {
    Map<String, Object> state;
    try {
      state = gateway.get("/payments/" + payment.getGatewayPaymentId());
    } catch (JsonApi.Refused | IOException unavailable) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "error.payment.confirm", payment.getGatewayPaymentId(),
          unavailable.getMessage());
    }
    boolean paid = List.of("AUTHORIZED", "CAPTURED").contains(String.valueOf(state.get("status")))
        && state.get("amount") instanceof Number amount && amount.longValue() == payment.getAmount();
    if (!paid) {
      throw ApiException.conflict("error.payment.unconfirmed", payment.getGatewayPaymentId());
    }
  }

  /** What a callback says: the gateway's payment and its id for this callback, motcua's reference, when it was sent. */
  private record Callback(String paymentId, String reference, long amount, String status, String callbackId,
                          Instant sentAt) {

    static Callback read(byte[] body) {
      try {
        JsonNode said = JSON.readTree(body);
        if (said != null && said.path("paymentId").isTextual() && said.path("reference").isTextual()
            && said.path("amount").canConvertToLong() && STATUS.matcher(said.path("status").asText()).matches()
            && CALLBACK_ID.matcher(said.path("callbackId").asText()).matches() && said.path("sentAt").isTextual()) {
          return new Callback(said.path("paymentId").asText(), said.path("reference").asText(),
              said.path("amount").asLong(), said.path("status").asText(), said.path("callbackId").asText(),
              Instant.parse(said.path("sentAt").asText()));
        }
      } catch (IOException | java.time.format.DateTimeParseException unreadable) {
        // refused below
      }
      throw ApiException.badRequest("error.payment.callback");
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

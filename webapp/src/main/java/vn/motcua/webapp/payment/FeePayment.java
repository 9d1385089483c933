package vn.motcua.webapp.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One payment of a dossier's fee: online through the gateway, or at the counter against a receipt. */
@Entity
@Table(name = "fee_payment")
class FeePayment {

  enum Method { ONLINE, COUNTER }

  enum Status {
    /** Opened at the gateway; the payer has not paid yet. */
    PENDING,
    /** The gateway's signed callback says the payer paid; the money is taken when the dossier's model captures it. */
    AUTHORIZED,
    /** The money was taken (online). */
    CAPTURED,
    /** The gateway refused to take the money; the dossier waits for another payment. */
    DECLINED,
    /** Received at the counter. */
    PAID,
    /** Paid when the dossier no longer waited for it: never captured, so the payer is not charged. */
    VOIDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long dossierId;
  @Enumerated(EnumType.STRING)
  private Method method;
  @Enumerated(EnumType.STRING)
  private Status status;
  private long amount;
  private String gatewayPaymentId;
  /** motcua's own reference of an online payment, unguessable, which the gateway's callbacks must repeat. */
  private String merchantReference;
  private String checkoutUrl;
  private String receiptNumber;
  private String transactionId;
  private String openedBy;
  private Instant openedAt;
  private Instant paidAt;
  @Version
  private long version;

  protected FeePayment() {
  }

  static FeePayment online(Long dossierId, long amount, String merchantReference, String gatewayPaymentId,
      String checkoutUrl, String by, Instant at) {
    FeePayment payment = new FeePayment(dossierId, Method.ONLINE, Status.PENDING, amount, by, at);
    payment.merchantReference = merchantReference;
    payment.gatewayPaymentId = gatewayPaymentId;
    payment.checkoutUrl = checkoutUrl;
    return payment;
  }

  static FeePayment atCounter(Long dossierId, long amount, String receiptNumber, String by, Instant at) {
    FeePayment payment = new FeePayment(dossierId, Method.COUNTER, Status.PAID, amount, by, at);
    payment.receiptNumber = receiptNumber;
    payment.paidAt = at;
    return payment;
  }

  private FeePayment(Long dossierId, Method method, Status status, long amount, String by, Instant at) {
    this.dossierId = dossierId;
    this.method = method;
    this.status = status;
    this.amount = amount;
    this.openedBy = by;
    this.openedAt = at;
  }

  /** The payer paid at the gateway: true the first time, false for a repeated callback. */
  boolean authorized(boolean stillAwaited, Instant at) {
    if (status != Status.PENDING) {
      return false;
    }
    status = stillAwaited ? Status.AUTHORIZED : Status.VOIDED;
    paidAt = at;
    return stillAwaited;
  }

  /** The dossier waits for its fee again: a payment authorised but not captured was declined at the gateway. */
  void declinedIfUncaptured() {
    if (status == Status.AUTHORIZED) {
      status = Status.DECLINED;
    }
  }

  void captured(String transaction) {
    if (status == Status.AUTHORIZED) {
      status = Status.CAPTURED;
      transactionId = transaction;
    }
  }

  Long getDossierId() {
    return dossierId;
  }

  Method getMethod() {
    return method;
  }

  Status getStatus() {
    return status;
  }

  long getAmount() {
    return amount;
  }

  String getGatewayPaymentId() {
    return gatewayPaymentId;
  }

  String getMerchantReference() {
    return merchantReference;
  }

  String getCheckoutUrl() {
    return checkoutUrl;
  }

  String getReceiptNumber() {
    return receiptNumber;
  }

  String getTransactionId() {
    return transactionId;
  }

  Instant getOpenedAt() {
    return openedAt;
  }

  Instant getPaidAt() {
    return paidAt;
  }
}

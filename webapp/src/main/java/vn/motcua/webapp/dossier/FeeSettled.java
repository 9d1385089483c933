package vn.motcua.webapp.dossier;

/**
 * The procedure's fee is settled: paid at the counter against a receipt, or paid online and captured at the gateway
 * ({@code transactionId}).
 */
public record FeeSettled(Long dossierId, String method, String reference, String transactionId) {
}

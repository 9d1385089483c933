package vn.motcua.workers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How another system signs what it calls motcua back with (the payment gateway's callbacks): the hex HMAC-SHA256 of
 * the exact body under the secret both share, sent in the {@code X-Signature} header.
 */
public final class CallbackSignature {

  public static final String HEADER = "X-Signature";

  private CallbackSignature() {
  }

  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the signature is the body's under the secret, compared in constant time. */
  public static boolean matches(String secret, byte[] body, String signature) {
    return signature != null && MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
        signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}

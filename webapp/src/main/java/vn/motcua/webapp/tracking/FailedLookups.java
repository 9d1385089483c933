package vn.motcua.webapp.tracking;

import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.system.FailedAttempts;

/**
 * Failed lookups by receipt code: {@value #LIMIT} from one address, or for one receipt code, within
 * {@value #WINDOW_MINUTES} minutes block that address or code — so the four digits of one dossier cannot be guessed
 * from many addresses either.
 */
@Component
class FailedLookups extends FailedAttempts {

  static final int LIMIT = 10;
  static final int WINDOW_MINUTES = 15;

  FailedLookups() {
    super(LIMIT, Duration.ofMinutes(WINDOW_MINUTES));
  }

  /** What a lookup is counted against: the client's address and the receipt code it tried. */
  static String[] keys(String address, String receiptCode) {
    return new String[] {"address " + address, receiptCode == null || receiptCode.isBlank() ? null
        : "receipt " + receiptCode.strip().toUpperCase(java.util.Locale.ROOT)};
  }
}

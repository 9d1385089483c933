package vn.motcua.webapp.document;

import java.text.Normalizer;
import java.util.Arrays;

/** Recognises the accepted file types by their first bytes and makes file names safe to store and serve. */
final class FileTypes {

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final int MAX_NAME = 150;

  private FileTypes() {
  }

  /** application/pdf, image/png or image/jpeg, or null for anything else. */
  static String detect(byte[] content) {
    if (startsWith(content, PDF)) {
      return "application/pdf";
    }
    if (startsWith(content, PNG)) {
      return "image/png";
    }
    if (startsWith(content, JPEG)) {
      return "image/jpeg";
    }
    return null;
  }

  /**
   * Whether a file name is one a person's computer gives: no folders ({@code /}, {@code \}, {@code ..}), no control
   * characters, none of the characters file systems reserve ({@code <>:"|?*}). Browsers send names like that; other
   * names come from someone probing, and are refused rather than repaired.
   */
  static boolean acceptableName(String name) {
    return name == null || !(name.contains("/") || name.contains("\\") || name.contains("..")
        || name.codePoints().anyMatch(c -> Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0));
  }

  /** The last path segment, without control or reserved characters, with the extension of the real type. */
  static String cleanName(String original, String contentType) {
    String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "").replaceAll("\\s+", " ").trim();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    String extension = switch (contentType) {
      case "application/pdf" -> ".pdf";
      case "image/png" -> ".png";
      default -> ".jpg";
    };
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    if (base.isBlank()) {
      base = "tep-dinh-kem";
    }
    if (base.length() > MAX_NAME) {
      base = base.substring(0, MAX_NAME);
    }
    return base + extension;
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }
}

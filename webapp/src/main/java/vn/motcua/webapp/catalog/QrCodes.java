package vn.motcua.webapp.catalog;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * QR codes as vectors (SVG for pages, modules for PDFs): sharp at any size, on screen and on paper, and no image
 * library at run time.
 */
public final class QrCodes {

  private QrCodes() {
  }

  /** The modules of the QR code of {@code text}, with a quiet zone of four modules. */
  public static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
              EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode " + text + " as a QR code", e);
    }
  }

  /** An SVG of the QR code of {@code text}, with a quiet zone, each module one unit of the view box. */
  static String svg(String text, String title) {
    BitMatrix matrix = matrix(text);
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
        + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escape(title) + "\"><title>"
        + escape(title) + "</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path + "\"/></svg>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

package vn.motcua.webapp.report;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of motcua's PDFs: Liberation Serif (metrically the Times New Roman of official documents), embedded as
 * Unicode (Identity-H) subsets, so every Vietnamese letter with its diacritics prints and copies as text.
 */
public final class PdfFonts {

  private static final BaseFont REGULAR = load("liberation/LiberationSerif-Regular.ttf");
  private static final BaseFont BOLD = load("liberation/LiberationSerif-Bold.ttf");
  private static final BaseFont ITALIC = load("liberation/LiberationSerif-Italic.ttf");

  private PdfFonts() {
  }

  public static Font regular(float size) {
    return new Font(REGULAR, size);
  }

  public static Font bold(float size) {
    return new Font(BOLD, size);
  }

  public static Font italic(float size) {
    return new Font(ITALIC, size);
  }

  /** Whether the regular font has a glyph for every character of the text. */
  public static boolean canShow(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || REGULAR.charExists(c));
  }

  private static BaseFont load(String resource) {
    try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font " + resource + " is not on the classpath (openpdf-fonts-extra)");
      }
      BaseFont font = BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
          BaseFont.EMBEDDED, true, in.readAllBytes(), null);
      // each PDF embeds the subsets of the three fonts, compressed anew: at the default level that was two thirds of
      // a letter's typesetting; the fastest level is a quarter quicker for a file about 5% larger
      font.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
      return font;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

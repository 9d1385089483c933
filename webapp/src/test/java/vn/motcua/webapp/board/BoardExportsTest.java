package vn.motcua.webapp.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * The board's spreadsheets open as data (finding 5 of the integrity probe, docs/security.md): text someone typed that
 * a spreadsheet would run as a formula — beginning with =, +, -, @, a tab or a carriage return — is written inert, in
 * CSV and XLSX alike; numbers stay numbers.
 */
class BoardExportsTest {

  private static final String[] TYPED = {"=HYPERLINK(\"http://evil.example\",\"Xem\")", "+84912345678",
      "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd"};

  private final BoardExports exports = new BoardExports(new StaticMessageSource() {
    {
      setUseCodeAsDefaultMessage(true);
    }
  });

  private static BoardRow row(String typed) {
    return new BoardRow("X06148-261207-0001", "1.001193", "Đăng ký khai sinh", typed, "06148", "OVERDUE", typed,
        "APPRAISE", typed, "X06148", "UBND xã Thụy Hùng", typed, null, null, null, null, new BigDecimal("-1.50"), 0,
        null, null);
  }

  /** The overdue list with a row for each typed text. */
  private byte[] export(BoardExports.Format format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.list(BoardList.OVERDUE, format, Locale.ENGLISH, rows -> {
      for (String typed : TYPED) {
        rows.accept(row(typed));
      }
    }, out);
    return out.toByteArray();
  }

  @Test
  void shouldWriteTypedFormulasAsTextWhenExportingAListAsCsv() throws Exception {
    // when
    byte[] csv = export(BoardExports.Format.CSV);

    // then: every typed cell starts with an apostrophe; the remaining days stay a number
    List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))
        .getRecords();
    for (int i = 1; i <= TYPED.length; i++) {
      assertThat(records.get(i).get(2)).isEqualTo("'" + TYPED[i - 1]);
      assertThat(records.get(i).get(4)).isEqualTo("'" + TYPED[i - 1]);
      assertThat(records.get(i).get(10)).isEqualTo("-1.50");
    }
  }

  @Test
  void shouldWriteTypedFormulasAsTextWhenExportingAListAsXlsx() throws Exception {
    // when
    byte[] xlsx = export(BoardExports.Format.XLSX);

    // then: text cells, never formulas; the remaining days a number
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (int i = 1; i <= TYPED.length; i++) {
        Row row = workbook.getSheetAt(0).getRow(i);
        assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
        assertThat(row.getCell(2).getStringCellValue()).isEqualTo("'" + TYPED[i - 1]);
        assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(-1.5);
      }
    }
  }
}

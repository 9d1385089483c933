package vn.motcua.webapp.board;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.report.PdfFonts;

/**
 * The board's exports: every live list and the KPI report as CSV (UTF-8, for spreadsheets) and XLSX, and the
 * periodic report as a PDF. Lists are streamed from the database row by row; headings are in the reader's language.
 */
@Component
public class BoardExports {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final MessageSource messages;

  BoardExports(MessageSource messages) {
    this.messages = messages;
  }

  /** Which kind of file. */
  public enum Format { CSV, XLSX }

  /** A table written cell by cell into a CSV or a spreadsheet. */
  private interface Table extends AutoCloseable {
    void row(List<Object> cells);

    @Override
    void close();
  }

  // ------------------------------------------------------------------------------------------------ lists

  public void list(BoardList list, Format format, Locale locale, Consumer<Consumer<BoardRow>> rows,
      OutputStream out) {
    try (Table table = table(format, text("board.list." + list.slug(), locale), out)) {
      table.row(headings(locale, "receiptCode", "procedure", "applicant", "unit", "status", "step", "agency",
          "officer", "received", "deadline", "remaining", "escalation"));
      rows.accept(r -> table.row(java.util.Arrays.asList(r.receiptCode(), r.procedureName(), r.applicantName(),
          r.unitCode(), r.statusLabel(), r.step(), r.agencyName(), r.officer(), when(r.receivedAt()),
          when(r.deadline()), r.remainingWorkingDays(), r.escalationLevel() == 0 ? null : r.escalatedTo())));
    }
  }

  // ------------------------------------------------------------------------------------------------ KPI report

  public void kpis(BoardService.Overview overview, Format format, Locale locale, OutputStream out) {
    try (Table table = table(format, text("board.report.kpis", locale), out)) {
      table.row(headings(locale, "unit", "received", "finished", "early", "onTime", "late", "onTimeShare",
          "inProgress", "overdue", "onlineShare", "onlinePaymentShare", "digitizedShare", "satisfaction",
          "index"));
      table.row(kpiRow(overview.scope().everywhere() ? text("board.everywhere", locale) : overview.scope().name(),
          overview.kpis(), overview.index().total()));
      for (BoardService.UnitFigures unit : overview.units()) {
        Double index = overview.ranking().stream().filter(r -> r.result().unitCode().equals(unit.code()))
            .map(r -> r.result().total()).findFirst().orElse(null);
        table.row(kpiRow(unit.name(), unit.kpis(), index));
      }
    }
  }

  private static List<Object> kpiRow(String unit, Kpis k, Double index) {
    return java.util.Arrays.asList(unit, k.received(), k.finished(), k.early(), k.onTime(), k.late(),
        k.onTimeShare(), k.inProgress(), k.overdue(), k.onlineShare(), k.onlinePaymentShare(), k.digitizedShare(),
        k.satisfaction(), index);
  }

  private List<Object> headings(Locale locale, String... keys) {
    List<Object> cells = new ArrayList<>();
    for (String key : keys) {
      cells.add(text("board.column." + key, locale));
    }
    return cells;
  }

  private Table table(Format format, String sheetName, OutputStream out) {
    return format == Format.CSV ? csv(out) : xlsx(sheetName, out);
  }

  private static Table csv(OutputStream out) {
    try {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write('\ufeff'); // spreadsheets then read the Vietnamese letters as UTF-8
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
      return new Table() {
        @Override
        public void row(List<Object> cells) {
          try {
            printer.printRecord(cells.stream().map(BoardExports::inert).toList());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public void close() {
          try {
            printer.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Table xlsx(String sheetName, OutputStream out) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    Sheet sheet = workbook.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", " "));
    CellStyle header = workbook.createCellStyle();
    Font bold = workbook.createFont();
    bold.setBold(true);
    header.setFont(bold);
    CellStyle percent = workbook.createCellStyle();
    percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
    return new Table() {
      private int next;

      @Override
      public void row(List<Object> cells) {
        Row row = sheet.createRow(next);
        for (int i = 0; i < cells.size(); i++) {
          Object value = cells.get(i);
          var cell = row.createCell(i);
          if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            if (value instanceof Double share && share <= 1 && next > 0 && isShare(sheet, i)) {
              cell.setCellStyle(percent);
            }
          } else if (value != null) {
            cell.setCellValue(inert(value).toString());
          }
          if (next == 0) {
            cell.setCellStyle(header);
          }
        }
        next++;
      }

      @Override
      public void close() {
        try (workbook) {
          workbook.write(out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          workbook.dispose();
        }
      }
    };
  }

  /**
   * A cell a spreadsheet reads as data, never as a formula: text beginning with {@code = + - @}, a tab or a carriage
   * return (a name or note someone typed, such as {@code =HYPERLINK(...)}) is prefixed with an apostrophe. Numbers stay
   * numbers.
   */
  static Object inert(Object value) {
    if (value == null || value instanceof Number) {
      return value;
    }
    String text = value.toString();
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  /** Whether a column's heading says it holds a share (its heading ends in %). */
  private static boolean isShare(Sheet sheet, int column) {
    Row header = sheet.getRow(0);
    return header != null && header.getCell(column) != null
        && header.getCell(column).getStringCellValue().endsWith("%");
  }

  // ------------------------------------------------------------------------------------------------ PDF report

  /** The periodic report: KPIs, each unit's figures, delay attribution, the service index and the ranking. */
  public void report(BoardService.Overview o, Locale locale, String preparedBy, OffsetDateTime preparedAt,
      OutputStream out) {
    Document pdf = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    PdfWriter.getInstance(pdf, out).setCloseStream(false);
    pdf.addTitle(text("board.report.title", locale));
    pdf.addCreator("motcua");
    pdf.open();
    String unit = o.scope().everywhere() ? text("board.everywhere", locale) : o.scope().name();
    centered(pdf, text("board.report.title", locale), PdfFonts.bold(15));
    centered(pdf, text("board.report.subtitle", locale, unit, period(o.period(), locale)), PdfFonts.regular(12));
    centered(pdf, text("board.report.prepared", locale, preparedBy, WHEN.format(preparedAt)), PdfFonts.italic(10));

    heading(pdf, text("board.report.section.kpis", locale));
    Kpis k = o.kpis();
    PdfPTable kpis = table(new float[] {3, 1.2f, 3, 1.2f});
    pair(kpis, text("board.column.received", locale), number(k.received(), locale),
        text("board.column.finished", locale), number(k.finished(), locale));
    pair(kpis, text("board.column.early", locale), number(k.early(), locale),
        text("board.column.onTime", locale), number(k.onTime(), locale));
    pair(kpis, text("board.column.late", locale), number(k.late(), locale),
        text("board.column.onTimeShare", locale), share(k.onTimeShare(), locale));
    pair(kpis, text("board.column.inProgress", locale), number(k.inProgress(), locale),
        text("board.column.overdue", locale), k.overdue() == null ? "—" : number(k.overdue(), locale));
    pair(kpis, text("board.column.onlineShare", locale), share(k.onlineShare(), locale),
        text("board.column.onlinePaymentShare", locale), share(k.onlinePaymentShare(), locale));
    pair(kpis, text("board.column.digitizedShare", locale), share(k.digitizedShare(), locale),
        text("board.column.satisfaction", locale), share(k.satisfaction(), locale));
    pdf.add(kpis);

    heading(pdf, text("board.report.section.units", locale));
    PdfPTable units = table(new float[] {3, 1, 1, 1, 1, 1, 1.2f, 1, 1, 1.2f});
    header(units, locale, "unit", "received", "finished", "early", "onTime", "late", "onTimeShare", "inProgress",
        "overdue", "onlineShare");
    for (BoardService.UnitFigures u : o.units()) {
      Kpis f = u.kpis();
      cells(units, u.name(), number(f.received(), locale), number(f.finished(), locale), number(f.early(), locale),
          number(f.onTime(), locale), number(f.late(), locale), share(f.onTimeShare(), locale),
          number(f.inProgress(), locale), f.overdue() == null ? "—" : number(f.overdue(), locale),
          share(f.onlineShare(), locale));
    }
    pdf.add(units);

    heading(pdf, text("board.report.section.delays", locale));
    if (o.delays().isEmpty()) {
      pdf.add(new Paragraph(text("board.delays.none", locale), PdfFonts.italic(10)));
    } else {
      PdfPTable delays = table(new float[] {2, 4, 1, 1.3f, 4});
      header(delays, locale, "stage", "agency", "dossiers", "daysLate", "causes");
      for (BoardQueries.Delay d : o.delays()) {
        cells(delays, stage(d.stage(), locale), d.agencyName() == null ? "—" : d.agencyName(),
            number(d.dossiers(), locale), decimal(d.averageDaysLate(), locale), causes(d, locale));
      }
      pdf.add(delays);
    }

    heading(pdf, text("board.report.section.index", locale));
    PdfPTable index = table(new float[] {1, 4, 1, 1, 1, 1, 1, 1, 1.2f});
    cells(index, text("board.column.rank", locale), text("board.column.unit", locale), "1", "2", "3", "4", "5", "6",
        text("board.column.index", locale));
    indexRow(index, "", o.index(), locale, true);
    BoardService.Part shown = null;
    for (BoardService.Ranked r : o.ranking()) {
      if (r.part() != shown) {
        // each part of the ranking under the structure of its time, named
        PdfPCell part = new PdfPCell(new Phrase(text("board.part." + r.part(), locale), PdfFonts.bold(9.5f)));
        part.setColspan(9);
        index.addCell(part);
        shown = r.part();
      }
      indexRow(index, String.valueOf(r.rank()), r.result(), locale, false);
    }
    pdf.add(index);
    Paragraph groups = new Paragraph(text("board.index.groups", locale), PdfFonts.italic(9));
    groups.setSpacingBefore(4);
    pdf.add(groups);
    pdf.close();
  }

  private void indexRow(PdfPTable table, String rank, ServiceIndex.Result result, Locale locale, boolean own) {
    List<String> cells = new ArrayList<>();
    cells.add(rank);
    cells.add(result.unitName() == null ? text("board.everywhere", locale) : result.unitName());
    for (int group = 1; group <= 6; group++) {
      cells.add(decimal(result.groups().getOrDefault(group, 0.0), locale));
    }
    cells.add(decimal(result.total(), locale));
    for (String cell : cells) {
      PdfPCell c = new PdfPCell(new Phrase(cell, own ? PdfFonts.bold(9.5f) : PdfFonts.regular(9.5f)));
      table.addCell(c);
    }
  }

  private String causes(BoardQueries.Delay d, Locale locale) {
    List<String> parts = new ArrayList<>();
    d.causes().forEach((cause, n) -> parts.add(text("board.cause." + cause, locale) + " (" + n + ")"));
    return String.join("; ", parts);
  }

  String stage(String stage, Locale locale) {
    return stage == null ? "—" : messages.getMessage("stage." + stage, null, stage, locale);
  }

  private static void centered(Document pdf, String text, com.lowagie.text.Font font) {
    Paragraph p = new Paragraph(text, font);
    p.setAlignment(Element.ALIGN_CENTER);
    pdf.add(p);
  }

  private static void heading(Document pdf, String text) {
    Paragraph p = new Paragraph(text, PdfFonts.bold(12));
    p.setSpacingBefore(12);
    p.setSpacingAfter(6);
    pdf.add(p);
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    return table;
  }

  private void header(PdfPTable table, Locale locale, String... keys) {
    for (String key : keys) {
      PdfPCell cell = new PdfPCell(new Phrase(text("board.column." + key, locale), PdfFonts.bold(9.5f)));
      cell.setGrayFill(0.92f);
      table.addCell(cell);
    }
  }

  private static void cells(PdfPTable table, String... values) {
    for (String value : values) {
      table.addCell(new Phrase(value, PdfFonts.regular(9.5f)));
    }
  }

  private static void pair(PdfPTable table, String label, String value, String label2, String value2) {
    table.addCell(new Phrase(label, PdfFonts.regular(10)));
    table.addCell(new Phrase(value, PdfFonts.bold(10)));
    table.addCell(new Phrase(label2, PdfFonts.regular(10)));
    table.addCell(new Phrase(value2, PdfFonts.bold(10)));
  }

  // ------------------------------------------------------------------------------------------------ formats

  String period(Period period, Locale locale) {
    return switch (period.kind()) {
      case MONTH -> text("board.period.month", locale, period.start().getMonthValue(), String.valueOf(
          period.start().getYear()));
      case QUARTER -> text("board.period.quarter", locale, (period.start().getMonthValue() - 1) / 3 + 1,
          String.valueOf(period.start().getYear()));
      case YEAR -> text("board.period.year", locale, String.valueOf(period.start().getYear()));
    };
  }

  static String share(Double share, Locale locale) {
    if (share == null) {
      return "—";
    }
    NumberFormat format = NumberFormat.getPercentInstance(locale);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(share);
  }

  static String number(long value, Locale locale) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }

  static String decimal(double value, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(value);
  }

  private static String when(OffsetDateTime time) {
    return time == null ? null : WHEN.format(time);
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}

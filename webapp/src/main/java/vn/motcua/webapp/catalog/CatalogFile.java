package vn.motcua.webapp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A province's catalogue file (docs/catalogue-format.md) read whole: its procedures with their documents, or every
 * problem, each with its file, row and column — nothing is taken from a file with a problem. The same content comes
 * as CSV ({@code procedures.csv} and {@code documents.csv}), XLSX (sheets {@code procedures} and {@code documents})
 * or JSON ({@code procedures[]} with their {@code documents[]}).
 */
public final class CatalogFile {

  /** The columns of the procedures table, in the format's order. */
  public static final List<String> PROCEDURE_COLUMNS = List.of("code", "name", "nameEn", "level", "sector", "sectorEn",
      "template", "handledBy", "receivedBy", "agencyName", "onlineServiceLevel", "onlineDays", "counterDays",
      "postalDays", "onlineFee", "counterFee", "postalFee", "feeBasis", "result", "legalBasis", "conditions",
      "targetGroup", "announcedBy", "confirmed", "source");
  /** The columns of the documents table, in the format's order. */
  public static final List<String> DOCUMENT_COLUMNS = List.of("procedureCode", "documentCode", "name", "nameEn",
      "form", "count", "when", "resultOf");
  /** The templates a procedure may run on. */
  public static final Set<String> TEMPLATES = Set.of("singleAgency", "transfer", "stages", "information");
  /** The channels, as the columns name them. */
  public static final List<String> CHANNELS = List.of("online", "counter", "postal");

  private static final List<String> REQUIRED_PROCEDURE = List.of("code", "name", "level", "sector", "template",
      "agencyName", "onlineServiceLevel", "result");
  private static final List<String> REQUIRED_DOCUMENT = List.of("documentCode", "name", "form");
  private static final Pattern CODE = Pattern.compile("\\d\\.\\d{6}");
  private static final Pattern UPPER_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,59}");
  /** A circumstance a component is required in, or (with a leading "!") unless. */
  private static final Pattern CIRCUMSTANCE = Pattern.compile("!?[A-Z][A-Z0-9_]{1,59}");
  private static final Pattern AGENCY = Pattern.compile("[A-Z][A-Z0-9-]*(\\{commune}|\\{province})?");

  /** A component of a procedure's dossier. */
  public record Document(String code, String name, String nameEn, String form, int count, String when,
                         String resultOf) {
  }

  /** A procedure as the file gives it: per channel, the working days and the fee of the channels it offers. */
  public record Entry(String code, String name, String nameEn, String level, String sector, String sectorEn,
                      String template, String handledBy, String receivedBy, String agencyName,
                      String onlineServiceLevel, Map<String, BigDecimal> days, Map<String, Long> fees,
                      String feeBasis, String result, String legalBasis, String conditions, String targetGroup,
                      String announcedBy, boolean confirmed, String source, List<Document> documents) {
  }

  /** What is wrong, where: the file, the row (1 = the header; in JSON the procedure's place, from 1) and the column. */
  public record Problem(String file, int row, String column, String message) {
  }

  /** The procedures of a file without problems; or the problems, and no procedure. */
  public record Read(List<Entry> entries, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** One row of a table, its cells by column, and where it stands. */
  private record Line(String file, int row, Map<String, String> cells) {
    String get(String column) {
      String value = cells.get(column);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  /** A table as read: its columns and rows. */
  private record Table(String file, List<String> columns, List<Line> lines) {
  }

  private final List<Problem> problems = new ArrayList<>();
  private final Predicate<String> knownAgency;

  private CatalogFile(Predicate<String> knownAgency) {
    this.knownAgency = knownAgency;
  }

  /**
   * Reads the files of one catalogue: {@code procedures.csv} with {@code documents.csv}, one {@code .xlsx}, or one
   * {@code .json}. {@code knownAgency} answers whether an agency pattern ({@code SXD{province}}) names an agency in
   * force.
   */
  public static Read read(Map<String, byte[]> files, Predicate<String> knownAgency) {
    CatalogFile reader = new CatalogFile(knownAgency);
    List<Table> tables = reader.tables(files);
    if (tables.size() != 2 || !reader.problems.isEmpty()) {
      return new Read(List.of(), List.copyOf(reader.problems));
    }
    List<Entry> entries = reader.entries(tables.get(0), tables.get(1));
    return reader.problems.isEmpty() ? new Read(entries, List.of()) : new Read(List.of(), List.copyOf(reader.problems));
  }

  // ------------------------------------------------------------------------------------------------ formats

  private List<Table> tables(Map<String, byte[]> files) {
    Map<String, byte[]> byName = new LinkedHashMap<>();
    files.forEach((name, content) -> byName.put(name.toLowerCase(java.util.Locale.ROOT), content));
    if (byName.size() == 1 && byName.keySet().iterator().next().endsWith(".json")) {
      return json(files.keySet().iterator().next(), byName.values().iterator().next());
    }
    if (byName.size() == 1 && byName.keySet().iterator().next().endsWith(".xlsx")) {
      return xlsx(files.keySet().iterator().next(), byName.values().iterator().next());
    }
    if (byName.containsKey("procedures.csv") && byName.containsKey("documents.csv") && byName.size() == 2) {
      Table procedures = csv("procedures.csv", byName.get("procedures.csv"), PROCEDURE_COLUMNS);
      Table documents = csv("documents.csv", byName.get("documents.csv"), DOCUMENT_COLUMNS);
      return procedures == null || documents == null ? List.of() : List.of(procedures, documents);
    }
    problem(String.join(", ", files.keySet()), 0, "", "Tệp danh mục là procedures.csv cùng documents.csv, một tệp .xlsx"
        + " hoặc một tệp .json. / A catalogue is procedures.csv with documents.csv, one .xlsx file or one .json file.");
    return List.of();
  }

  private Table csv(String file, byte[] content, List<String> expected) {
    String text = utf8(file, content);
    if (text == null) {
      return null;
    }
    try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
      List<String> columns = parser.getHeaderNames().stream().map(String::strip).toList();
      List<Line> lines = new ArrayList<>();
      for (CSVRecord record : parser) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < columns.size() && i < record.size(); i++) {
          cells.put(columns.get(i), record.get(i));
        }
        if (record.size() != columns.size()) {
          problem(file, (int) record.getRecordNumber() + 1, "", "Dòng có " + record.size() + " ô, tiêu đề có "
              + columns.size() + " cột. / The row has " + record.size() + " cells, the header " + columns.size()
              + " columns.");
        }
        lines.add(new Line(file, (int) record.getRecordNumber() + 1, cells));
      }
      return checkedColumns(new Table(file, columns, lines), expected);
    } catch (IOException | RuntimeException unreadable) {
      problem(file, 0, "", "Không đọc được tệp CSV: " + unreadable.getMessage() + " / The CSV file cannot be read.");
      return null;
    }
  }

  /** The text of a file, or none (and a problem at the line of the first broken byte) when it is not UTF-8. */
  private String utf8(String file, byte[] content) {
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += content[i] == '\n' ? 1 : 0;
      }
      problem(file, line, "", "Tệp không mã hóa UTF-8 (lưu lại với bảng mã UTF-8). / The file is not UTF-8 encoded"
          + " (save it as UTF-8).");
      return null;
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private Table checkedColumns(Table table, List<String> expected) {
    // a table's own columns (in CSV and XLSX, the documents name their procedure)
    List<String> required = new ArrayList<>(expected == PROCEDURE_COLUMNS ? REQUIRED_PROCEDURE : REQUIRED_DOCUMENT);
    if (expected == DOCUMENT_COLUMNS) {
      required.add(0, "procedureCode");
    }
    for (String column : required) {
      if (!table.columns().contains(column)) {
        problem(table.file(), 1, column, "Thiếu cột \"" + column + "\". / The column \"" + column + "\" is missing.");
      }
    }
    for (String column : table.columns()) {
      if (!expected.contains(column)) {
        problem(table.file(), 1, column, "Cột \"" + column + "\" không có trong định dạng danh mục. / The column \""
            + column + "\" is not in the catalogue format.");
      }
    }
    return table;
  }

  private List<Table> xlsx(String file, byte[] content) {
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      List<Table> tables = new ArrayList<>();
      for (String name : List.of("procedures", "documents")) {
        Sheet sheet = book.getSheet(name);
        if (sheet == null) {
          problem(file, 0, "", "Thiếu trang tính \"" + name + "\". / The sheet \"" + name + "\" is missing.");
          continue;
        }
        tables.add(sheet(file + " › " + name, sheet, name.equals("procedures") ? PROCEDURE_COLUMNS
            : DOCUMENT_COLUMNS));
      }
      return tables;
    } catch (IOException | RuntimeException unreadable) {
      problem(file, 0, "", "Không đọc được tệp XLSX. / The XLSX file cannot be read.");
      return List.of();
    }
  }

  private Table sheet(String file, Sheet sheet, List<String> expected) {
    DataFormatter text = new DataFormatter(java.util.Locale.ROOT);
    Iterator<Row> rows = sheet.rowIterator();
    List<String> columns = new ArrayList<>();
    if (rows.hasNext()) {
      rows.next().forEach(cell -> columns.add(text.formatCellValue(cell).strip()));
    }
    List<Line> lines = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      Map<String, String> cells = new HashMap<>();
      boolean empty = true;
      for (int i = 0; i < columns.size(); i++) {
        Cell cell = row.getCell(i);
        String value = cell == null ? "" : text.formatCellValue(cell);
        empty &= value.isBlank();
        cells.put(columns.get(i), value);
      }
      if (!empty) {
        lines.add(new Line(file, row.getRowNum() + 1, cells));
      }
    }
    return checkedColumns(new Table(file, columns, lines), expected);
  }

  private List<Table> json(String file, byte[] content) {
    if (utf8(file, content) == null) {
      return List.of();
    }
    try {
      JsonNode root = new ObjectMapper().readTree(content);
      if (!root.path("procedures").isArray()) {
        problem(file, 0, "procedures", "Thiếu mảng \"procedures\". / The \"procedures\" array is missing.");
        return List.of();
      }
      List<Line> procedures = new ArrayList<>();
      List<Line> documents = new ArrayList<>();
      int row = 0;
      for (JsonNode procedure : root.get("procedures")) {
        row++;
        procedures.add(new Line(file, row, cells(procedure, PROCEDURE_COLUMNS)));
        for (JsonNode document : procedure.path("documents")) {
          Map<String, String> cells = cells(document, DOCUMENT_COLUMNS);
          cells.put("procedureCode", procedure.path("code").asText(""));
          documents.add(new Line(file, row, cells));
        }
      }
      return List.of(new Table(file, PROCEDURE_COLUMNS, procedures),
          new Table(file, DOCUMENT_COLUMNS, documents));
    } catch (com.fasterxml.jackson.core.JsonProcessingException broken) {
      problem(file, broken.getLocation() == null ? 0 : broken.getLocation().getLineNr(), "",
          "Tệp JSON không đúng cú pháp: " + broken.getOriginalMessage() + " / The JSON file is not well formed.");
      return List.of();
    } catch (IOException unreadable) {
      problem(file, 0, "", "Không đọc được tệp JSON. / The JSON file cannot be read.");
      return List.of();
    }
  }

  private static Map<String, String> cells(JsonNode node, List<String> columns) {
    Map<String, String> cells = new HashMap<>();
    for (String column : columns) {
      JsonNode value = node.get(column);
      if (value != null && !value.isNull()) {
        cells.put(column, value.isBoolean() ? (value.asBoolean() ? "yes" : "no") : value.asText());
      }
    }
    return cells;
  }

  // ------------------------------------------------------------------------------------------------ content

  private List<Entry> entries(Table procedureTable, Table documentTable) {
    Map<String, Line> byCode = new LinkedHashMap<>();
    for (Line line : procedureTable.lines()) {
      String code = line.get("code");
      if (code != null && byCode.containsKey(code)) {
        problem(line, "code", "Mã " + code + " trùng với dòng " + byCode.get(code).row() + ". / The code " + code
            + " is already on row " + byCode.get(code).row() + ".");
      } else if (code != null) {
        byCode.put(code, line);
      }
    }
    Map<String, List<Document>> documents = new HashMap<>();
    Map<String, Set<String>> documentCodes = new HashMap<>();
    for (Line line : documentTable.lines()) {
      String procedure = line.get("procedureCode");
      if (procedure == null || !byCode.containsKey(procedure)) {
        problem(line, "procedureCode", "Thủ tục " + procedure + " không có trong bảng thủ tục. / The procedure "
            + procedure + " is not in the procedures table.");
        continue;
      }
      Document document = document(line);
      if (document != null && !documentCodes.computeIfAbsent(procedure, k -> new java.util.HashSet<>())
          .add(document.code())) {
        problem(line, "documentCode", "Thành phần " + document.code() + " đã có trong thủ tục " + procedure
            + ". / The component " + document.code() + " is already in procedure " + procedure + ".");
      } else if (document != null) {
        documents.computeIfAbsent(procedure, k -> new ArrayList<>()).add(document);
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (Line line : procedureTable.lines()) {
      Entry entry = entry(line, documents.getOrDefault(line.get("code"), List.of()));
      if (entry != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private Entry entry(Line line, List<Document> documents) {
    for (String column : REQUIRED_PROCEDURE) {
      if (line.get(column) == null) {
        problem(line, column, "Chưa có giá trị. / No value given.");
      }
    }
    String code = matching(line, "code", CODE, "một mã thủ tục quốc gia, ví dụ 1.001193 / a national code such as"
        + " 1.001193");
    String level = oneOf(line, "level", Set.of("COMMUNE", "PROVINCE"));
    String template = oneOf(line, "template", TEMPLATES);
    String online = oneOf(line, "onlineServiceLevel", Set.of("FULL", "PARTIAL", "INFORMATION"));
    boolean information = "information".equals(template);
    String handledBy = agency(line, "handledBy", !information);
    String receivedBy = agency(line, "receivedBy", false);
    Map<String, BigDecimal> days = new LinkedHashMap<>();
    Map<String, Long> fees = new LinkedHashMap<>();
    for (String channel : CHANNELS) {
      BigDecimal time = days(line, channel + "Days");
      Long fee = fee(line, channel + "Fee", time != null);
      if (time != null) {
        days.put(channel.toUpperCase(java.util.Locale.ROOT), time);
        fees.put(channel.toUpperCase(java.util.Locale.ROOT), fee);
      }
    }
    boolean anyTime = CHANNELS.stream().anyMatch(channel -> line.get(channel + "Days") != null);
    if (!anyTime && !information) {
      problem(line, "onlineDays", "Thủ tục phải có thời hạn của ít nhất một kênh nộp (onlineDays, counterDays,"
          + " postalDays). / A procedure needs the time of one channel at least.");
    }
    String confirmed = line.get("confirmed");
    if (confirmed != null && !Set.of("yes", "no").contains(confirmed)) {
      problem(line, "confirmed", "Giá trị \"" + confirmed + "\" phải là yes hoặc no. / \"" + confirmed
          + "\" must be yes or no.");
    }
    if (code == null || level == null || template == null || online == null) {
      return null;
    }
    return new Entry(code, line.get("name"), line.get("nameEn"), level, line.get("sector"), line.get("sectorEn"),
        template, handledBy, receivedBy, line.get("agencyName"), online, days, fees, line.get("feeBasis"),
        line.get("result"), line.get("legalBasis"), line.get("conditions"), line.get("targetGroup"),
        line.get("announcedBy"), "yes".equals(confirmed), line.get("source"), List.copyOf(documents));
  }

  private Document document(Line line) {
    for (String column : REQUIRED_DOCUMENT) {
      if (line.get(column) == null) {
        problem(line, column, "Chưa có giá trị. / No value given.");
      }
    }
    String code = matching(line, "documentCode", UPPER_CODE, "chữ in hoa không dấu, số và gạch dưới, ví dụ"
        + " TO_KHAI_KHAI_SINH / upper-case letters, digits and underscores");
    String form = oneOf(line, "form", Set.of("ORIGINAL", "COPY", "CERTIFIED_COPY"));
    String when = matching(line, "when", CIRCUMSTANCE, "một mã trường hợp, ví dụ NO_BIRTH_CERTIFICATE, hoặc"
        + " !NO_BIRTH_CERTIFICATE (trừ trường hợp đó) / a circumstance code, or !CODE for \"unless\"");
    String resultOf = matching(line, "resultOf", CODE, "một mã thủ tục quốc gia / a national code");
    int count = 1;
    if (line.get("count") != null) {
      try {
        count = Integer.parseInt(line.get("count"));
      } catch (NumberFormatException notANumber) {
        count = 0;
      }
      if (count < 1) {
        problem(line, "count", "Số lượng \"" + line.get("count") + "\" phải là số nguyên từ 1. / The count must be a"
            + " whole number from 1.");
      }
    }
    if (code == null || form == null || line.get("name") == null || count < 1) {
      return null;
    }
    return new Document(code, line.get("name"), line.get("nameEn"), form, count, when, resultOf);
  }

  private String matching(Line line, String column, Pattern pattern, String expected) {
    String value = line.get(column);
    if (value != null && !pattern.matcher(value).matches()) {
      problem(line, column, "\"" + value + "\" không hợp lệ: cần " + expected + ". / \"" + value + "\" is not valid.");
      return null;
    }
    return value;
  }

  private String oneOf(Line line, String column, Set<String> allowed) {
    String value = line.get(column);
    if (value != null && !allowed.contains(value)) {
      String list = String.join(", ", new java.util.TreeSet<>(allowed));
      problem(line, column, "\"" + value + "\" không phải một trong: " + list + ". / \"" + value + "\" is not one of: "
          + list + ".");
      return null;
    }
    return value;
  }

  private String agency(Line line, String column, boolean required) {
    String value = line.get(column);
    if (value == null) {
      if (required) {
        problem(line, column, "Chưa có cơ quan giải quyết. / No handling agency given.");
      }
      return null;
    }
    if (!AGENCY.matcher(value).matches()) {
      problem(line, column, "\"" + value + "\" không phải mã cơ quan, ví dụ SXD{province} hoặc X{commune}. / \""
          + value + "\" is not an agency code such as SXD{province} or X{commune}.");
      return null;
    }
    if (!knownAgency.test(value)) {
      problem(line, column, "Cơ quan " + value + " không có trong dữ liệu tham chiếu (agencies.csv). / The agency "
          + value + " is not in the reference data (agencies.csv).");
      return null;
    }
    return value;
  }

  private BigDecimal days(Line line, String column) {
    String value = line.get(column);
    if (value == null) {
      return null;
    }
    try {
      BigDecimal days = new BigDecimal(value.replace(',', '.'));
      if (days.signum() >= 0 && days.remainder(new BigDecimal("0.5")).signum() == 0
          && days.compareTo(new BigDecimal(1000)) <= 0) {
        return days.stripTrailingZeros();
      }
    } catch (NumberFormatException notANumber) {
      // said below
    }
    problem(line, column, "Thời hạn \"" + value + "\" phải là số ngày làm việc từ 0, theo nửa ngày (ví dụ 0,5; 15)."
        + " / The time must be working days from 0, in half days.");
    return null;
  }

  private Long fee(Line line, String column, boolean required) {
    String value = line.get(column);
    if (value == null) {
      if (required) {
        problem(line, column, "Kênh có thời hạn thì phải có lệ phí (0 nếu miễn). / A channel with a time needs its fee"
            + " (0 when free).");
      }
      return null;
    }
    try {
      long fee = Long.parseLong(value.replace(".", "").replace(",", ""));
      if (fee >= 0) {
        return fee;
      }
    } catch (NumberFormatException notANumber) {
      // said below
    }
    problem(line, column, "Lệ phí \"" + value + "\" phải là số đồng, số nguyên từ 0. / The fee must be a whole number"
        + " of VND from 0.");
    return null;
  }

  private void problem(Line line, String column, String message) {
    problem(line.file(), line.row(), column, message);
  }

  private void problem(String file, int row, String column, String message) {
    problems.add(new Problem(file, row, column, message));
  }
}

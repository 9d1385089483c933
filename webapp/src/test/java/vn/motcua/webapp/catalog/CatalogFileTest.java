package vn.motcua.webapp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A catalogue file is read whole, the same from CSV, XLSX and JSON; a file with any problem gives every problem with
 * its row and column, and no procedure.
 */
class CatalogFileTest {

  private static final Predicate<String> AGENCIES = Set.of("X{commune}", "SXD{province}", "TTHCC{province}")::contains;

  private static final String PROCEDURES = String.join(",", CatalogFile.PROCEDURE_COLUMNS) + "\n"
      + "1.001193,Thủ tục đăng ký khai sinh,Birth registration,COMMUNE,Hộ tịch,Civil status,singleAgency,X{commune},,"
      + "Ủy ban nhân dân cấp xã,FULL,0,0,0,0,0,0,Miễn lệ phí,Giấy khai sinh,Luật Hộ tịch 2014,,CITIZEN,163/QĐ-BTP,"
      + "yes,Danh mục TTHC quốc gia\n"
      + "1.009794,\"Cấp giấy phép xây dựng (công trình cấp I, II)\",,PROVINCE,Hoạt động xây dựng,,transfer,"
      + "SXD{province},TTHCC{province},Sở Xây dựng,PARTIAL,,20,20,,150000,150000,mức do HĐND tỉnh quy định,"
      + "Giấy phép xây dựng,,,CITIZEN;ORGANISATION,,no,thời hạn chưa đối chiếu\n";
  private static final String DOCUMENTS = String.join(",", CatalogFile.DOCUMENT_COLUMNS) + "\n"
      + "1.001193,TO_KHAI_KHAI_SINH,Tờ khai đăng ký khai sinh theo mẫu,Birth registration form,ORIGINAL,1,,\n"
      + "1.001193,GIAY_CHUNG_SINH,Giấy chứng sinh,,ORIGINAL,,,\n"
      + "1.009794,BAN_VE_THIET_KE,Bản vẽ thiết kế,,ORIGINAL,2,,\n"
      + "1.009794,VAN_BAN_UY_QUYEN,Văn bản ủy quyền,,CERTIFIED_COPY,1,AUTHORIZED_REPRESENTATIVE,\n";

  @Test
  void shouldReadTheProceduresAndTheirDocumentsFromCsv() {
    // when
    CatalogFile.Read read = CatalogFile.read(csv(PROCEDURES, DOCUMENTS), AGENCIES);

    // then
    assertThat(read.problems()).isEmpty();
    assertThat(read.entries()).extracting(CatalogFile.Entry::code).containsExactly("1.001193", "1.009794");
    CatalogFile.Entry permit = read.entries().get(1);
    assertThat(permit.name()).isEqualTo("Cấp giấy phép xây dựng (công trình cấp I, II)");
    assertThat(permit.days()).isEqualTo(Map.of("COUNTER", new BigDecimal("2E+1"), "POSTAL", new BigDecimal("2E+1")));
    assertThat(permit.fees()).isEqualTo(Map.of("COUNTER", 150_000L, "POSTAL", 150_000L));
    assertThat(permit.handledBy()).isEqualTo("SXD{province}");
    assertThat(permit.receivedBy()).isEqualTo("TTHCC{province}");
    assertThat(permit.confirmed()).isFalse();
    assertThat(permit.documents()).extracting(CatalogFile.Document::code, CatalogFile.Document::count,
        CatalogFile.Document::when).containsExactly(org.assertj.core.groups.Tuple.tuple("BAN_VE_THIET_KE", 2, null),
        org.assertj.core.groups.Tuple.tuple("VAN_BAN_UY_QUYEN", 1, "AUTHORIZED_REPRESENTATIVE"));
    assertThat(read.entries().get(0).days()).containsEntry("ONLINE", BigDecimal.ZERO);
  }

  @Test
  void shouldReadTheSameCatalogueFromXlsxAndFromJson() throws Exception {
    // given
    List<CatalogFile.Entry> fromCsv = CatalogFile.read(csv(PROCEDURES, DOCUMENTS), AGENCIES).entries();

    // when
    CatalogFile.Read fromXlsx = CatalogFile.read(Map.of("catalogue.xlsx", xlsx(PROCEDURES, DOCUMENTS)), AGENCIES);
    CatalogFile.Read fromJson = CatalogFile.read(Map.of("catalogue.json", json(PROCEDURES, DOCUMENTS)), AGENCIES);

    // then
    assertThat(fromXlsx.problems()).isEmpty();
    assertThat(fromXlsx.entries()).isEqualTo(fromCsv);
    assertThat(fromJson.problems()).isEmpty();
    assertThat(fromJson.entries()).isEqualTo(fromCsv);
  }

  @Test
  void shouldListEveryProblemByRowAndColumnAndTakeNothing() {
    // given: a duplicate code, an unknown template, a negative time, a fee that is not a number, an agency that does
    // not exist, a component of no procedure, a document form that does not exist
    String procedures = PROCEDURES
        + "1.001193,Trùng mã,,COMMUNE,Hộ tịch,,singleAgency,X{commune},,UBND cấp xã,FULL,1,,,0,,,,Kết quả,,,,,,\n"
        + "1.000001,Mẫu lạ,,COMMUNE,Hộ tịch,,oneStop,X{commune},,UBND cấp xã,FULL,-2,,,mười nghìn,,,,Kết quả,,,,,,\n"
        + "1.000002,Cơ quan lạ,,PROVINCE,Tư pháp,,transfer,STP{province},,Sở Tư pháp,FULL,5,,,0,,,,Kết quả,,,,,,\n";
    String documents = DOCUMENTS + "9.999999,DON,Đơn,,ORIGINAL,1,,\n" + "1.001193,DON,Đơn,,SCAN,1,,\n";

    // when
    CatalogFile.Read read = CatalogFile.read(csv(procedures, documents), AGENCIES);

    // then
    assertThat(read.entries()).isEmpty();
    assertThat(read.problems()).extracting(p -> p.file() + " #" + p.row() + " " + p.column()).containsExactlyInAnyOrder(
        "procedures.csv #4 code", "procedures.csv #5 template", "procedures.csv #5 onlineDays",
        "procedures.csv #5 onlineFee", "procedures.csv #6 handledBy", "documents.csv #6 procedureCode",
        "documents.csv #7 form");
    assertThat(read.problems()).extracting(CatalogFile.Problem::message).anySatisfy(m -> assertThat(m)
        .startsWith("Mã 1.001193 trùng với dòng 2."))
        .anySatisfy(m -> assertThat(m).startsWith("\"oneStop\" không phải một trong: information, singleAgency,"))
        .anySatisfy(m -> assertThat(m).startsWith("Cơ quan STP{province} không có trong dữ liệu tham chiếu"))
        .anySatisfy(m -> assertThat(m).startsWith("Lệ phí \"mười nghìn\" phải là số đồng"));
  }

  @Test
  void shouldRefuseAMissingColumnAndABrokenEncodingWithTheirPlace() {
    // given: no template column; documents saved in a legacy code page on its third line
    String procedures = PROCEDURES.replace(",template,", ",").replace(",singleAgency,", ",").replace(",transfer,", ",");
    byte[] documents = (String.join(",", CatalogFile.DOCUMENT_COLUMNS) + "\n1.001193,TO_KHAI,Tờ khai,,ORIGINAL,1,,\n")
        .getBytes(StandardCharsets.UTF_8);
    // "Đơn" in Windows-1258: 0xD0 0xF4 0x6E, not UTF-8
    byte[] line = "1.001193,DON,\u00d0\u00f4n,,ORIGINAL,1,,\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] broken = java.util.Arrays.copyOf(documents, documents.length + line.length);
    System.arraycopy(line, 0, broken, documents.length, line.length);

    // when
    CatalogFile.Read read = CatalogFile.read(Map.of("procedures.csv", procedures.getBytes(StandardCharsets.UTF_8),
        "documents.csv", broken), AGENCIES);

    // then
    assertThat(read.entries()).isEmpty();
    assertThat(read.problems()).extracting(p -> p.file() + " #" + p.row() + " " + p.column())
        .contains("procedures.csv #1 template", "documents.csv #3 ");
    assertThat(read.problems()).extracting(CatalogFile.Problem::message)
        .anySatisfy(m -> assertThat(m).startsWith("Thiếu cột \"template\"."))
        .anySatisfy(m -> assertThat(m).startsWith("Tệp không mã hóa UTF-8"));
  }

  @Test
  void shouldRefuseAnUnknownShapeOfFiles() {
    // when
    CatalogFile.Read read = CatalogFile.read(Map.of("procedures.csv", PROCEDURES.getBytes(StandardCharsets.UTF_8)),
        AGENCIES);

    // then
    assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.message())
        .startsWith("Tệp danh mục là procedures.csv cùng documents.csv"));
  }

  private static Map<String, byte[]> csv(String procedures, String documents) {
    return Map.of("procedures.csv", procedures.getBytes(StandardCharsets.UTF_8),
        "documents.csv", documents.getBytes(StandardCharsets.UTF_8));
  }

  private static List<CSVRecord> records(String csv) throws Exception {
    try (CSVParser parser = CSVFormat.RFC4180.parse(new java.io.StringReader(csv))) {
      return parser.getRecords();
    }
  }

  private static byte[] xlsx(String procedures, String documents) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String[] table : new String[][] {{"procedures", procedures}, {"documents", documents}}) {
        Sheet sheet = book.createSheet(table[0]);
        int r = 0;
        for (CSVRecord record : records(table[1])) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < record.size(); c++) {
            row.createCell(c).setCellValue(record.get(c));
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] json(String procedures, String documents) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ArrayNode list = mapper.createArrayNode();
    List<CSVRecord> rows = records(procedures);
    List<CSVRecord> docs = records(documents);
    for (CSVRecord row : rows.subList(1, rows.size())) {
      com.fasterxml.jackson.databind.node.ObjectNode procedure = list.addObject();
      for (int c = 0; c < row.size(); c++) {
        if (!row.get(c).isEmpty()) {
          procedure.put(rows.get(0).get(c), row.get(c));
        }
      }
      com.fasterxml.jackson.databind.node.ArrayNode components = procedure.putArray("documents");
      for (CSVRecord doc : docs.subList(1, docs.size())) {
        if (doc.get(0).equals(row.get(0))) {
          com.fasterxml.jackson.databind.node.ObjectNode component = components.addObject();
          for (int c = 1; c < doc.size(); c++) {
            if (!doc.get(c).isEmpty()) {
              component.put(docs.get(0).get(c), doc.get(c));
            }
          }
        }
      }
    }
    return mapper.writeValueAsBytes(mapper.createObjectNode().set("procedures", list));
  }
}

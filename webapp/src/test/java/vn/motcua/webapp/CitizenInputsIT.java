package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The corpus of bad inputs a citizen's e-form, uploads, supplement and rating meet: wrong types, oversize, empty,
 * path-traversal names, script and SQL injection, impossible values, unknown codes. Each gets a clear message on the
 * page with a 4xx status, and nothing is stored.
 */
class CitizenInputsIT extends PostgresIntegrationTest {

  private static final String FORM = "/cong-dan/nop/1.001193";
  private static final byte[] PDF = Api.pdf("giấy tờ");
  private static final String TYPE = "Chỉ nhận tệp PDF, JPEG hoặc PNG (nhận biết theo nội dung tệp).";
  private static final String NAME = "Tên tệp không hợp lệ: không được chứa thư mục (/, \\, ..), ký tự điều khiển"
      + " hoặc các ký tự < > : \" | ? *.";

  @LocalServerPort
  private int port;
  @Autowired
  private JdbcTemplate jdbc;

  private WebSession citizen;

  @BeforeEach
  void signIn() {
    citizen = new WebSession(port, "citizen");
  }

  /** A birth registration as a careful applicant fills it in. */
  private static Map<String, Object> valid() {
    Map<String, Object> form = new HashMap<>();
    form.put("fullName", "Nguyễn Văn An");
    form.put("idNumber", "020190001234");
    form.put("phone", "0912345678");
    form.put("email", "an.nguyen@example.vn");
    form.put("address", "Thôn Bản Mới, xã Thụy Hùng");
    form.put("communeCode", "06148");
    form.put("category", "CITIZEN");
    form.put("copies", "1");
    form.put("pages", "1");
    form.put("file_TO_KHAI_KHAI_SINH", new WebSession.FilePart("to-khai.pdf", PDF));
    form.put("file_GIAY_CHUNG_SINH", new WebSession.FilePart("giay-chung-sinh.pdf", PDF));
    return form;
  }

  private static Arguments bad(String name, Consumer<Map<String, Object>> change, int status, String message) {
    return Arguments.of(name, change, status, message);
  }

  private static WebSession.FilePart declaration(String fileName, byte[] content) {
    return new WebSession.FilePart(fileName, content);
  }

  static Stream<Arguments> corpus() {
    byte[] oversize = new byte[20 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, oversize, 0, PDF.length);
    return Stream.of(
        bad("text disguised as a PDF", f -> f.put("file_TO_KHAI_KHAI_SINH",
            declaration("to-khai.pdf", "Tờ khai".getBytes())), 400, TYPE),
        bad("a Windows program named .png", f -> f.put("file_TO_KHAI_KHAI_SINH",
            declaration("anh.png", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0})), 400, TYPE),
        bad("a script page named .jpg", f -> f.put("file_TO_KHAI_KHAI_SINH",
            declaration("anh.jpg", "<html><script>alert(1)</script></html>".getBytes())), 400, TYPE),
        bad("an SVG with a script", f -> f.put("file_TO_KHAI_KHAI_SINH", declaration("anh.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes())), 400, TYPE),
        bad("a ZIP named .pdf", f -> f.put("file_TO_KHAI_KHAI_SINH",
            declaration("to-khai.pdf", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0})), 400, TYPE),
        bad("an empty file", f -> f.put("file_TO_KHAI_KHAI_SINH", declaration("to-khai.pdf", new byte[0])), 400,
            "Tệp rỗng."),
        bad("a file over 20 MB", f -> f.put("file_TO_KHAI_KHAI_SINH", declaration("to-khai.pdf", oversize)), 400,
            "Tệp vượt quá 20 MB."),
        bad("a name climbing out of its folder", f -> f.put("file_TO_KHAI_KHAI_SINH",
            declaration("../../etc/passwd.pdf", PDF)), 400, NAME),
        bad("a Windows path", f -> f.put("file_TO_KHAI_KHAI_SINH",
            declaration("..\\..\\windows\\win.ini.pdf", PDF)), 400, NAME),
        bad("a name with markup", f -> f.put("file_TO_KHAI_KHAI_SINH",
            declaration("<img src=x onerror=alert(1)>.pdf", PDF)), 400, NAME),
        bad("a required document without a file", f -> f.remove("file_GIAY_CHUNG_SINH"), 400,
            "Chưa có tệp cho \"Giấy chứng sinh\"."),
        bad("reusing a file that is not on offer", f -> {
          f.remove("file_GIAY_CHUNG_SINH");
          f.put("reuse_GIAY_CHUNG_SINH", "1");
        }, 400, "Chưa có tệp cho \"Giấy chứng sinh\"."),
        bad("a script as the name", f -> f.put("fullName", "<script>alert(1)</script>"), 400,
            "Họ và tên chỉ gồm chữ cái, khoảng trắng và dấu gạch nối."),
        bad("SQL in the name", f -> f.put("fullName", "An'); DROP TABLE dossier;--"), 400,
            "Họ và tên chỉ gồm chữ cái, khoảng trắng và dấu gạch nối."),
        bad("a name of 500 letters", f -> f.put("fullName", "A".repeat(500)), 400, "Quá dài."),
        bad("an ID number of five digits", f -> f.put("idNumber", "12345"), 400,
            "Số định danh cá nhân gồm đúng 12 chữ số."),
        bad("no ID number", f -> f.remove("idNumber"), 400, "Chưa nhập số định danh cá nhân."),
        bad("letters as a phone number", f -> f.put("phone", "abc"), 400,
            "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0."),
        bad("a broken e-mail address", f -> f.put("email", "an@@example"), 400, "Địa chỉ thư điện tử không hợp lệ."),
        bad("no way to reach the applicant", f -> {
          f.remove("phone");
          f.remove("email");
        }, 400, "Cần số điện thoại hoặc thư điện tử để nhận thông báo về hồ sơ."),
        bad("no commune", f -> f.remove("communeCode"), 400, "Chưa nhập mã xã (phường, thị trấn)."),
        bad("a commune code that is text", f -> f.put("communeCode", "06148' OR '1'='1"), 400,
            "Mã xã gồm 5 chữ số."),
        bad("a commune that does not exist", f -> f.put("communeCode", "99999"), 400,
            "Mã xã 99999 không phải là đơn vị hành chính cấp xã đang có hiệu lực."),
        bad("a circumstance of another procedure", f -> f.put("circumstances", "HAS_LAND_PAPERS"), 400,
            "Có trường hợp không thuộc thủ tục này."),
        bad("a negative number of copies", f -> f.put("copies", "-5"), 400, "Số bản sao từ 1 đến 100."),
        bad("copies as text", f -> f.put("copies", "năm"), 400, "Hãy nhập một số."),
        bad("an unknown applicant category", f -> f.put("category", "KING"), 400,
            "Đối tượng phải là CITIZEN, POOR_HOUSEHOLD, MERIT hoặc DISABLED."),
        bad("the result by post without an address", f -> f.put("returnMethod", "POST"), 400,
            "Nhận kết quả qua bưu chính cần địa chỉ nhận."),
        bad("an unknown way to receive the result", f -> f.put("returnMethod", "DRONE"), 400,
            "Cách nhận kết quả là COUNTER (tại quầy), POST (bưu chính) hoặc ONLINE (trực tuyến)."),
        bad("a postal address of 400 letters", f -> {
          f.put("returnMethod", "POST");
          f.put("postalAddress", "Thôn ".repeat(80));
        }, 400, "Quá dài."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shouldExplainAndStoreNothingWhenTheEFormGets(String name, Consumer<Map<String, Object>> change, int status,
      String message) {
    // given
    Map<String, Object> form = valid();
    change.accept(form);
    long dossiers = count("dossier");
    long documents = count("dossier_document");
    // started, not running: notices of earlier dossiers may still be finishing beside this test
    long instances = count("act_hi_procinst");

    // when
    HttpResponse<String> answer = citizen.postMultipart(FORM, FORM, form);

    // then: the form again, with the message, the input shown back harmlessly; nothing stored, nothing started
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(HtmlUtils.htmlUnescape(answer.body())).contains(message);
    assertThat(answer.body()).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
    assertThat(count("dossier")).isEqualTo(dossiers);
    assertThat(count("dossier_document")).isEqualTo(documents);
    assertThat(count("act_hi_procinst")).isEqualTo(instances);
  }

  @Test
  void shouldSubmitTheSameFormUnchanged() {
    // the corpus changes one thing of a form that is accepted as it is
    long dossiers = count("dossier");

    HttpResponse<String> answer = citizen.postMultipart(FORM, FORM, valid());

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/cong-dan/ho-so/X06148-");
    assertThat(count("dossier")).isEqualTo(dossiers + 1);
  }

  @Test
  void shouldRefuseAnUnknownProcedureAndOneThatIsNotOnline() {
    assertThat(citizen.get("/cong-dan/nop/9.999999").statusCode()).isEqualTo(404);
    assertThat(citizen.get("/cong-dan/nop/9.999999").body()).contains("9.999999");
  }

  @Test
  void shouldRefuseASupplementNobodyAskedForARatingTooEarlyAndAnotherPersonsDossier() {
    // given: a dossier just submitted, not asked for anything
    String location = citizen.postMultipart(FORM, FORM, valid()).headers().firstValue("Location").orElseThrow();
    String page = java.net.URI.create(location).getPath();
    long documents = count("dossier_document");

    // when / then: a supplement → 409 with the reason, the file not kept
    HttpResponse<String> supplement = citizen.postMultipart(page, page + "/bo-sung",
        Map.of("files", new WebSession.FilePart("bo-sung.pdf", PDF)));
    assertThat(supplement.statusCode()).isEqualTo(409);
    assertThat(HtmlUtils.htmlUnescape(supplement.body())).contains("không ở trạng thái chờ bổ sung");
    assertThat(count("dossier_document")).isEqualTo(documents);

    // when / then: a rating before the result, and one of 9 stars
    HttpResponse<String> early = citizen.post(page, page + "/danh-gia", Map.of("score", "5"));
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(HtmlUtils.htmlUnescape(early.body())).contains("chưa giải quyết xong");
    HttpResponse<String> nine = citizen.post(page, page + "/danh-gia", Map.of("score", "9"));
    assertThat(nine.statusCode()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(nine.body())).contains("Hãy chọn mức độ hài lòng từ 1 đến 5.");
    assertThat(jdbc.queryForObject("select count(*) from dossier where rating is not null and receipt_code = ?",
        Long.class, page.substring(page.lastIndexOf('/') + 1))).isZero();

    // when / then: another citizen cannot open it, nor its files
    WebSession other = new WebSession(port, "tranthibinh");
    assertThat(other.get(page).statusCode()).isEqualTo(404);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}

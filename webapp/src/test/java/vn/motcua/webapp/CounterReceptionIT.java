package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * The counter receives a dossier in person: records it with the scanned components, finds it complete, and hands the
 * applicant the receipt-and-appointment voucher (form 01) — a PDF whose text reads in Vietnamese with its diacritics,
 * with the receipt code, the documents received and the appointment date, and whose QR code reads the receipt code.
 */
class CounterReceptionIT extends PostgresIntegrationTest {

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @Test
  void shouldHandTheApplicantAVoucherWithTheReceiptCodeTheDocumentsAndTheAppointment() throws Exception {
    // given: Monday morning at the Chí Minh counter, an applicant asks for certified copies in person
    now("2026-11-16T09:00");
    Map<String, Object> submitted = api.submit("chiminh.motcua", dossierRequest("2.000815", "06148",
        "channel", "COUNTER", "pages", 3));
    String code = (String) submitted.get("receiptCode");
    assertThat(api.attach("chiminh.motcua", code, null, "SCAN", "ban-chinh.pdf", Api.pdf("bản chính"))
        .getStatusCode().value()).isEqualTo(201);

    // when: the officer finds it complete
    Map<String, Object> received = api.complete("chiminh.motcua", code, "Task_CheckCompleteness",
        Map.of("completeness", "COMPLETE"));

    // then: the voucher is filed with the dossier, once
    List<Map<String, Object>> vouchers = rest.withBasicAuth("chiminh.motcua", "demo").exchange(
            "/api/v1/dossiers/" + code + "/documents", HttpMethod.GET, null,
            new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody().stream()
        .filter(d -> "RECEIPT_VOUCHER".equals(d.get("kind"))).toList();
    assertThat(vouchers).singleElement().satisfies(d -> assertThat(d).containsEntry("fileName",
        "receipt-voucher-" + code + ".pdf"));
    byte[] pdf = rest.withBasicAuth("chiminh.motcua", "demo").getForObject(
        "/api/v1/documents/" + vouchers.get(0).get("id") + "/content", byte[].class);

    // then: its text, as any PDF reader extracts it
    String appointment = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy")
        .format(OffsetDateTime.parse((String) api.dossier("chiminh.motcua", code).get("deadline"))
            .atZoneSameInstant(VN));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu số 01", "Mã hồ sơ: " + code,
          "Bộ phận Tiếp nhận và Trả kết quả – Ủy ban nhân dân xã Chí Minh tiếp nhận hồ sơ của Ông/Bà Nguyễn Văn An",
          "số định danh cá nhân 020190001234", "Hình thức nộp: trực tiếp tại Bộ phận Một cửa",
          "Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 16/11/2026",
          "Thời gian trả kết quả giải quyết hồ sơ: " + appointment);
      assertThat(appointment).isEqualTo("09 giờ 00 phút, ngày 17/11/2026"); // one working day

      // then: the QR code on the printed page reads the receipt code
      java.awt.image.BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
      assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
          new BufferedImageLuminanceSource(page)))).getText()).isEqualTo(code);
    }
    assertThat(received.get("status")).isEqualTo("IN_PROGRESS");
  }
}

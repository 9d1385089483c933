package vn.motcua.webapp.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.document.DocumentView;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.dossier.DossierRequirement;
import vn.motcua.webapp.dossier.LetterDue;
import vn.motcua.webapp.place.Agency;
import vn.motcua.webapp.place.Places;

/**
 * The letters the applicant receives in writing, issued as PDFs the moment the decision is taken and filed with the
 * dossier (the applicant reads them with the dossier; the counter prints them): the apology with a new appointment
 * (form 04), the guidance to supplement (form 02), the refusal
 * to receive (form 03), the electronic result, the refusal with reasons, and the notice that
 * processing stops (form 05 of Circular 03/2025/TT-VPCP). Official letters are in Vietnamese.
 */
@Component
class Letters {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");

  private final DossierQueries dossiers;
  private final DocumentService documents;
  private final Places places;
  private final ZoneId zone;
  private final java.time.Clock clock;
  private final org.springframework.context.MessageSource messages;

  Letters(DossierQueries dossiers, DocumentService documents, Places places, LegalCalendar calendar,
      org.springframework.context.MessageSource messages, java.time.Clock clock) {
    this.dossiers = dossiers;
    this.documents = documents;
    this.places = places;
    this.zone = calendar.zone();
    this.clock = clock;
    this.messages = messages;
  }

  @EventListener
  void issue(LetterDue due) {
    Dossier dossier = dossiers.byId(due.dossierId());
    String agency = places.agency(due.agencyCode()).map(Agency::getName).orElse(due.agencyCode());
    byte[] pdf = switch (due.kind()) {
      case APOLOGY -> letter(dossier, agency, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Mẫu số 04",
          "Ngày " + date(dossier.getReceivedAt()) + ", " + agency + " tiếp nhận giải quyết hồ sơ đề nghị "
              + dossier.getProcedureName() + " của Ông/Bà, mã hồ sơ " + dossier.getReceiptCode() + ".",
          "Thời hạn giải quyết theo quy định: " + time(due.originalDeadline()) + ".",
          "Tuy nhiên đến nay, " + agency + " chưa trả kết quả giải quyết hồ sơ của Ông/Bà.",
          "Lý do: " + reason(due),
          "Sự chậm trễ này đã gây phiền hà cho Ông/Bà. " + agency + " xin lỗi Ông/Bà và sẽ trả kết quả giải quyết"
              + " hồ sơ cho Ông/Bà vào " + time(due.newDeadline()) + ".",
          "Xin trân trọng cảm ơn sự hợp tác của Ông/Bà.");
      case RECEPTION_REFUSAL -> letter(dossier, agency, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Mẫu số 03",
          "Bộ phận Tiếp nhận và Trả kết quả – " + agency + " đã tiếp nhận hồ sơ đề nghị " + dossier.getProcedureName()
              + " của Ông/Bà, mã hồ sơ " + dossier.getReceiptCode() + ".",
          "Sau khi xem xét thành phần hồ sơ, Bộ phận Tiếp nhận và Trả kết quả từ chối tiếp nhận hồ sơ của Ông/Bà"
              + " với lý do cụ thể như sau:",
          reason(due),
          "Xin thông báo để Ông/Bà biết và thực hiện.");
      case RECEIPT_VOUCHER -> voucher(dossier, agency, due);
      case SUPPLEMENT_GUIDANCE -> letter(dossier, agency, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mẫu số 02",
          agency + " đã nhận hồ sơ đề nghị " + dossier.getProcedureName() + " của Ông/Bà, mã hồ sơ "
              + dossier.getReceiptCode() + ".",
          "Sau khi xem xét, hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện các nội dung sau (hướng dẫn một lần, đầy"
              + " đủ):",
          reason(due),
          "Ông/Bà nộp phần bổ sung trực tuyến tại trang hồ sơ của mình hoặc tại Bộ phận Tiếp nhận và Trả kết quả."
              + " Thời hạn giải quyết được tính theo quy định kể từ khi nhận đủ phần bổ sung.",
          "Xin trân trọng cảm ơn sự hợp tác của Ông/Bà.");
      case RESULT -> letter(dossier, agency, "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", null,
          "Ngày " + date(dossier.getReceivedAt()) + ", " + agency + " tiếp nhận hồ sơ đề nghị "
              + dossier.getProcedureName() + " của Ông/Bà, mã hồ sơ " + dossier.getReceiptCode() + ".",
          "Sau khi xem xét, " + agency + " đã giải quyết hồ sơ của Ông/Bà: đồng ý.",
          "Ý kiến của người có thẩm quyền: " + reason(due),
          "Văn bản này là bản điện tử của kết quả giải quyết, được ký số bởi " + agency + ". Ông/Bà nhận kết quả"
              + " theo hình thức đã đăng ký; chữ ký số có thể kiểm tra bằng mọi phần mềm đọc PDF hoặc tại hệ thống"
              + " một cửa.");
      case REFUSAL -> letter(dossier, agency, "THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ", null,
          "Ngày " + date(dossier.getReceivedAt()) + ", hồ sơ đề nghị " + dossier.getProcedureName()
              + " của Ông/Bà, mã hồ sơ " + dossier.getReceiptCode() + ", đã được tiếp nhận.",
          "Sau khi xem xét, " + agency + " không giải quyết hồ sơ của Ông/Bà vì lý do sau:",
          reason(due),
          "Ông/Bà nhận lại hồ sơ tại nơi đã nộp hoặc theo hình thức đã đăng ký. Nếu không đồng ý, Ông/Bà có quyền"
              + " khiếu nại theo quy định của pháp luật.");
      case STOP -> letter(dossier, agency, "THÔNG BÁO VỀ VIỆC DỪNG XỬ LÝ HỒ SƠ", "Mẫu số 05",
          "Ngày " + date(dossier.getReceivedAt()) + ", " + agency + " tiếp nhận hồ sơ đề nghị "
              + dossier.getProcedureName() + " của Ông/Bà, mã hồ sơ " + dossier.getReceiptCode() + ".",
          agency + " thông báo dừng xử lý hồ sơ của Ông/Bà với lý do sau:",
          reason(due),
          "Ông/Bà nhận lại hồ sơ tại nơi đã nộp hoặc theo hình thức đã đăng ký.");
    };
    DocumentView issued = documents.issue(dossier, due.kind().documentKind(),
        due.kind().documentKind().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + dossier.getReceiptCode() + ".pdf",
        pdf, due.actor());
    if (due.issuedTo() != null) {
      due.issuedTo().setVariables(Map.of("documentId", issued.id(), "signingAgency", due.agencyCode(),
          "signingAgencyName", agency));
    }
  }

  private static String reason(LetterDue due) {
    return due.reason() == null || due.reason().isBlank() ? "(không nêu)" : due.reason().strip();
  }

  private byte[] letter(Dossier dossier, String agency, String title, String form, String... paragraphs) {
    return letter(dossier, agency, title, form, null, paragraphs);
  }

  /**
   * The receipt and appointment voucher (form 01): who handed in what, received when, the result when; with the
   * QR code of the receipt code, which the applicant shows or scans to follow the dossier.
   */
  private byte[] voucher(Dossier dossier, String agency, LetterDue due) {
    StringBuilder components = new StringBuilder("Thành phần hồ sơ gồm:");
    List<DossierRequirement> required = dossiers.requirementsOf(dossier.getId());
    for (int i = 0; i < required.size(); i++) {
      components.append("\n").append(i + 1).append(". ").append(required.get(i).getName()).append(" (")
          .append(messages.getMessage("document.form." + required.get(i).getForm(), null, required.get(i).getForm(),
              VIETNAMESE)).append(")");
    }
    var applicant = dossier.getApplicant();
    java.util.function.Function<PdfWriter, Element> qr = writer -> {
      PdfPTable table = new PdfPTable(1);
      table.setWidthPercentage(30);
      table.setHorizontalAlignment(Element.ALIGN_RIGHT);
      table.setSpacingBefore(8);
      PdfPCell code = new PdfPCell(qrImage(writer, dossier.getReceiptCode()), true);
      code.setBorder(PdfPCell.NO_BORDER);
      table.addCell(code);
      table.addCell(cell("Mã hồ sơ " + dossier.getReceiptCode() + "\nQuét mã để tra cứu", PdfFonts.italic(9)));
      return table;
    };
    return letter(dossier, agency, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu số 01", qr,
        "Mã hồ sơ: " + dossier.getReceiptCode() + ".",
        "Bộ phận Tiếp nhận và Trả kết quả – " + agency + " tiếp nhận hồ sơ của Ông/Bà " + applicant.fullName()
            + ", số định danh cá nhân " + applicant.idNumber()
            + (applicant.address() == null ? "" : ", địa chỉ " + applicant.address())
            + (applicant.phone() == null ? "" : ", điện thoại " + applicant.phone()) + ".",
        "Nội dung yêu cầu giải quyết: " + dossier.getProcedureName() + ".",
        "Cơ quan giải quyết: " + handledBy(dossier, agency) + ".",
        components.toString(),
        "Số lượng hồ sơ: 01 bộ. Hình thức nộp: " + switch (dossier.getChannel()) {
          case ONLINE -> "trực tuyến";
          case POSTAL -> "qua dịch vụ bưu chính";
          default -> "trực tiếp tại Bộ phận Một cửa";
        } + ".",
        "Thời gian nhận hồ sơ: " + time(dossier.getReceivedAt()) + ".",
        "Thời gian trả kết quả giải quyết hồ sơ: " + time(due.newDeadline()) + ".",
        "Nhận kết quả tại nơi nộp hồ sơ, qua dịch vụ bưu chính hoặc trực tuyến, theo hình thức Ông/Bà đăng ký.");
  }

  /** The competent agency's name; the receiving agency's for a dossier submitted before it was recorded. */
  private String handledBy(Dossier dossier, String receivingAgency) {
    return dossier.getHandlingAgency() == null ? receivingAgency
        : places.agency(dossier.getHandlingAgency()).map(Agency::getName).orElse(dossier.getHandlingAgency());
  }

  /** The QR code of the text as vector modules, about 3.5 cm wide on paper. */
  private static com.lowagie.text.Image qrImage(PdfWriter writer, String text) {
    com.google.zxing.common.BitMatrix matrix = vn.motcua.webapp.catalog.QrCodes.matrix(text);
    float module = 100f / matrix.getWidth();
    com.lowagie.text.pdf.PdfTemplate template = com.lowagie.text.pdf.PdfTemplate.createTemplate(writer,
        100f, 100f);
    template.setRGBColorFill(0, 0, 0);
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          template.rectangle(x * module, 100f - (y + 1) * module, module, module);
        }
      }
    }
    template.fill();
    try {
      return com.lowagie.text.Image.getInstance(template);
    } catch (com.lowagie.text.BadElementException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] letter(Dossier dossier, String agency, String title, String form,
      java.util.function.Function<PdfWriter, Element> extra, String... paragraphs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document pdf = new Document(PageSize.A4, 60, 50, 50, 50);
    PdfWriter writer = PdfWriter.getInstance(pdf, out);
    pdf.addTitle(title);
    pdf.addCreator("motcua");
    pdf.open();
    PdfPTable head = new PdfPTable(new float[] {1, 1.25f});
    head.setWidthPercentage(100);
    head.addCell(cell(agency.toUpperCase(Locale.forLanguageTag("vi")), PdfFonts.bold(11)));
    head.addCell(cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc", PdfFonts.bold(11)));
    head.addCell(cell("Số: " + dossier.getReceiptCode(), PdfFonts.regular(11)));
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    head.addCell(cell("Ngày " + today.getDayOfMonth() + " tháng " + today.getMonthValue() + " năm " + today.getYear(),
        PdfFonts.italic(11)));
    pdf.add(head);
    Paragraph heading = new Paragraph(title, PdfFonts.bold(14));
    heading.setAlignment(Element.ALIGN_CENTER);
    heading.setSpacingBefore(18);
    pdf.add(heading);
    if (form != null) {
      Paragraph sub = new Paragraph("(" + form + ", Thông tư số 03/2025/TT-VPCP)", PdfFonts.italic(11));
      sub.setAlignment(Element.ALIGN_CENTER);
      pdf.add(sub);
    }
    Paragraph to = new Paragraph("Kính gửi: Ông/Bà " + dossier.getApplicant().fullName(), PdfFonts.regular(13));
    to.setSpacingBefore(12);
    to.setSpacingAfter(8);
    pdf.add(to);
    for (String text : paragraphs) {
      Paragraph p = new Paragraph(text, PdfFonts.regular(13));
      p.setAlignment(Element.ALIGN_JUSTIFIED);
      p.setFirstLineIndent(28);
      p.setSpacingAfter(6);
      pdf.add(p);
    }
    if (extra != null) {
      pdf.add(extra.apply(writer));
    }
    Paragraph sign = new Paragraph(agency.toUpperCase(Locale.forLanguageTag("vi")), PdfFonts.bold(12));
    sign.setAlignment(Element.ALIGN_RIGHT);
    sign.setSpacingBefore(18);
    pdf.add(sign);
    Paragraph note = new Paragraph("(Ký, ghi rõ họ tên và đóng dấu)", PdfFonts.italic(11));
    note.setAlignment(Element.ALIGN_RIGHT);
    pdf.add(note);
    pdf.close();
    return out.toByteArray();
  }

  private static PdfPCell cell(String text, com.lowagie.text.Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setBorder(PdfPCell.NO_BORDER);
    cell.setHorizontalAlignment(Element.ALIGN_CENTER);
    cell.setPaddingBottom(4);
    return cell;
  }

  private String date(Instant instant) {
    return instant == null ? "…" : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(instant.atZone(zone));
  }

  private String time(Instant instant) {
    return instant == null ? "…" : DAY_TIME.format(instant.atZone(zone));
  }
}

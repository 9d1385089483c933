package vn.motcua.webapp.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;

/**
 * The board's downloads, for the signed-in board (/board/exports) and the API (/api/v1/board/exports): the live
 * lists and the KPI report as CSV or XLSX, the periodic report as a PDF. Filters and period as on the board.
 */
@RestController
@RequestMapping({"/board/exports", "/api/v1/board/exports"})
@Tag(name = "Giám sát / Supervision board")
@SecurityRequirement(name = "basic")
class BoardExportController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final BoardService board;
  private final BoardExports exports;
  private final java.time.Clock clock;

  BoardExportController(BoardService board, BoardExports exports, java.time.Clock clock) {
    this.board = board;
    this.exports = exports;
    this.clock = clock;
  }

  @GetMapping("/lists/{list}.{format}")
  @Operation(summary = "Tải danh sách / Download a live list (csv or xlsx)")
  ResponseEntity<StreamingResponseBody> list(@PathVariable String list, @PathVariable String format,
      @RequestParam Map<String, String> params, @AuthenticationPrincipal Staff staff) {
    BoardList which = BoardList.ofSlug(list);
    BoardExports.Format kind = format(format);
    BoardFilter filter = BoardFilter.of(params);
    board.scope(staff, filter);
    Locale locale = LocaleContextHolder.getLocale();
    return file("motcua-" + which.slug() + "-" + LocalDate.now(clock), kind,
        out -> exports.list(which, kind, locale, rows -> board.forEach(staff, which, filter, rows), out));
  }

  @GetMapping("/kpis.{format}")
  @Operation(summary = "Tải báo cáo chỉ số / Download the KPI report of a period (csv or xlsx)")
  ResponseEntity<StreamingResponseBody> kpis(@PathVariable String format,
      @RequestParam(required = false) String period, @RequestParam Map<String, String> params,
      @AuthenticationPrincipal Staff staff) {
    BoardExports.Format kind = format(format);
    Period chosen = period(period);
    BoardService.Overview overview = board.overview(staff, BoardFilter.of(params), chosen);
    Locale locale = LocaleContextHolder.getLocale();
    return file("motcua-kpi-" + chosen.label(), kind, out -> exports.kpis(overview, kind, locale, out));
  }

  @GetMapping("/report.pdf")
  @Operation(summary = "Báo cáo định kỳ (PDF) / The periodic report as a PDF")
  ResponseEntity<StreamingResponseBody> report(@RequestParam(required = false) String period,
      @RequestParam Map<String, String> params, @AuthenticationPrincipal Staff staff) {
    Period chosen = period(period);
    BoardService.Overview overview = board.overview(staff, BoardFilter.of(params), chosen);
    Locale locale = LocaleContextHolder.getLocale();
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("motcua-bao-cao-" + chosen.label() + ".pdf").build().toString())
        .body(out -> exports.report(overview, locale, staff.fullName(), now, out));
  }

  private ResponseEntity<StreamingResponseBody> file(String name, BoardExports.Format format,
      StreamingResponseBody body) {
    return ResponseEntity.ok()
        .contentType(format == BoardExports.Format.CSV ? CSV : XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(name + "." + format.name().toLowerCase(Locale.ROOT)).build().toString())
        .body(body);
  }

  private static BoardExports.Format format(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> BoardExports.Format.CSV;
      case "xlsx" -> BoardExports.Format.XLSX;
      default -> throw ApiException.notFound("board.export.format", format);
    };
  }

  private Period period(String text) {
    return text == null || text.isBlank() ? Period.monthOf(LocalDate.now(clock)) : Period.parse(text);
  }
}

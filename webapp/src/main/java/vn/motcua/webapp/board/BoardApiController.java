package vn.motcua.webapp.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;
import vn.motcua.webapp.system.MotcuaProperties;

@RestController
@RequestMapping("/api/v1/board")
@Tag(name = "Giám sát / Supervision board")
@SecurityRequirement(name = "basic")
class BoardApiController {

  private final BoardService board;
  private final ServiceIndex index;
  private final IndexInputs inputs;
  private final java.time.Clock clock;
  private final int pageSize;

  BoardApiController(BoardService board, ServiceIndex index, IndexInputs inputs, java.time.Clock clock,
      MotcuaProperties properties) {
    this.board = board;
    this.index = index;
    this.inputs = inputs;
    this.clock = clock;
    this.pageSize = properties.board().pageSize();
  }

  @GetMapping("/lists/{list}")
  @Operation(summary = "Danh sách theo dõi / A live list: overdue, due-soon, paused, escalated",
      description = "Unfinished dossiers of the caller's jurisdiction. Filters: unit, level, agency (holding it now), "
          + "sector, procedure, officer, dueDays (N of due-soon, 1–30).")
  BoardQueries.Page list(@PathVariable String list, @RequestParam Map<String, String> params,
      @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal Staff staff) {
    if (page < 0) {
      throw ApiException.badRequest("error.page");
    }
    return board.list(staff, BoardList.ofSlug(list), BoardFilter.of(params), page, pageSize);
  }

  @GetMapping("/overview")
  @Operation(summary = "Chỉ số, biểu đồ, xếp hạng / KPIs, trend, delay attribution, Decision 766 index and ranking",
      description = "period: 2026-11 (month), 2026-Q4 (quarter) or 2026 (year); default the current month. "
          + "KPI filters follow the receiving agency.")
  BoardService.Overview overview(@RequestParam(required = false) String period,
      @RequestParam Map<String, String> params, @AuthenticationPrincipal Staff staff) {
    return board.overview(staff, BoardFilter.of(params), period(period));
  }

  /** A figure of a component of the index that motcua does not observe, for one unit and month. */
  record IndexInputRequest(
      @NotBlank @Pattern(regexp = "[0-9]{2,5}") String unitCode,
      @NotBlank @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])") String month,
      @NotBlank String component,
      @NotNull @DecimalMin("0") BigDecimal numerator,
      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal denominator) {
  }

  @PostMapping("/index-inputs")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Nhập số liệu chỉ số / Enter a figure of the service index",
      description = "For reform officers: components motcua does not observe itself (the INPUT components of the "
          + "serviceIndex decision), per unit of their jurisdiction and month, as numerator / denominator.")
  Map<String, Object> enter(@Valid @RequestBody IndexInputRequest request, @AuthenticationPrincipal Staff staff) {
    if (!staff.has(Role.REFORM) && !staff.has(Role.ADMIN)) {
      throw ApiException.forbidden("board.index.reformOnly");
    }
    board.scope(staff, new BoardFilter(request.unitCode(), null, null, null, null, null, 3));
    boolean known = index.parts().stream()
        .anyMatch(p -> p.code().equals(request.component()) && "INPUT".equals(p.metric()));
    if (!known) {
      throw ApiException.badRequest("board.index.component", request.component());
    }
    if (request.numerator().compareTo(request.denominator()) > 0) {
      throw ApiException.badRequest("board.index.rate");
    }
    int month = Integer.parseInt(request.month().replace("-", ""));
    inputs.record(request.unitCode(), month, request.component(), request.numerator(), request.denominator(),
        staff.username());
    return Map.of("unitCode", request.unitCode(), "month", request.month(), "component", request.component(),
        "rate", request.numerator().doubleValue() / request.denominator().doubleValue());
  }

  private Period period(String text) {
    return text == null || text.isBlank() ? Period.monthOf(java.time.LocalDate.now(clock)) : Period.parse(text);
  }
}

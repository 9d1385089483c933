package vn.motcua.webapp.board;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.webapp.catalog.Procedure;
import vn.motcua.webapp.catalog.ProcedureCatalog;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;
import vn.motcua.webapp.system.MotcuaProperties;

/** The supervisor's board page: filters, KPIs, live lists, charts, delay attribution, the index and ranking. */
@Controller
@RequestMapping("/board")
class BoardController {

  private final BoardService board;
  private final ProcedureCatalog catalog;
  private final MessageSource messages;
  private final java.time.Clock clock;
  private final int pageSize;

  BoardController(BoardService board, ProcedureCatalog catalog, MessageSource messages, java.time.Clock clock,
      MotcuaProperties properties) {
    this.board = board;
    this.catalog = catalog;
    this.messages = messages;
    this.clock = clock;
    this.pageSize = properties.board().pageSize();
  }

  @GetMapping
  String page(@RequestParam(defaultValue = "overdue") String list, @RequestParam(required = false) String period,
      @RequestParam(defaultValue = "0") int page, @RequestParam Map<String, String> params,
      @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response) {
    BoardFilter filter;
    Period chosen;
    BoardList shown;
    try {
      filter = BoardFilter.of(params);
      chosen = period == null || period.isBlank() ? Period.monthOf(LocalDate.now(clock)) : Period.parse(period);
      shown = BoardList.ofSlug(list);
      if (page < 0) {
        throw ApiException.badRequest("error.page");
      }
      board.scope(staff, filter);
    } catch (ApiException invalid) {
      if (invalid.status().value() == 403 && !params.containsKey("unit")) {
        throw invalid;
      }
      // a wrong filter is said on the page, which shows the unfiltered board
      response.setStatus(invalid.status().value());
      model.addAttribute("error", messages.getMessage(invalid.messageKey(), invalid.arguments(),
          invalid.messageKey(), LocaleContextHolder.getLocale()));
      filter = BoardFilter.none();
      chosen = Period.monthOf(LocalDate.now(clock));
      shown = BoardList.OVERDUE;
      page = 0;
    }
    Locale locale = LocaleContextHolder.getLocale();
    BoardService.Overview overview = board.overview(staff, filter, chosen);
    model.addAttribute("staff", staff);
    model.addAttribute("filter", filter);
    model.addAttribute("overview", overview);
    model.addAttribute("list", shown);
    model.addAttribute("lists", BoardList.values());
    model.addAttribute("counts", board.counts(staff, filter));
    model.addAttribute("rows", board.list(staff, shown, filter, page, pageSize));
    model.addAttribute("periodLabel", exportsText(chosen, locale));
    model.addAttribute("periods", periods(chosen));
    BoardScope root = board.rootScope(staff);
    model.addAttribute("root", root);
    model.addAttribute("units", board.unitsBelow(root, chosen));
    model.addAttribute("agencies", board.agencies(overview.scope(), chosen));
    model.addAttribute("procedures", catalog.procedures().stream()
        .sorted(java.util.Comparator.comparing(Procedure::code)).toList());
    model.addAttribute("sectors", catalog.procedures().stream().map(Procedure::sector).distinct().sorted().toList());
    model.addAttribute("query", query(params, chosen));
    model.addAttribute("trendChart", BoardCharts.onTimeTrend(overview.trend(), text("board.chart.onTime"), locale));
    model.addAttribute("volumeChart", BoardCharts.receivedVersusFinished(overview.trend(),
        text("board.chart.volume"), text("board.column.received"), text("board.column.finished")));
    model.addAttribute("unitsChart", BoardCharts.unitsOnTime(overview.units(), text("board.chart.units"), locale));
    return "board";
  }

  /** The filter and period as a query string, for the tabs, pages and export links. */
  private static String query(Map<String, String> params, Period period) {
    StringBuilder query = new StringBuilder("period=" + period.label());
    for (String name : List.of("unit", "level", "agency", "sector", "procedure", "officer", "dueDays")) {
      String value = params.get(name);
      if (value != null && !value.isBlank()) {
        query.append('&').append(name).append('=')
            .append(java.net.URLEncoder.encode(value.trim(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return query.toString();
  }

  /** The periods offered: the last twelve months, the last four quarters and the last two years. */
  private Map<String, String> periods(Period chosen) {
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> periods = new LinkedHashMap<>();
    YearMonth month = YearMonth.now(clock);
    for (int i = 0; i < 12; i++) {
      Period p = Period.parse(month.minusMonths(i).toString());
      periods.put(p.label(), exportsText(p, locale));
    }
    List<Period> longer = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      YearMonth m = month.minusMonths(3L * i);
      longer.add(Period.parse(m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1)));
    }
    longer.add(Period.parse(String.valueOf(month.getYear())));
    longer.add(Period.parse(String.valueOf(month.getYear() - 1)));
    longer.forEach(p -> periods.put(p.label(), exportsText(p, locale)));
    periods.putIfAbsent(chosen.label(), exportsText(chosen, locale));
    return periods;
  }

  private String exportsText(Period period, Locale locale) {
    return switch (period.kind()) {
      case MONTH -> messages.getMessage("board.period.month", new Object[] {period.start().getMonthValue(),
          String.valueOf(period.start().getYear())}, locale);
      case QUARTER -> messages.getMessage("board.period.quarter", new Object[] {
          (period.start().getMonthValue() - 1) / 3 + 1, String.valueOf(period.start().getYear())}, locale);
      case YEAR -> messages.getMessage("board.period.year", new Object[] {String.valueOf(period.start().getYear())},
          locale);
    };
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}

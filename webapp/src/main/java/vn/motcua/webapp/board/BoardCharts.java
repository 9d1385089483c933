package vn.motcua.webapp.board;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The board's charts as inline SVG, drawn on the server: light on a phone, readable without scripts, and every
 * figure also given as text (each mark has a title, each chart a description).
 */
final class BoardCharts {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 220;
  private static final int LEFT = 44;
  private static final int BOTTOM = 28;
  private static final int TOP = 12;

  private BoardCharts() {
  }

  /** The share finished on time or early, month by month (a gap where nothing was finished). */
  static String onTimeTrend(List<BoardQueries.MonthPoint> points, String title, Locale locale) {
    StringBuilder svg = open(title);
    axisPercent(svg);
    double step = (WIDTH - LEFT - 10.0) / Math.max(1, points.size() - 1);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      BoardQueries.MonthPoint p = points.get(i);
      double x = LEFT + i * step;
      monthLabel(svg, x, p);
      Double share = p.onTimeShare();
      if (share == null) {
        continue;
      }
      double y = y(share);
      line.append(line.isEmpty() ? "M" : " L").append(fmt(x)).append(',').append(fmt(y));
      svg.append("<circle class=\"dot\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
          .append("\" r=\"3.5\"><title>").append(esc(p.month() + ": " + BoardExports.share(share, locale)))
          .append("</title></circle>");
    }
    if (!line.isEmpty()) {
      svg.insert(svg.indexOf("<g class=\"axis\">"), "<path class=\"line\" d=\"" + line + "\"/>");
    }
    return svg.append("</svg>").toString();
  }

  /** Received and finished, month by month, side by side. */
  static String receivedVersusFinished(List<BoardQueries.MonthPoint> points, String title, String received,
      String finished) {
    StringBuilder svg = open(title);
    long max = Math.max(1, points.stream().mapToLong(p -> Math.max(p.received(), p.finished())).max().orElse(1));
    axisCount(svg, max);
    double slot = (WIDTH - LEFT - 10.0) / Math.max(1, points.size());
    double bar = Math.max(2, slot * 0.35);
    for (int i = 0; i < points.size(); i++) {
      BoardQueries.MonthPoint p = points.get(i);
      double x = LEFT + i * slot + slot * 0.12;
      bar(svg, "received", x, p.received(), max, bar, p.month() + " " + received + ": " + p.received());
      bar(svg, "finished", x + bar, p.finished(), max, bar, p.month() + " " + finished + ": " + p.finished());
      monthLabel(svg, LEFT + i * slot + slot / 2, p);
    }
    legend(svg, received, finished);
    return svg.append("</svg>").toString();
  }

  /** Each unit's share finished on time or early, as horizontal bars. */
  static String unitsOnTime(List<BoardService.UnitFigures> units, String title, Locale locale) {
    int rowHeight = 22;
    int height = Math.max(60, units.size() * rowHeight + 20);
    StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + height
        + "\" role=\"img\" aria-label=\"" + esc(title) + "\"><title>" + esc(title) + "</title>");
    int labelWidth = 200;
    for (int i = 0; i < units.size(); i++) {
      BoardService.UnitFigures unit = units.get(i);
      Double share = unit.kpis().onTimeShare();
      double y = 10 + i * rowHeight;
      svg.append("<text class=\"label\" x=\"").append(labelWidth - 6).append("\" y=\"").append(fmt(y + 14))
          .append("\" text-anchor=\"end\">").append(esc(unit.name())).append("</text>");
      double width = share == null ? 0 : (WIDTH - labelWidth - 70) * share;
      svg.append("<rect class=\"bar ").append(share != null && share < 0.9 ? "low" : "ok").append("\" x=\"")
          .append(labelWidth).append("\" y=\"").append(fmt(y + 3)).append("\" width=\"").append(fmt(width))
          .append("\" height=\"15\"><title>").append(esc(unit.name() + ": " + BoardExports.share(share, locale)))
          .append("</title></rect>");
      svg.append("<text class=\"value\" x=\"").append(fmt(labelWidth + width + 6)).append("\" y=\"")
          .append(fmt(y + 14)).append("\">").append(esc(BoardExports.share(share, locale))).append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title) {
    return new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\""
        + " aria-label=\"" + esc(title) + "\"><title>" + esc(title) + "</title>");
  }

  private static void axisPercent(StringBuilder svg) {
    svg.append("<g class=\"axis\">");
    for (int pct = 0; pct <= 100; pct += 25) {
      double y = y(pct / 100.0);
      svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 6).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\"/><text x=\"").append(LEFT - 6).append("\" y=\"")
          .append(fmt(y + 4)).append("\" text-anchor=\"end\">").append(pct).append("%</text>");
    }
    svg.append("</g>");
  }

  private static void axisCount(StringBuilder svg, long max) {
    svg.append("<g class=\"axis\">");
    for (int i = 0; i <= 4; i++) {
      double y = HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * i / 4.0;
      svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 6).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\"/><text x=\"").append(LEFT - 6).append("\" y=\"")
          .append(fmt(y + 4)).append("\" text-anchor=\"end\">").append(Math.round(max * i / 4.0)).append("</text>");
    }
    svg.append("</g>");
  }

  private static void bar(StringBuilder svg, String css, double x, long value, long max, double width,
      String title) {
    double height = (HEIGHT - BOTTOM - TOP) * (double) value / max;
    svg.append("<rect class=\"bar ").append(css).append("\" x=\"").append(fmt(x)).append("\" y=\"")
        .append(fmt(HEIGHT - BOTTOM - height)).append("\" width=\"").append(fmt(width)).append("\" height=\"")
        .append(fmt(height)).append("\"><title>").append(esc(title)).append("</title></rect>");
  }

  private static void legend(StringBuilder svg, String received, String finished) {
    svg.append("<g class=\"legend\"><rect class=\"bar received\" x=\"").append(WIDTH - 200)
        .append("\" y=\"2\" width=\"10\" height=\"10\"/><text x=\"").append(WIDTH - 186).append("\" y=\"11\">")
        .append(esc(received)).append("</text><rect class=\"bar finished\" x=\"").append(WIDTH - 100)
        .append("\" y=\"2\" width=\"10\" height=\"10\"/><text x=\"").append(WIDTH - 86).append("\" y=\"11\">")
        .append(esc(finished)).append("</text></g>");
  }

  private static void monthLabel(StringBuilder svg, double x, BoardQueries.MonthPoint p) {
    svg.append("<text class=\"label\" x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - 8)
        .append("\" text-anchor=\"middle\">").append(String.format("%02d/%02d", p.month().getMonthValue(),
            p.month().getYear() % 100)).append("</text>");
  }

  private static double y(double share) {
    return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * share;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text);
  }
}

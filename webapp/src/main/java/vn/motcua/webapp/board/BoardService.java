package vn.motcua.webapp.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.place.AdminUnit;
import vn.motcua.webapp.place.Places;

/**
 * What a supervisor's board shows for a scope, filter and period: the live lists, the KPIs of the unit and of each
 * unit below it, the trend, delay attribution, and the Decision 766 index with the ranking of the units below.
 */
@Service
@Transactional(readOnly = true)
public class BoardService {

  private final BoardScopes scopes;
  private final BoardQueries queries;
  private final ServiceIndex index;
  private final IndexInputs inputs;
  private final Places places;

  BoardService(BoardScopes scopes, BoardQueries queries, ServiceIndex index, IndexInputs inputs, Places places) {
    this.scopes = scopes;
    this.queries = queries;
    this.index = index;
    this.inputs = inputs;
    this.places = places;
  }

  /** The scope of this person's board, narrowed to the filter's unit when it names one inside it. */
  public BoardScope scope(Staff staff, BoardFilter filter) {
    return scopes.narrow(scopes.of(staff), filter.unit());
  }

  public BoardQueries.Page list(Staff staff, BoardList list, BoardFilter filter, int page, int size) {
    return queries.list(list, scope(staff, filter), filter, page, size);
  }

  /** The supervisor's whole scope, before any narrowing to a unit. */
  public BoardScope rootScope(Staff staff) {
    return scopes.of(staff);
  }

  /** The units a supervisor may narrow the board to: those of the period (districts before July 2025, not after). */
  public List<AdminUnit> unitsBelow(BoardScope root, Period period) {
    return places.below(root.code(), period.start(), period.end());
  }

  /** How many dossiers each live list holds. */
  public Map<BoardList, Long> counts(Staff staff, BoardFilter filter) {
    BoardScope scope = scope(staff, filter);
    Map<BoardList, Long> counts = new java.util.EnumMap<>(BoardList.class);
    for (BoardList list : BoardList.values()) {
      counts.put(list, queries.count(list, scope, filter));
    }
    return counts;
  }

  /** Every row of a live list, for an export. */
  public void forEach(Staff staff, BoardList list, BoardFilter filter, java.util.function.Consumer<BoardRow> rows) {
    queries.forEach(list, scope(staff, filter), filter, rows);
  }

  /** The agencies of the period whose dossiers count in the scope, for the filter. */
  public List<vn.motcua.webapp.place.Agency> agencies(BoardScope scope, Period period) {
    return places.agencies(period.start(), period.end()).stream()
        .filter(agency -> scope.everywhere() || places.unitOf(agency.getCode()).map(unit -> switch (scope.level()) {
          case PROVINCE -> scope.code().equals(unit.provinceCode());
          case DISTRICT -> scope.code().equals(unit.districtCode());
          case COMMUNE -> scope.code().equals(unit.code());
        }).orElse(false))
        .sorted(Comparator.comparing(vn.motcua.webapp.place.Agency::getCode))
        .toList();
  }

  /** A unit's figures for the report and the bars: the whole scope first, then each unit right below it. */
  public record UnitFigures(String code, String name, Kpis kpis) {
  }

  /**
   * A unit's place in the ranking of its part (equal totals share a rank). The parts follow the structure of the
   * period: that time's districts (or, on a district's board, its communes) before 1 July 2025; today's communes and
   * wards after; the province's departments; the provinces on the national board. A period that spans the change has
   * both, each ranked apart.
   */
  public record Ranked(int rank, ServiceIndex.Result result, Part part) {
  }

  /** The parts a ranking falls into, in the order the board shows them. */
  public enum Part { COMMUNES, DEPARTMENTS, THREE_LEVEL, PROVINCES }

  public record Overview(BoardScope scope, Period period, Kpis kpis, List<UnitFigures> units,
                         List<BoardQueries.MonthPoint> trend, List<BoardQueries.Delay> delays,
                         ServiceIndex.Result index, List<Ranked> ranking,
                         List<BoardQueries.Reception> reception) {

    /**
     * What the page says of the ranking's structure: "spans" when the period has parts before and after 1 July 2025,
     * "historical" when it ranks the three-level structure only; none for today's.
     */
    public String structureNote() {
      java.util.Set<Part> parts = ranking.stream().map(Ranked::part).collect(java.util.stream.Collectors.toSet());
      if (!parts.contains(Part.THREE_LEVEL)) {
        return null;
      }
      return parts.contains(Part.COMMUNES) ? "spans" : "historical";
    }
  }

  public Overview overview(Staff staff, BoardFilter filter, Period period) {
    BoardScope scope = scope(staff, filter);
    BoardQueries.Figures figures = queries.figures(scope, filter, period);
    Kpis total = figures.total();
    List<UnitFigures> units = figures.byUnit().entrySet().stream()
        .filter(e -> e.getKey() != null)
        .map(e -> new UnitFigures(e.getKey(), scopes.unitName(e.getKey()), e.getValue()))
        .sorted(Comparator.comparing(UnitFigures::code))
        .toList();

    List<ServiceIndex.Part> parts = index.parts();
    List<vn.motcua.webapp.catalog.Procedure> procedures = index.procedures();
    List<String> codes = new ArrayList<>(units.stream().map(UnitFigures::code).toList());
    if (!scope.everywhere()) {
      codes.add(scope.code());
    }
    Map<String, Map<String, ServiceIndex.Rate>> entered = inputs.rates(codes, period);
    ServiceIndex.Result own = index.score(parts, procedures, scope.code(), scope.everywhere() ? null : scope.name(),
        scope.level(), total, entered.getOrDefault(scope.code(), Map.of()));

    // rank the units one level below the scope in force during the period (a district of the past with a dossier still
    // open today is not ranked among today's communes), each part apart (the province's own dossiers of before the
    // handling agency was recorded, and a district's own divisions, are not among them)
    Map<Part, List<ServiceIndex.Result>> byPart = new java.util.EnumMap<>(Part.class);
    units.stream()
        .filter(u -> !u.code().equals(scope.code()) && places.inForceDuring(u.code(), period.start(), period.end()))
        .forEach(u -> byPart.computeIfAbsent(part(scope, u.code()), p -> new ArrayList<>())
            .add(index.score(parts, procedures, u.code(), u.name(), level(u.code()), u.kpis(),
                entered.getOrDefault(u.code(), Map.of()))));
    List<Ranked> ranking = new ArrayList<>();
    byPart.forEach((part, scored) -> {
      List<ServiceIndex.Result> results = scored.stream()
          .sorted(Comparator.comparingDouble(ServiceIndex.Result::total).reversed()
              .thenComparing(ServiceIndex.Result::unitCode))
          .toList();
      int first = ranking.size();
      for (int i = 0; i < results.size(); i++) {
        boolean tie = i > 0 && results.get(i).total() == results.get(i - 1).total();
        ranking.add(new Ranked(tie ? ranking.get(first + i - 1).rank() : i + 1, results.get(i), part));
      }
    });
    return new Overview(scope, period, total, units, figures.trend(), queries.delays(scope, filter, period), own,
        ranking, queries.reception(agencies(scope, period), period));
  }

  /** A unit's level; a department's is its agency's (the province). */
  private AdminUnit.Level level(String unitCode) {
    return places.unit(unitCode).map(AdminUnit::getLevel)
        .or(() -> places.agency(unitCode).map(vn.motcua.webapp.place.Agency::getLevel)).orElse(null);
  }

  /** Which part of the ranking a unit right below the scope belongs to. */
  private Part part(BoardScope scope, String code) {
    if (scope.everywhere()) {
      return Part.PROVINCES;
    }
    if (scope.level() == AdminUnit.Level.DISTRICT) {
      return Part.THREE_LEVEL;
    }
    return places.unit(code).map(unit -> unit.getLevel() == AdminUnit.Level.DISTRICT ? Part.THREE_LEVEL
        : Part.COMMUNES).orElse(Part.DEPARTMENTS);
  }
}

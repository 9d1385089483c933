package vn.motcua.webapp.board;

import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.people.AgencyRole;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.place.AdminUnit;
import vn.motcua.webapp.place.Places;
import vn.motcua.webapp.system.ApiException;

/**
 * Whose board is whose: a supervisor (or reform officer) sees the unit of the agency they supervise for — the
 * province sees everything in it, a district its own dossiers and its communes'; administrators see everything.
 */
@Component
public class BoardScopes {

  private final Places places;

  BoardScopes(Places places) {
    this.places = places;
  }

  public BoardScope of(Staff staff) {
    if (staff.has(Role.ADMIN)) {
      return BoardScope.EVERYWHERE;
    }
    if (!staff.has(Role.SUPERVISOR) && !staff.has(Role.REFORM)) {
      throw ApiException.forbidden("board.forbidden");
    }
    return staff.agencies().stream()
        .filter(agency -> staff.inGroup(AgencyRole.SUPERVISION.groupOf(agency)))
        .flatMap(agency -> places.agency(agency).stream())
        .flatMap(agency -> places.unit(agency.getAdminUnitCode()).stream())
        .min(Comparator.comparing(AdminUnit::getLevel))
        .map(unit -> new BoardScope(unit.getLevel(), unit.getCode(), unit.getName()))
        .orElseThrow(() -> ApiException.forbidden("board.forbidden"));
  }

  /** The scope narrowed to a unit inside it (a district or commune), or a 403 when the unit is outside it. */
  public BoardScope narrow(BoardScope scope, String unitCode) {
    if (unitCode == null || unitCode.isBlank() || unitCode.equals(scope.code())) {
      return scope;
    }
    AdminUnit unit = places.unit(unitCode)
        .orElseThrow(() -> ApiException.badRequest("board.unit.unknown", unitCode));
    if (!scope.everywhere() && !within(unit, scope.code())) {
      throw ApiException.forbidden("board.unit.outside", unitCode);
    }
    return new BoardScope(unit.getLevel(), unit.getCode(), unit.getName());
  }

  /** The name of a unit the board groups by (a province, district or commune code, or a department's agency). */
  public String unitName(String code) {
    return places.unit(code).map(AdminUnit::getName)
        .or(() -> places.agency(code).map(vn.motcua.webapp.place.Agency::getName)).orElse(code);
  }

  private boolean within(AdminUnit unit, String ancestor) {
    Optional<AdminUnit> current = Optional.of(unit);
    while (current.isPresent()) {
      if (current.get().getCode().equals(ancestor)) {
        return true;
      }
      current = places.unit(current.get().getParentCode());
    }
    return false;
  }
}

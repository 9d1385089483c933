package vn.motcua.webapp.dossier;

import org.springframework.stereotype.Component;
import vn.motcua.webapp.people.AgencyRole;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.place.Places;

/**
 * Who may see a dossier: its applicant's account, officers of the agencies it has passed through, supervisors
 * whose agency's administrative unit contains the unit where the dossier counts (its receiving agency's), and
 * administrators.
 */
@Component
public class DossierAccess {

  private final DossierStageRepository stages;
  private final Places places;

  DossierAccess(DossierStageRepository stages, Places places) {
    this.stages = stages;
    this.places = places;
  }

  public boolean canView(Staff staff, Dossier dossier) {
    if (staff.has(Role.ADMIN) || staff.has(Role.WORKER) || staff.username().equals(dossier.getSubmittedBy())) {
      return true; // workers act for the engine on every dossier (the document to sign, ...)
    }
    if (staff.has(Role.OFFICER) && (staff.worksFor(dossier.getReceivingAgency())
        || stages.existsByDossierIdAndAgencyCodeIn(dossier.getId(), staff.agencies()))) {
      return true;
    }
    return (staff.has(Role.SUPERVISOR) || staff.has(Role.REFORM)) && inJurisdiction(staff, dossier);
  }

  /** The applicant, or the counter that received the dossier on the applicant's behalf. */
  boolean canSupplement(Staff staff, Dossier dossier) {
    return staff.username().equals(dossier.getSubmittedBy())
        || staff.inGroup(AgencyRole.COUNTER.groupOf(dossier.getReceivingAgency()));
  }

  private boolean inJurisdiction(Staff staff, Dossier dossier) {
    return staff.agencies().stream()
        .filter(agency -> staff.inGroup(AgencyRole.SUPERVISION.groupOf(agency)))
        .flatMap(agency -> places.agency(agency).stream())
        .map(agency -> agency.getAdminUnitCode())
        .anyMatch(unit -> unit.equals(dossier.getUnitProvince()) || unit.equals(dossier.getUnitDistrict())
            || unit.equals(dossier.getUnitCode()));
  }
}

package vn.motcua.webapp.dossier;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Writes and reads a dossier's audit trail; every feature that changes a dossier records through it. */
@Component
public class DossierJournal {

  private final DossierAuditRepository audits;
  private final Clock clock;

  DossierJournal(DossierAuditRepository audits, Clock clock) {
    this.audits = audits;
    this.clock = clock;
  }

  public void record(Dossier dossier, String actor, DossierAudit.Action action, String step, String detail) {
    record(dossier.getId(), actor, action, step, detail);
  }

  void record(Long dossierId, String actor, DossierAudit.Action action, String step, String detail) {
    audits.save(new DossierAudit(dossierId, clock.instant(), actor, action, step, detail));
  }

  List<DossierAudit> trail(Long dossierId) {
    return audits.findByDossierIdOrderByAtAscIdAsc(dossierId);
  }
}

package vn.motcua.webapp.dossier;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes and reads a dossier's audit trail; every feature that changes a dossier records through it. Entries are
 * only ever added, in the transaction of the change they record: written with a plain insert (a dozen per dossier
 * step), not kept as managed entities.
 */
@Component
public class DossierJournal {

  private final DossierAuditRepository audits;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  DossierJournal(DossierAuditRepository audits, JdbcTemplate jdbc, Clock clock) {
    this.audits = audits;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(Dossier dossier, String actor, DossierAudit.Action action, String step, String detail) {
    record(dossier.getId(), actor, action, step, detail);
  }

  void record(Long dossierId, String actor, DossierAudit.Action action, String step, String detail) {
    jdbc.update("insert into dossier_audit (dossier_id, occurred_at, actor, action, step, detail)"
        + " values (?, ?, ?, ?, ?, ?)", dossierId, Timestamp.from(clock.instant()), actor, action.name(), step,
        detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...");
  }

  List<DossierAudit> trail(Long dossierId) {
    return audits.findByDossierIdOrderByAtAscIdAsc(dossierId);
  }
}

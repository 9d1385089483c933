package vn.motcua.webapp.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierChanged;

/**
 * Queues what the national portal must learn of a dossier, in the transaction that changed it: if the change is
 * rolled back, so is the event; if it commits, the event is there to deliver, whatever happens to this node. Each
 * dossier's events are numbered ({@code seq}) from its own row, whose version guards concurrent changes, so their
 * order is the order of the changes.
 */
@Component
class PortalOutbox {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  PortalOutbox(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  void changed(DossierChanged change) {
    Dossier dossier = change.dossier();
    jdbc.update("insert into portal_outbox (dossier_id, receipt_code, seq, status, stage, step, agency, deadline,"
            + " occurred_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        dossier.getId(), dossier.getReceiptCode(), dossier.nextSyncSeq(), dossier.getStatus().name(),
        dossier.getCurrentStage(), dossier.getCurrentStep(), dossier.getCurrentAgency(),
        timestamp(dossier.getDeadline()), timestamp(clock.instant()), Timestamp.from(Instant.now()));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}

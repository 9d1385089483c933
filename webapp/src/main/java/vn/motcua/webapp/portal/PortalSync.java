package vn.motcua.webapp.portal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.workers.JsonApi;
import vn.motcua.workers.SystemsSettings;

/**
 * Delivers the outbox to the national portal, each dossier's events in order: only the oldest undelivered event of a
 * dossier is ever sent, so a later one never overtakes it. A node leases an event before it sends it (several nodes
 * may deliver side by side); a failed attempt waits longer each time (10 s doubling, at most 10 minutes) and is
 * tried again for as long as it takes; an event the portal refuses for good stays, blocking its dossier's later
 * events, until an operator deals with it. The idempotency key (receipt code and seq) makes a repeat harmless.
 */
@Component
@ConditionalOnProperty(prefix = "motcua.portal", name = "sync-enabled", havingValue = "true", matchIfMissing = true)
class PortalSync {

  private static final Logger LOG = LoggerFactory.getLogger(PortalSync.class);
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final JdbcTemplate jdbc;
  private final JsonApi portal;
  private final long firstWaitMillis;

  PortalSync(JdbcTemplate jdbc, SystemsSettings settings,
      @Value("${motcua.portal.first-retry-millis:10000}") long firstWaitMillis) {
    this.jdbc = jdbc;
    this.portal = new JsonApi(settings.portalUrl(), settings.portalApiKey(), settings.timeoutMillis());
    this.firstWaitMillis = firstWaitMillis;
  }

  /** Delivers what is due; returns how many events the portal took. */
  @Scheduled(fixedDelayString = "${motcua.portal.sync-delay-millis:2000}")
  int deliver() {
    Timestamp now = Timestamp.from(Instant.now());
    List<Map<String, Object>> due = jdbc.queryForList("""
        select e.id, e.receipt_code, e.seq, e.status, e.stage, e.step, e.agency, e.deadline, e.occurred_at,
               e.attempts
        from portal_outbox e
        where e.delivered_at is null and e.refused_at is null and e.next_attempt_at <= ?
          and (e.leased_until is null or e.leased_until < ?)
          and not exists (select 1 from portal_outbox p where p.dossier_id = e.dossier_id and p.seq < e.seq
                          and p.delivered_at is null)
        order by e.id
        fetch first 100 rows only""", now, now);
    int delivered = 0;
    for (Map<String, Object> event : due) {
      long id = ((Number) event.get("id")).longValue();
      if (!lease(id)) {
        continue; // another node took it
      }
      delivered += send(id, event) ? 1 : 0;
    }
    return delivered;
  }

  private boolean lease(long id) {
    Timestamp now = Timestamp.from(Instant.now());
    return jdbc.update("update portal_outbox set leased_until = ?, attempts = attempts + 1 where id = ?"
        + " and delivered_at is null and (leased_until is null or leased_until < ?)",
        Timestamp.from(Instant.now().plus(LEASE)), id, now) == 1;
  }

  private boolean send(long id, Map<String, Object> event) {
    String code = (String) event.get("receipt_code");
    int seq = ((Number) event.get("seq")).intValue();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("seq", seq);
    body.put("status", event.get("status"));
    body.put("stage", event.get("stage"));
    body.put("step", event.get("step"));
    body.put("agency", event.get("agency"));
    body.put("deadline", text(event.get("deadline")));
    body.put("occurredAt", text(event.get("occurred_at")));
    try {
      portal.post("/dossiers/" + code + "/events", body, code + "." + seq);
      jdbc.update("update portal_outbox set delivered_at = ?, leased_until = null, last_error = null where id = ?",
          Timestamp.from(Instant.now()), id);
      return true;
    } catch (JsonApi.Refused refused) {
      LOG.error("The national portal refused event {} of {} for good: {}", seq, code, refused.getMessage());
      jdbc.update("update portal_outbox set refused_at = ?, leased_until = null, last_error = ? where id = ?",
          Timestamp.from(Instant.now()), truncate(refused.getMessage()), id);
    } catch (IOException | RuntimeException failed) {
      int attempts = ((Number) event.get("attempts")).intValue() + 1;
      Duration wait = Duration.ofMillis(Math.min(600_000, firstWaitMillis << Math.min(6, attempts - 1)));
      LOG.warn("Event {} of {} not delivered to the national portal (attempt {}), next in {} ms: {}", seq, code,
          attempts, wait.toMillis(), failed.getMessage());
      jdbc.update("update portal_outbox set next_attempt_at = ?, leased_until = null, last_error = ? where id = ?",
          Timestamp.from(Instant.now().plus(wait)), truncate(String.valueOf(failed.getMessage())), id);
    }
    return false;
  }

  private static String text(Object timestamp) {
    return timestamp instanceof Timestamp t ? t.toInstant().toString()
        : timestamp instanceof java.time.OffsetDateTime o ? o.toInstant().toString()
        : timestamp == null ? null : timestamp.toString();
  }

  private static String truncate(String message) {
    return message.length() > 600 ? message.substring(0, 600) : message;
  }
}

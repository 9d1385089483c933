package vn.motcua.webapp.soak;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.workers.simulator.Simulators;

/**
 * What the database and the other systems hold after a soak, dossier by dossier: every dossier finished with the same
 * trail, documents, notices and portal events as every other, each side effect once, and the engine idle.
 */
record Accounting(JdbcTemplate db, Simulators systems, Set<String> known) {

  /** Prints the accounting, claim by claim; the claims that did not hold. */
  List<String> failures() {
    List<String> failures = new ArrayList<>();
    Map<String, Long> byStatus = new TreeMap<>();
    db.queryForList("select status, count(*) n from dossier group by status")
        .forEach(row -> byStatus.put((String) row.get("status"), ((Number) row.get("n")).longValue()));
    long dossiers = byStatus.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("Dossiers by status: %s%n", byStatus);
    check(failures, dossiers == known.size() && byStatus.getOrDefault("RESULT_RETURNED", 0L) == dossiers,
        "every dossier recorded is known to its officers and finished with its result returned");
    Set<String> stored = Set.copyOf(db.queryForList("select receipt_code from dossier", String.class));
    check(failures, stored.containsAll(known), "every dossier an officer was given a receipt code for is stored");

    // every dossier went the same way, so each must have the same trail, documents and portal events
    check(failures, same("trail", "select d.receipt_code, a.action || coalesce(' ' || a.step, '') from dossier d "
        + "join dossier_audit a on a.dossier_id = d.id"), "the same audit trail for every dossier, no entry twice");
    check(failures, same("documents", "select d.receipt_code, x.kind from dossier d "
        + "join dossier_document x on x.dossier_id = d.id"), "the same documents for every dossier, none twice");
    check(failures, same("portal events", "select receipt_code, status from portal_outbox"),
        "the same portal events for every dossier");
    long portalDelivered = known.stream().mapToLong(code -> systems.portal().events(code).size()).sum();
    long outbox = db.queryForObject("select count(*) from portal_outbox", Long.class);
    System.out.printf("Portal: %d events in the outbox, %d taken by the portal (each once, in order), %s%n",
        outbox, portalDelivered, systems.portal().counters());
    check(failures, portalDelivered == outbox, "the portal took every event of every dossier exactly once");

    Map<String, Long> smsPerKey = systems.sms().sent().stream()
        .collect(Collectors.groupingBy(sms -> String.valueOf(sms.idempotencyKey()), Collectors.counting()));
    System.out.printf("SMS: %d sent, %d distinct notices, %s%n", systems.sms().sent().size(), smsPerKey.size(),
        systems.sms().counters());
    check(failures, smsPerKey.size() == known.size() * 2L && smsPerKey.values().stream().allMatch(n -> n == 1),
        "two SMS per dossier, each sent once (a repeat after a kill answered from the first time)");
    Map<String, Long> mailPerId = new TreeMap<>();
    for (MimeMessage mail : systems.mails()) {
      try {
        mailPerId.merge(mail.getMessageID(), 1L, Long::sum);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    long resent = mailPerId.values().stream().filter(n -> n > 1).count();
    System.out.printf("E-mail: %d delivered, %d distinct notices (Message-ID), %d delivered again after a kill%n",
        systems.mails().size(), mailPerId.size(), resent);
    check(failures, mailPerId.size() == known.size() * 2L,
        "two notices per dossier by e-mail (received, result ready), each with its own Message-ID");
    System.out.printf("Signatures made: %s%n", systems.signing().counters());

    db.queryForList("select e.business_key_ dossier, x.act_id_ step, x.topic_name_ topic, x.retries_ retries, "
        + "x.error_msg_ error, x.lock_exp_time_ locked_until from act_ru_ext_task x "
        + "left join act_ru_execution e on e.id_ = x.proc_inst_id_").forEach(row -> System.out.printf(
        "  waiting for a worker: %s%n", row));
    db.queryForList("select activity_id_ step, incident_msg_ message from act_ru_incident").forEach(row ->
        System.out.printf("  incident: %s%n", row));
    for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_job", "act_ru_ext_task",
        "act_ru_incident")) {
      check(failures, db.queryForObject("select count(*) from " + table, Long.class) == 0,
          "the engine has nothing left in " + table);
    }
    return failures;
  }

  /** Whether every dossier has the same multiset of values; prints the ways they differ. */
  private boolean same(String what, String sql) {
    Map<String, List<String>> byDossier = new TreeMap<>();
    db.query(sql, row -> {
      byDossier.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getString(2));
    });
    Map<String, Long> shapes = byDossier.values().stream()
        .map(values -> values.stream().sorted().collect(Collectors.joining(", ")))
        .collect(Collectors.groupingBy(shape -> shape, TreeMap::new, Collectors.counting()));
    shapes.forEach((shape, count) -> System.out.printf("  %s of %d dossiers: %s%n", what, count, shape));
    return shapes.size() == 1 && byDossier.size() == known.size();
  }

  static void check(List<String> failures, boolean holds, String claim) {
    System.out.printf("%s %s%n", holds ? "  OK  " : "  FAIL", claim);
    if (!holds) {
      failures.add(claim);
    }
  }
}

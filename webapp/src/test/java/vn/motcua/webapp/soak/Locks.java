package vn.motcua.webapp.soak;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which worker process held each external task during a soak, sampled from the database every 100 ms. A sample sees
 * most locks (a task stays locked while its worker calls another system), not necessarily every one.
 */
final class Locks implements AutoCloseable {

  private final Map<String, Set<String>> externalTasks = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

  Locks(JdbcTemplate db) {
    sampler.scheduleWithFixedDelay(() -> {
      try {
        db.query("select id_, worker_id_ from act_ru_ext_task where worker_id_ is not null", row -> {
          externalTasks.computeIfAbsent(row.getString(1), id -> ConcurrentHashMap.newKeySet()).add(row.getString(2));
        });
      } catch (RuntimeException databaseBusy) {
        // the next sample
      }
    }, 0, 100, TimeUnit.MILLISECONDS);
  }

  /** External tasks seen locked, by worker (a task two workers held counts for one of them). */
  Map<String, Long> externalTasksBy() {
    Map<String, Long> counts = new TreeMap<>();
    externalTasks.values().forEach(holders -> counts.merge(holders.iterator().next(), 1L, Long::sum));
    return counts;
  }

  /** External tasks seen locked by two workers: after a lock ran out (its worker's node killed under it). */
  long externalTasksLockedTwice() {
    return externalTasks.values().stream().filter(holders -> holders.size() > 1).count();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}

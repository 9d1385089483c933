package vn.motcua.webapp.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.processes.legaltime.HolidayCalendar;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.dossier.DeadlineRecount;

/**
 * Keeps legal time as the annual files say, while the application runs: an edited file (a day off announced later, a
 * working Saturday swapped) is read within a minute, or when an administrator asks; from then on every deadline is
 * counted by it, and the open dossiers whose deadlines it moves are counted again ({@link DeadlineRecount}), each in its
 * own transaction with an entry in its trail. The change itself is recorded with the days it changed. A broken file
 * changes nothing: the calendar in force stays, and administrators are told why (CalendarCoverage).
 */
@Component
public class CalendarChanges {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarChanges.class);
  private static final int PAGE = 100;
  private static final String SYSTEM = "system";

  /** A change applied: the days whose status changed and how many open dossiers' deadlines moved. */
  public record Outcome(List<LocalDate> changedDays, int dossiersMoved) {
  }

  /** Files that cannot be read as a calendar: which and why. Nothing of them is applied. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private final CalendarFiles files;
  private final LegalCalendar calendar;
  private final DeadlineRecount deadlines;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;
  /** Why the files as they are now were refused, until they are fixed. */
  private volatile String refusal;

  CalendarChanges(CalendarFiles files, LegalCalendar calendar, DeadlineRecount deadlines, JdbcTemplate jdbc,
      TransactionTemplate transactions, ObjectMapper json, Clock clock) {
    this.files = files;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  /** Why the holiday files were refused, if they are now. */
  public Optional<String> refusal() {
    return Optional.ofNullable(refusal);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(fixedDelayString = "${motcua.legal-time.calendar-check-millis:60000}",
      initialDelayString = "${motcua.legal-time.calendar-check-millis:60000}")
  void check() {
    try {
      apply(SYSTEM);
    } catch (Refused refused) {
      LOG.error("Holiday calendar files refused, the calendar in force stays: {}", refused.getMessage());
    } catch (RuntimeException failed) {
      // e.g. two nodes recording the first calendar at once: the calendar in force stays, the next check retries
      LOG.error("Holiday calendar files could not be applied now; the next check tries again", failed);
    }
  }

  /** Reads the files and applies what changed since they were last applied (by this node or another). */
  public synchronized Outcome apply(String actor) {
    Map<Integer, CalendarFiles.YearFile> read = files.read();
    HolidayCalendar next;
    try {
      next = CalendarFiles.parse(read);
    } catch (IllegalArgumentException broken) {
      refusal = broken.getMessage();
      throw new Refused(broken.getMessage());
    }
    refusal = null;
    finishRecounts();
    String texts = write(CalendarFiles.texts(read));
    List<LocalDate> changed = transactions.execute(status -> record(next, texts, actor));
    calendar.use(next);
    int moved = changed.isEmpty() ? 0 : finishRecounts();
    if (!changed.isEmpty()) {
      LOG.warn("Holiday calendar changed on {} by {}: {} open dossiers' deadlines counted again", changed, actor, moved);
    }
    return new Outcome(changed, moved);
  }

  /** Stores the files as applied and, if days changed, the change to recount; under a lock, once across nodes. */
  private List<LocalDate> record(HolidayCalendar next, String texts, String actor) {
    Timestamp now = Timestamp.from(clock.instant());
    List<String> stored = jdbc.queryForList("select files from legal_calendar where id = 1 for update", String.class);
    if (stored.isEmpty()) {
      jdbc.update("insert into legal_calendar (id, files, applied_at) values (1, ?, ?)", texts, now);
      return List.of();
    }
    if (stored.get(0).equals(texts)) {
      return List.of();
    }
    List<LocalDate> changed = parse(stored.get(0)).changedDays(next);
    jdbc.update("update legal_calendar set files = ?, applied_at = ? where id = 1", texts, now);
    if (changed.isEmpty()) {
      return changed; // names or comments edited: no day changed
    }
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    Optional<LocalDate> firstAhead = changed.stream().filter(day -> !day.isBefore(today)).findFirst();
    jdbc.update("insert into legal_calendar_change (occurred_at, actor, changed_days, previous_files, recount_after,"
            + " finished_at) values (?, ?, ?, ?, ?, ?)", now, actor,
        changed.stream().map(LocalDate::toString).collect(Collectors.joining(", ")), stored.get(0),
        firstAhead.map(day -> Timestamp.from(day.atStartOfDay(calendar.zone()).toInstant())).orElse(null),
        firstAhead.isPresent() ? null : now);
    return changed;
  }

  /**
   * Counts again the deadlines of the open dossiers due after the first changed day still ahead, for every change not
   * yet finished (one stopped half-way included), under the calendar that change applied. Each dossier is claimed in
   * its own transaction, so nodes share the work and none is counted twice. Returns how many deadlines moved.
   */
  private int finishRecounts() {
    List<Map<String, Object>> pending = jdbc.queryForList("select id, changed_days, previous_files, recount_after,"
        + " last_dossier_id from legal_calendar_change where finished_at is null order by id");
    if (pending.isEmpty()) {
      return 0;
    }
    List<String> applied = jdbc.queryForList("select files from legal_calendar where id = 1", String.class);
    HolidayCalendar now = calendar.holidays();
    calendar.use(parse(applied.get(0)));
    int moved = 0;
    try {
      for (Map<String, Object> change : pending) {
        moved += recount(((Number) change.get("id")).longValue(), (String) change.get("changed_days"),
            calendar.with(parse((String) change.get("previous_files"))),
            ((Timestamp) change.get("recount_after")).toInstant(), ((Number) change.get("last_dossier_id")).longValue());
      }
    } finally {
      calendar.use(now);
    }
    return moved;
  }

  private int recount(long change, String days, LegalCalendar before, Instant after, long from) {
    int moved = 0;
    long last = from;
    for (List<Long> page = deadlines.openDueAfter(after, last, PAGE); !page.isEmpty();
         page = deadlines.openDueAfter(after, last, PAGE)) {
      for (long dossier : page) {
        Boolean counted = transactions.execute(status -> jdbc.update("update legal_calendar_change set last_dossier_id"
            + " = ? where id = ? and last_dossier_id < ?", dossier, change, dossier) == 1
            && deadlines.recount(dossier, before, days));
        if (Boolean.TRUE.equals(counted)) {
          jdbc.update("update legal_calendar_change set dossiers_moved = dossiers_moved + 1 where id = ?", change);
          moved++;
        }
        last = dossier;
      }
    }
    jdbc.update("update legal_calendar_change set finished_at = ? where id = ? and finished_at is null",
        Timestamp.from(clock.instant()), change);
    return moved;
  }

  private HolidayCalendar parse(String stored) {
    try {
      Map<Integer, String> texts = json.readValue(stored, new TypeReference<TreeMap<Integer, String>>() {
      });
      Map<Integer, CalendarFiles.YearFile> byYear = new TreeMap<>();
      texts.forEach((year, text) -> byYear.put(year, new CalendarFiles.YearFile("holidays-" + year + ".yaml (applied)",
          text)));
      return CalendarFiles.parse(byYear);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the applied holiday calendar cannot be read back", e);
    }
  }

  private String write(Map<Integer, String> texts) {
    try {
      return json.writeValueAsString(texts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

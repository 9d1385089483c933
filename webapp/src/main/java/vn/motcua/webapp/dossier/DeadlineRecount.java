package vn.motcua.webapp.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.processes.legaltime.RecountDeadlines;

/**
 * Counts open dossiers' deadlines again after the holiday calendar changed: in the engine (the dossier's variables,
 * its officers' due dates, its timers) and on the dossier, whose trail records the old and new deadline and why.
 */
@Service
public class DeadlineRecount {

  private static final String SYSTEM = "system";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final DossierRepository dossiers;
  private final DossierJournal journal;
  private final ProcessEngine engine;
  private final LegalCalendar calendar;
  private final ObjectMapper json;

  DeadlineRecount(DossierRepository dossiers, DossierJournal journal, ProcessEngine engine, LegalCalendar calendar,
      ObjectMapper json) {
    this.dossiers = dossiers;
    this.journal = journal;
    this.engine = engine;
    this.calendar = calendar;
    this.json = json;
  }

  /** The next page of open dossiers due after the moment, after the given id (in order of id). */
  @Transactional(readOnly = true)
  public List<Long> openDueAfter(Instant after, long afterId, int size) {
    return dossiers.findOpenDueAfter(after, afterId, PageRequest.ofSize(size));
  }

  /**
   * Counts one dossier's deadlines again, in the caller's transaction; {@code changedDays} says which days of the
   * calendar changed. Returns whether a deadline moved.
   */
  @Transactional
  public boolean recount(long dossierId, LegalCalendar before, String changedDays) {
    Dossier dossier = dossiers.findById(dossierId).orElse(null);
    if (dossier == null || dossier.getProcessInstanceId() == null) {
      return false;
    }
    RecountDeadlines.Result result = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(new RecountDeadlines(dossier.getProcessInstanceId(), before));
    if (result.change() == null) {
      return false;
    }
    dossier.legalTime(result.time(), calendar.zone());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("previousDeadline", local(result.change().previousDeadline()));
    detail.put("newDeadline", local(result.change().newDeadline()));
    detail.put("stageDeadline", local(result.time().stageDeadline()));
    detail.put("changedDays", changedDays);
    detail.values().removeIf(java.util.Objects::isNull);
    journal.record(dossier, SYSTEM, DossierAudit.Action.DEADLINE_RECOUNTED, null, json(detail));
    return true;
  }

  private String local(Instant moment) {
    return moment == null ? null : LocalDateTime.ofInstant(moment, calendar.zone()).format(LOCAL);
  }

  private String json(Map<String, Object> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      return values.toString();
    }
  }
}

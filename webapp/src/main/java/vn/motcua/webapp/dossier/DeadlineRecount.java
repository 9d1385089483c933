package vn.motcua.webapp.dossier;

import java.time.Instant;
import java.util.List;
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

  private final DossierRepository dossiers;
  private final DossierReadModel readModel;
  private final ProcessEngine engine;

  DeadlineRecount(DossierRepository dossiers, DossierReadModel readModel, ProcessEngine engine) {
    this.dossiers = dossiers;
    this.readModel = readModel;
    this.engine = engine;
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
    readModel.deadlinesRecounted(dossier, result.change(), result.time(), changedDays);
    return true;
  }
}

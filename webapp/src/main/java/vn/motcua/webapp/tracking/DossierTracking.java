package vn.motcua.webapp.tracking;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierQueries;
import vn.motcua.webapp.dossier.DossierView;

/**
 * Finds a dossier for anyone who holds its receipt code and the last four digits of the applicant's ID number or
 * phone (both printed on the voucher, or known to the applicant), and where in its model it stands now.
 */
@Service
class DossierTracking {

  /** The dossier as the public sees it, and the elements of its (pinned) model it is at, or ended at. */
  record Found(DossierView dossier, String processDefinitionId, List<String> currentElements, boolean ended) {
  }

  private final DossierQueries dossiers;
  private final RuntimeService runtime;
  private final HistoryService history;

  DossierTracking(DossierQueries dossiers, RuntimeService runtime, HistoryService history) {
    this.dossiers = dossiers;
    this.runtime = runtime;
    this.history = history;
  }

  @Transactional(readOnly = true)
  Optional<Found> find(String receiptCode, String lastDigits) {
    if (receiptCode == null || lastDigits == null || !lastDigits.matches("\\d{4}")) {
      return Optional.empty();
    }
    return dossiers.find(receiptCode.strip().toUpperCase(java.util.Locale.ROOT))
        .filter(d -> endsWith(d.getApplicant().idNumber(), lastDigits)
            || endsWith(d.getApplicant().phone(), lastDigits))
        .map(this::found);
  }

  private Found found(Dossier dossier) {
    String instance = dossier.getProcessInstanceId();
    if (instance != null && runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
      return new Found(dossiers.viewAfterAction(dossier.getReceiptCode()), dossier.getProcessDefinitionId(),
          runtime.getActiveActivityIds(instance), false);
    }
    HistoricProcessInstance ended = instance == null ? null
        : history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
    return new Found(dossiers.viewAfterAction(dossier.getReceiptCode()), dossier.getProcessDefinitionId(),
        ended == null || ended.getEndActivityId() == null ? List.of() : List.of(ended.getEndActivityId()), true);
  }

  private static boolean endsWith(String value, String digits) {
    return value != null && value.endsWith(digits);
  }
}

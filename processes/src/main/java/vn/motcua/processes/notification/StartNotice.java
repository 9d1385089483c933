package vn.motcua.processes.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.motcua.processes.legaltime.LegalClock;

/**
 * Starts the {@value #PROCESS} building block for the notice the model names in its {@code notice} field, with the
 * dossier's receipt code as business key and what the notice says copied from the dossier as it stands now. It runs
 * in the transaction of the step that caused it, so the notice is queued if and only if the step happened, and it
 * does not wait for the notice: the dossier goes on while the mail or SMS is sent, retried or handed to the counter.
 * A model uses it as a service task, or as an execution listener where a milestone passes (the dossier received and
 * its appointment known, a supplement asked for).
 */
public class StartNotice implements JavaDelegate, ExecutionListener {

  static final String PROCESS = "notifyApplicant";
  /** What a notice may say, and whom it reaches (the counter of the receiving agency, when it cannot be delivered). */
  static final List<String> COPIED = List.of("receiptCode", "receivingAgency", "procedureName", "applicantName",
      "applicantIdNumber", "applicantPhone", "applicantEmail", "applicantLanguage", "requiredDocumentsText",
      "missingDocuments", "dossierDeadline", "originalDeadline");

  private Expression notice;

  public void setNotice(Expression notice) {
    this.notice = notice;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execute(execution);
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (notice == null) {
      throw new IllegalStateException("StartNotice at " + execution.getCurrentActivityId()
          + " needs a field 'notice' naming the notice");
    }
    LegalClock dossier = LegalClock.of(execution);
    Map<String, Object> variables = new HashMap<>();
    for (String name : COPIED) {
      // the dossier's own value first; what only a step knows (the missing documents it listed) from there
      Object value = dossier.get(name) != null ? dossier.get(name) : execution.getVariable(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    variables.put("notice", String.valueOf(notice.getValue(execution)));
    execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(PROCESS, execution.getProcessBusinessKey(), variables);
  }
}

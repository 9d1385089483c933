package vn.motcua.webapp.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Feeds the dossier read model from the engine, inside the engine's own transaction, so the two never disagree.
 * What to record is declared in the models: every user task is a step (property {@code stage}, optional
 * {@code dossierStatus}) unless it is a {@code sideTask} raised beside the step (apology, escalation, with its
 * {@code escalationLevel}, or a {@code notice} that could not be delivered); a wait state with {@code dossierStatus}
 * waits for the applicant; a service task with {@code clockEvent} changed the legal clock; an end event with
 * {@code alert} raised a warning, one with {@code notice} reached the applicant; a top-level end event with
 * {@code outcome} finishes the dossier; a start event with {@code issue=OUTCOME_DOCUMENT} issues the document the
 * applicant receives. Built-in listeners, so they run even when custom listeners are skipped.
 */
@Component
class ReadModelPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<DossierReadModel> readModel;

  ReadModelPlugin(ObjectProvider<DossierReadModel> readModel) {
    this.readModel = readModel;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new Parser());
    configuration.setCustomPreBPMNParseListeners(listeners);
    List<IncidentHandler> incidents = configuration.getCustomIncidentHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
    incidents.add(new RecordedIncidents(Incident.FAILED_JOB_HANDLER_TYPE));
    incidents.add(new RecordedIncidents(Incident.EXTERNAL_TASK_HANDLER_TYPE));
    configuration.setCustomIncidentHandlers(incidents);
  }

  /**
   * The engine's own incidents (Cockpit shows them), also counted on the dossier they hold up, so the supervisor's
   * board lists them without reading the engine.
   */
  private final class RecordedIncidents extends DefaultIncidentHandler {

    RecordedIncidents(String type) {
      super(type);
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      Incident incident = super.handleIncident(context, message);
      String dossier = receiptCode(context);
      if (dossier != null) {
        readModel.getObject().incidentRaised(dossier, context.getActivityId(), message);
      }
      return incident;
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      int open = open(context);
      super.resolveIncident(context);
      resolved(context, open);
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      int open = open(context);
      super.deleteIncident(context);
      resolved(context, open);
    }

    private int open(IncidentContext context) {
      return Context.getCommandContext().getIncidentManager()
          .findIncidentByConfiguration(context.getConfiguration()).size();
    }

    private void resolved(IncidentContext context, int count) {
      String dossier = receiptCode(context);
      for (int i = 0; dossier != null && i < count; i++) {
        readModel.getObject().incidentResolved(dossier, context.getActivityId());
      }
    }

    private String receiptCode(IncidentContext context) {
      if (context.getExecutionId() == null) {
        return null;
      }
      ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
          .findExecutionById(context.getExecutionId());
      return execution == null ? null : execution.getProcessBusinessKey();
    }
  }

  private final class Parser extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      Map<String, String> props = properties(element);
      TaskListener listener = "true".equals(props.get("sideTask"))
          ? new SideTaskListener(Integer.parseInt(props.getOrDefault("escalationLevel", "0")),
              props.containsKey("notice"))
          : new StepListener(props.getOrDefault("stage", "OTHER"), status(props));
      TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
          TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
        task.addBuiltInTaskListener(event, listener);
      }
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      Map<String, String> props = properties(element);
      DossierStatus status = status(props);
      if (status != null) {
        String stage = props.get("stage");
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) execution -> readModel.getObject().applicantWaitStarted(execution, status, stage));
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
            (ExecutionListener) execution -> readModel.getObject().applicantWaitEnded(execution));
      }
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      String event = properties(element).get("clockEvent");
      if (event != null) {
        DossierReadModel.ClockEvent kind = DossierReadModel.ClockEvent.valueOf(event);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
            (ExecutionListener) execution -> readModel.getObject().clockChanged(execution, kind));
      }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      if ("OUTCOME_DOCUMENT".equals(properties(element).get("issue"))) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
            (ExecutionListener) execution -> readModel.getObject().outcomeDocumentDue(execution));
      }
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      String alert = properties(element).get("alert");
      if (alert != null) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
            (ExecutionListener) execution -> readModel.getObject().alertRaised(execution, alert));
      }
      if (properties(element).containsKey("feeSettled")) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
            (ExecutionListener) execution -> readModel.getObject().feeSettled(execution));
      }
      if (properties(element).containsKey("notice")) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
            (ExecutionListener) execution -> readModel.getObject().noticeSent(execution));
      }
      String outcome = properties(element).get("outcome");
      if (outcome != null && scope instanceof ProcessDefinitionEntity) {
        DossierStatus finalStatus = DossierStatus.valueOf(outcome);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
            (ExecutionListener) execution -> readModel.getObject().procedureEnded(execution, finalStatus));
      }
    }

    private Map<String, String> properties(Element element) {
      Map<String, String> props = BpmnParseUtil.parseCamundaExtensionProperties(element);
      return props == null ? Map.of() : props;
    }

    private DossierStatus status(Map<String, String> props) {
      String status = props.get("dossierStatus");
      return status == null ? null : DossierStatus.valueOf(status);
    }
  }

  /** Relays the events of a task raised beside the dossier's step: it never moves the dossier. */
  private final class SideTaskListener implements TaskListener {
    private final int escalationLevel;
    private final boolean undeliveredNotice;

    SideTaskListener(int escalationLevel, boolean undeliveredNotice) {
      this.escalationLevel = escalationLevel;
      this.undeliveredNotice = undeliveredNotice;
    }

    @Override
    public void notify(DelegateTask task) {
      if (task.getEventName() == null) {
        // the engine names no event when the task's execution is gone under it (someone completed it at the same
        // moment): nothing to record, and the command fails on its own when it writes the task (409)
        return;
      }
      DossierReadModel model = readModel.getObject();
      switch (task.getEventName()) {
        case TaskListener.EVENTNAME_CREATE -> {
          if (undeliveredNotice) {
            model.noticeUndelivered(task);
          } else {
            model.sideTaskStarted(task, escalationLevel);
          }
        }
        case TaskListener.EVENTNAME_ASSIGNMENT -> model.stepAssigned(task);
        case TaskListener.EVENTNAME_COMPLETE -> model.sideTaskCompleted(task);
        default -> {
          // a side task cancelled with its stage leaves nothing to record
        }
      }
    }
  }

  /** Relays one user task's events, with what its model declares about it. */
  private final class StepListener implements TaskListener {
    private final String stage;
    private final DossierStatus status;

    StepListener(String stage, DossierStatus status) {
      this.stage = stage;
      this.status = status;
    }

    @Override
    public void notify(DelegateTask task) {
      if (task.getEventName() == null) {
        // the engine names no event when the task's execution is gone under it (someone completed it at the same
        // moment): nothing to record, and the command fails on its own when it writes the task (409)
        return;
      }
      DossierReadModel model = readModel.getObject();
      switch (task.getEventName()) {
        case TaskListener.EVENTNAME_CREATE -> model.stepStarted(task, stage,
            status == null ? DossierStatus.IN_PROGRESS : status);
        case TaskListener.EVENTNAME_ASSIGNMENT -> model.stepAssigned(task);
        case TaskListener.EVENTNAME_UPDATE -> model.stepUpdated(task);
        case TaskListener.EVENTNAME_COMPLETE -> model.stepCompleted(task);
        case TaskListener.EVENTNAME_DELETE -> model.stepCancelled(task);
        default -> {
          // other events change nothing the read model shows
        }
      }
    }
  }

}

package vn.motcua.webapp.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} ({@code camunda.bpm.history-level}): motcua keeps the legal trail of
 * every dossier itself (audit entries, tracking sheet, documents, in its own tables and transactions), so the engine
 * writes only the history something reads — process instances (tracking, Cockpit), tasks (who did a step, a step
 * already done answers 409), incidents and batches — and variables only of the models that declare it with the
 * process property {@code variableHistory=true} (a finished identity lookup is read from there). Activity instances,
 * variable updates, decision evaluations, job, external-task and identity-link logs are not written: per dossier that
 * is most of the engine's statements (docs/benchmarks.md). {@code full} stays available for an operator who wants it.
 * A database written at another level adopts this one at start-up; what it already holds stays.
 */
@Component
class EngineHistory extends AbstractProcessEnginePlugin {

  static final String NAME = "motcua";
  /** Beside the engine's own 0 (none) to 3 (full). */
  static final int ID = 20;
  static final String VARIABLE_HISTORY = "variableHistory";

  private static final Logger LOG = LoggerFactory.getLogger(EngineHistory.class);
  private static final Set<HistoryEventType> WRITTEN = Set.of(
      HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
      HistoryEventTypes.PROCESS_INSTANCE_END, HistoryEventTypes.PROCESS_INSTANCE_MIGRATE,
      HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_UPDATE,
      HistoryEventTypes.TASK_INSTANCE_COMPLETE, HistoryEventTypes.TASK_INSTANCE_DELETE,
      HistoryEventTypes.TASK_INSTANCE_MIGRATE,
      HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.INCIDENT_DELETE,
      HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_UPDATE,
      HistoryEventTypes.BATCH_START, HistoryEventTypes.BATCH_END, HistoryEventTypes.BATCH_UPDATE);
  private static final Set<HistoryEventType> VARIABLES = Set.of(
      HistoryEventTypes.VARIABLE_INSTANCE_CREATE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
      HistoryEventTypes.VARIABLE_INSTANCE_DELETE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(new Level());
    configuration.setCustomHistoryLevels(levels);
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new DeclaredVariableHistory());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /**
   * The engine refuses to start on a database written at another level; lowering or raising it only changes what is
   * written from now on, so the database is told before the engine checks.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    String level = configuration.getHistory();
    int id = NAME.equals(level) ? ID : configuration.getHistoryLevels().stream()
        .filter(known -> known.getName().equals(level)).mapToInt(HistoryLevel::getId).findFirst().orElse(-1);
    if (id < 0) {
      return;
    }
    String table = (configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix())
        + "ACT_GE_PROPERTY";
    try (Connection connection = configuration.getDataSource().getConnection()) {
      if (!exists(connection, table)) {
        // a new database: the engine creates the property with the configured level
        return;
      }
      try (PreparedStatement update = connection.prepareStatement(
          "update " + table + " set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ <> ?")) {
        update.setString(1, String.valueOf(id));
        update.setString(2, String.valueOf(id));
        if (update.executeUpdate() > 0) {
          LOG.info("The engine's history level is now {} (id {}); the history already written stays", level, id);
        }
      }
    } catch (SQLException failed) {
      throw new IllegalStateException("Cannot set the engine's history level to " + level, failed);
    }
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "select count(*) from information_schema.tables where lower(table_name) = lower(?)")) {
      query.setString(1, table);
      try (java.sql.ResultSet found = query.executeQuery()) {
        return found.next() && found.getLong(1) > 0;
      }
    }
  }

  private static final class Level implements HistoryLevel {

    @Override
    public int getId() {
      return ID;
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (WRITTEN.contains(eventType)) {
        return true;
      }
      if (!VARIABLES.contains(eventType)) {
        return false;
      }
      // asked without an entity: whether such history can exist at all
      if (!(entity instanceof VariableInstanceEntity variable) || variable.getProcessDefinitionId() == null) {
        return entity == null;
      }
      ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(variable.getProcessDefinitionId());
      return Boolean.TRUE.equals(definition.getProperty(VARIABLE_HISTORY));
    }
  }

  /** Reads the process property {@code variableHistory} into the parsed definition. */
  private static final class DeclaredVariableHistory extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
      Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(processElement);
      if (properties != null && "true".equals(properties.get(VARIABLE_HISTORY))) {
        definition.setProperty(VARIABLE_HISTORY, true);
      }
    }
  }
}

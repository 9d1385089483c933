package vn.motcua.webapp.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's doors read every command that writes to a dossier, whatever shape the engine gives it: the kind of
 * change and each variable it would write, including those a message, a start or a modification carries. Should a
 * Camunda upgrade change these commands, this fails before a door opens.
 */
class EngineDoorsTest {

  /** The commands are only read, never run. */
  private static final CommandExecutor NOWHERE = new CommandExecutor() {
    @Override
    public <T> T execute(Command<T> command) {
      throw new UnsupportedOperationException();
    }
  };

  static Stream<Arguments> commands() {
    Map<String, Object> deadline = Map.of("stageDeadline", new Date());
    ProcessInstantiationBuilderImpl start = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
        .createProcessInstanceByKey(NOWHERE, "birthRegistration");
    start.setVariable("receiptCode", "X");
    ProcessInstanceModificationBuilderImpl modification = new ProcessInstanceModificationBuilderImpl(NOWHERE, "p");
    modification.startBeforeActivity("Task_Appraise").setVariable("applicantName", "Forged");
    return Stream.of(
        Arguments.of(new CompleteTaskCmd("t", deadline), EngineDoors.Kind.STEP, List.of("stageDeadline")),
        Arguments.of(new SubmitTaskFormCmd("t", deadline, false, false), EngineDoors.Kind.STEP,
            List.of("stageDeadline")),
        Arguments.of(new SetTaskVariablesCmd("t", deadline, false), EngineDoors.Kind.VARIABLES,
            List.of("stageDeadline")),
        Arguments.of(new PatchExecutionVariablesCmd("e", Map.of("feeAmount", 0L), List.of("receiptCode"), false),
            EngineDoors.Kind.VARIABLES, List.of("feeAmount", "receiptCode")),
        Arguments.of(new RemoveTaskVariablesCmd("t", List.of("dossierDeadline"), false), EngineDoors.Kind.VARIABLES,
            List.of("dossierDeadline")),
        Arguments.of(new CompleteExternalTaskCmd("x", "w", Map.of("signedDocumentId", 1L),
            Map.of("overdueAt", new Date())), EngineDoors.Kind.WORK, List.of("signedDocumentId", "overdueAt")),
        Arguments.of(new CorrelateMessageCmd((MessageCorrelationBuilderImpl) new MessageCorrelationBuilderImpl(
            NOWHERE, "FeePaid")
            .setVariable("paymentReference", "R"), false, false, false), EngineDoors.Kind.FLOW,
            List.of("paymentReference")),
        Arguments.of(new SignalCmd("e", "s", null, Map.of("warnAt", new Date())), EngineDoors.Kind.FLOW,
            List.of("warnAt")),
        Arguments.of(new StartProcessInstanceCmd(start), EngineDoors.Kind.FLOW, List.of("receiptCode")),
        Arguments.of(new ModifyProcessInstanceCmd(modification), EngineDoors.Kind.FLOW, List.of("applicantName")),
        Arguments.of(new SetTaskDueDateCmd("t", new Date()), EngineDoors.Kind.DUE_DATE, List.of()),
        Arguments.of(new SetJobDuedateCmd("j", new Date(), false), EngineDoors.Kind.DUE_DATE, List.of()),
        Arguments.of(new AssignTaskCmd("t", null), EngineDoors.Kind.TASK, List.of("assignee")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void shouldReadTheChangeAndEveryVariableWhenACommandWrites(Command<?> command, EngineDoors.Kind kind,
      List<String> names) {
    // when
    EngineDoors.Change change = EngineDoors.change(command);

    // then
    assertThat(change.kind()).isEqualTo(kind);
    assertThat(change.variables().keySet()).containsExactlyInAnyOrderElementsOf(names);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reads")
  void shouldLeaveAloneWhatWritesNothingWhenACommandReadsOrClaims(Command<?> command) {
    assertThat(EngineDoors.change(command)).isNull();
  }

  static Stream<Arguments> reads() {
    return Stream.of(Arguments.of(new GetTaskVariablesCmd("t", null, false, true)),
        Arguments.of(new ClaimTaskCmd("t", "u")));
  }
}

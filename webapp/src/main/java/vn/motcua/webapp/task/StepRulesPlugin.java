package vn.motcua.webapp.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import vn.motcua.processes.legaltime.LegalTimeRefusal;
import vn.motcua.webapp.catalog.StepDefinitions;
import vn.motcua.webapp.catalog.StepForms;
import vn.motcua.webapp.document.DocumentService;
import vn.motcua.webapp.system.FieldErrors;
import vn.motcua.webapp.system.RuleViolation;

/**
 * Enforces a step's rules inside the engine when it is completed, whatever the channel: the decisions must satisfy
 * the step's form, and a step whose model requires a file (property {@code requiredAttachment}, optionally only
 * when {@code requiredAttachmentWhen} holds) cannot be completed until that file is attached at this step.
 */
@Component
class StepRulesPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<StepDefinitions> steps;
  private final ObjectProvider<StepForms> forms;
  private final ObjectProvider<StepFormValidator> validator;
  private final ObjectProvider<DocumentService> documents;
  private final ObjectProvider<MessageSource> messages;

  StepRulesPlugin(ObjectProvider<StepDefinitions> steps, ObjectProvider<StepForms> forms,
      ObjectProvider<StepFormValidator> validator, ObjectProvider<DocumentService> documents,
      ObjectProvider<MessageSource> messages) {
    this.steps = steps;
    this.forms = forms;
    this.validator = validator;
    this.documents = documents;
    this.messages = messages;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, StepRulesPlugin.this::check);
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
    configuration.setCustomPreCommandInterceptorsTxRequired(withUnwrapping(
        configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(withUnwrapping(
        configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withUnwrapping(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(new RuleViolationUnwrapper());
    return interceptors;
  }

  /**
   * The engine wraps whatever a task listener throws in a generic exception (a 500 on its REST API). Outside the
   * transaction, after the rollback, this gives back the rule violation itself, which the engine REST API answers
   * with a 400 and motcua's API with a message per field. A refusal by a rule of legal time becomes a rule
   * violation of the step's decision, worded in the reader's language.
   */
  private static final class RuleViolationUnwrapper extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof RuleViolation violation) {
            throw violation;
          }
          if (cause instanceof LegalTimeRefusal refusal) {
            throw new RuleViolation(refusal.getMessage(), List.of(new FieldErrors.FieldError("decision",
                "legalTime." + refusal.code(), refusal.arguments().toArray())));
          }
        }
        throw e;
      }
    }
  }

  private void check(DelegateTask task) {
    Map<String, Object> variables = task.getVariables();
    List<FieldErrors.FieldError> errors = new ArrayList<>();
    forms.getObject().forStep(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
        () -> Context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(task.getId()))
        .ifPresent(form -> {
          try {
            Map<String, Object> decided = new java.util.HashMap<>();
            form.editable().forEach(f -> {
              if (variables.get(f.key()) != null) {
                decided.put(f.key(), variables.get(f.key()));
              }
            });
            validator.getObject().validate(form, decided, variables);
          } catch (FieldErrors invalid) {
            errors.addAll(invalid.errors());
          }
        });
    StepDefinitions.Step step = steps.getObject().of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    if (step.requiredAttachment() != null && applies(step.requiredAttachmentWhen(), variables)
        && !documents.getObject().attachedAt(task.getId(), step.requiredAttachment())) {
      errors.add(new FieldErrors.FieldError("attachment", "task.attachment.required",
          // resolved by the message source in the reader's language
          new DefaultMessageSourceResolvable(new String[] {"document.kind." + step.requiredAttachment()},
              step.requiredAttachment())));
    }
    if (!errors.isEmpty()) {
      throw RuleViolation.of(errors, messages.getObject());
    }
  }

  private boolean applies(String condition, Map<String, Object> variables) {
    if (condition == null || condition.isBlank()) {
      return true;
    }
    FeelEngine feel = Context.getProcessEngineConfiguration().getDmnEngineConfiguration().getFeelEngine();
    return Boolean.TRUE.equals(feel.evaluateSimpleExpression(condition,
        Variables.fromMap(variables).asVariableContext()));
  }

}

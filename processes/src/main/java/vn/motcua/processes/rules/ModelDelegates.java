package vn.motcua.processes.rules;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import vn.motcua.processes.legaltime.ExtendDeadline;
import vn.motcua.processes.legaltime.PauseClock;
import vn.motcua.processes.legaltime.RequestSupplement;
import vn.motcua.processes.legaltime.ResumeClock;
import vn.motcua.processes.legaltime.StartStage;
import vn.motcua.processes.notification.StartNotice;

/**
 * The only Java a model may call: motcua's delegates and listeners, each by its bean name
 * ({@code camunda:delegateExpression="${startStage}"}) or its class ({@code camunda:class}). A name gives a new
 * instance each time it is resolved, so the fields a model injects ({@code camunda:field}) never leak from one
 * element or dossier to another.
 */
final class ModelDelegates {

  private final Map<String, Class<?>> byName;

  private ModelDelegates(Map<String, Class<?>> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The delegates motcua's models use: legal time and the applicant's notices. */
  static ModelDelegates standard() {
    Map<String, Class<?>> delegates = new LinkedHashMap<>();
    for (Class<?> type : new Class<?>[] {StartStage.class, PauseClock.class, ResumeClock.class,
        RequestSupplement.class, ExtendDeadline.class, StartNotice.class}) {
      delegates.put(beanName(type), type);
    }
    return new ModelDelegates(delegates);
  }

  Set<String> names() {
    return byName.keySet();
  }

  boolean allowsClass(String className) {
    return classes().stream().anyMatch(type -> type.getName().equals(className));
  }

  Collection<Class<?>> classes() {
    return byName.values();
  }

  /** A new instance of the delegate of that name; none for a name that is not motcua's. */
  Object instance(String name) {
    Class<?> type = byName.get(name);
    if (type == null) {
      return null;
    }
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new ProcessEngineException("Cannot create motcua's delegate " + name, e);
    }
  }

  /** {@code StartStage} is {@code startStage}. */
  static String beanName(Class<?> type) {
    String simple = type.getSimpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }
}

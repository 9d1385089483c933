package vn.motcua.webapp.dossier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.Optional;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * An entity by its natural id (a value that never changes): from the persistence context when the transaction has
 * it already, without SQL — the engine's listeners ask for the same dossier and step many times in one transaction —
 * otherwise with a query Hibernate translates once (its natural-id loader builds its SQL anew on every load).
 */
final class NaturalIds {

  private NaturalIds() {
  }

  static <T> Optional<T> find(EntityManager entities, Class<T> type, String attribute, Object value) {
    SessionImplementor session = entities.unwrap(SessionImplementor.class);
    Object id = session.getPersistenceContextInternal().getNaturalIdResolutions().findCachedIdByNaturalId(value,
        session.getFactory().getMappingMetamodel().getEntityDescriptor(type));
    if (id != null) {
      return Optional.ofNullable(entities.find(type, id));
    }
    // the value never changes: nothing waiting to be flushed can change which row has it
    return entities.createQuery("select e from " + type.getSimpleName() + " e where e." + attribute + " = :value",
        type).setParameter("value", value).setFlushMode(FlushModeType.COMMIT).getResultList().stream().findFirst();
  }
}

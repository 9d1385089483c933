package vn.motcua.webapp.dossier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.Optional;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * By receipt code, the dossier's natural id: a step's completion reaches the dossier from a dozen engine listeners
 * in one transaction, and only the first asks the database; the others find it in the persistence context, without
 * the query and the flush before it that a query by receipt code would cost each time. The first asks with a query
 * Hibernate translates once (its natural-id loader builds its SQL anew on every load).
 */
class DossierLookupImpl implements DossierLookup {

  private final EntityManager entities;

  DossierLookupImpl(EntityManager entities) {
    this.entities = entities;
  }

  @Override
  public Optional<Dossier> findByReceiptCode(String receiptCode) {
    SessionImplementor session = entities.unwrap(SessionImplementor.class);
    Object id = session.getPersistenceContextInternal().getNaturalIdResolutions().findCachedIdByNaturalId(
        receiptCode, session.getFactory().getMappingMetamodel().getEntityDescriptor(Dossier.class));
    if (id != null) {
      return Optional.ofNullable(entities.find(Dossier.class, id));
    }
    // the receipt code never changes: nothing waiting to be flushed can change which dossier has it
    return entities.createQuery("select d from Dossier d where d.receiptCode = :receiptCode", Dossier.class)
        .setParameter("receiptCode", receiptCode).setFlushMode(FlushModeType.COMMIT)
        .getResultStream().findFirst();
  }
}

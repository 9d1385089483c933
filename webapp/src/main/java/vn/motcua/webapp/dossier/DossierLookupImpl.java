package vn.motcua.webapp.dossier;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.hibernate.Session;

/**
 * By natural id: a step's completion reaches the dossier from a dozen engine listeners in one transaction, and only
 * the first asks the database; the others find it in the persistence context, without the query and the flush
 * before it that a query by receipt code would cost each time.
 */
class DossierLookupImpl implements DossierLookup {

  private final EntityManager entities;

  DossierLookupImpl(EntityManager entities) {
    this.entities = entities;
  }

  @Override
  public Optional<Dossier> findByReceiptCode(String receiptCode) {
    return entities.unwrap(Session.class).bySimpleNaturalId(Dossier.class).loadOptional(receiptCode);
  }
}

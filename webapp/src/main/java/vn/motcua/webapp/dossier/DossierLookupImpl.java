package vn.motcua.webapp.dossier;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * By receipt code, the dossier's natural id: a step's completion reaches the dossier from a dozen engine listeners
 * in one transaction, and only the first asks the database (see {@link NaturalIds}).
 */
class DossierLookupImpl implements DossierLookup {

  private final EntityManager entities;

  DossierLookupImpl(EntityManager entities) {
    this.entities = entities;
  }

  @Override
  public Optional<Dossier> findByReceiptCode(String receiptCode) {
    return NaturalIds.find(entities, Dossier.class, "receiptCode", receiptCode);
  }
}

package vn.motcua.webapp.dossier;

import java.util.Optional;

/** Finds a dossier by its receipt code, the natural key every engine event and request carries. */
interface DossierLookup {

  Optional<Dossier> findByReceiptCode(String receiptCode);
}

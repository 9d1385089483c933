package vn.motcua.webapp.board;

import jakarta.persistence.EntityManagerFactory;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.webapp.dossier.Dossier;

/**
 * Keeps the monthly figures true: when a dossier of a month that is over changes in a way those figures count (paid
 * online, digitized, synced to the national portal for the month it was received; an electronic result or a rating
 * for the month it was finished), that month is computed again after the change is committed.
 */
@Component
class ClosedMonthGuard implements PostUpdateEventListener {

  /** Dossier properties the monthly figures count, and which month they count in. */
  private static final Map<String, Boolean> COUNTED = Map.of("paidOnline", true, "digitized", true,
      "portalSynced", true, "electronicResult", false, "rating", false);

  private final BoardRollup rollup;

  ClosedMonthGuard(EntityManagerFactory entityManagerFactory, BoardRollup rollup) {
    this.rollup = rollup;
    entityManagerFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
        .getService(EventListenerRegistry.class).appendListeners(EventType.POST_UPDATE, this);
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    if (!(event.getEntity() instanceof Dossier dossier) || event.getDirtyProperties() == null) {
      return;
    }
    int current = rollup.currentMonth();
    Set<Integer> months = new HashSet<>();
    String[] names = event.getPersister().getPropertyNames();
    for (int index : event.getDirtyProperties()) {
      Boolean receivedSide = COUNTED.get(names[index]);
      Integer month = receivedSide == null ? null
          : receivedSide ? dossier.getReceivedMonth() : dossier.getFinishedMonth();
      if (month != null && month < current) {
        months.add(month);
      }
    }
    if (months.isEmpty()) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          rollup.forget(months);
        }
      });
    } else {
      rollup.forget(months);
    }
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }
}

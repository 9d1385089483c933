package vn.motcua.webapp.workbench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.webapp.citizen.ApplicationForm;
import vn.motcua.webapp.citizen.Applications;
import vn.motcua.webapp.dossier.Dossier;
import vn.motcua.webapp.dossier.DossierService;
import vn.motcua.webapp.payment.FeePayments;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.task.Worklist;

/**
 * Records a dossier handed in at the counter or received by post, in one transaction: the dossier, its scanned
 * components, a note of the originals seen on paper only, the fee received at the counter, and the officer takes its
 * first step with the missing documents already listed, so that the supplement guidance (form 02) names every one of
 * them at once.
 */
@Service
class CounterReception {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  /** The dossier recorded, and the step the officer took (none when the model starts elsewhere). */
  record Recorded(String receiptCode, String taskId) {
  }

  private final Applications applications;
  private final DossierService dossiers;
  private final Worklist worklist;
  private final FeePayments payments;
  private final MessageSource messages;

  CounterReception(Applications applications, DossierService dossiers, Worklist worklist, FeePayments payments,
      MessageSource messages) {
    this.payments = payments;
    this.applications = applications;
    this.dossiers = dossiers;
    this.worklist = worklist;
    this.messages = messages;
  }

  /** The dossier, and the receipt of the fee the applicant paid at the counter (if the dossier has one). */
  @Transactional
  Recorded record(ApplicationForm.Filled filled, String feeReceipt, Staff by) {
    Dossier dossier = applications.submit(filled.request(), filled.components(), by);
    if (feeReceipt != null && !feeReceipt.isBlank() && dossier.awaitingFee()) {
      payments.paidAtCounter(dossier.getReceiptCode(), feeReceipt, by);
    }
    if (!filled.onPaper().isEmpty()) {
      dossiers.comment(dossier.getReceiptCode(), messages.getMessage("reception.onPaper.note",
          new Object[] {dossiers.documentList(filled.onPaper(), false)}, VIETNAMESE), by);
    }
    Map<String, Object> found = new HashMap<>();
    if (!filled.missing().isEmpty()) {
      found.put("missingDocuments", dossiers.documentList(filled.missing(), false));
    }
    return new Recorded(dossier.getReceiptCode(),
        worklist.takeFirstStep(dossier.getReceiptCode(), found, by).orElse(null));
  }
}

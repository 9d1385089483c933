package vn.motcua.webapp.task;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.motcua.webapp.catalog.StepForms;
import vn.motcua.webapp.document.DocumentView;

/** A step waiting for a person, with its dossier, legal time and the form that completes it. */
public record TaskView(String id, String name, String taskKey, String receiptCode, String procedureName,
                       String applicantName, List<String> candidateGroups, String assignee, OffsetDateTime created,
                       OffsetDateTime due, BigDecimal remainingWorkingDays, boolean overdue, boolean batchApproval,
                       String requiredAttachment, String requiredAttachmentWhen, Form form,
                       List<DocumentView> attachments) {

  /** The fields the step asks for and the values they have now. */
  public record Form(String id, List<StepForms.Field> fields, Map<String, Object> values) {
  }
}

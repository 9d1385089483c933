package vn.motcua.webapp.dossier;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A decision the applicant must receive in writing was taken: the receipt with its appointment (form 01), a new
 * appointment with an apology (form 04), a
 * guidance to supplement listing every missing item (form 02), a refusal to receive (form 03), the electronic result, a refusal with reasons, or the notice that processing stops
 * (form 05). Published inside the engine's transaction; the letter is issued and filed with the dossier in the same
 * transaction.
 *
 * @param agencyCode the agency that took the decision and signs the letter
 * @param actor who took it
 * @param issuedTo where the model wants to know which document was issued and who signs it ({@code documentId},
 *     {@code signingAgency}, {@code signingAgencyName}), or null
 */
public record LetterDue(Long dossierId, Kind kind, String agencyCode, String reason, Instant originalDeadline,
                        Instant newDeadline, String actor, VariableScope issuedTo) {

  public LetterDue(Long dossierId, Kind kind, String agencyCode, String reason, Instant originalDeadline,
      Instant newDeadline, String actor) {
    this(dossierId, kind, agencyCode, reason, originalDeadline, newDeadline, actor, null);
  }

  /** Which letter; the document kind it is filed as. */
  public enum Kind {
    APOLOGY("APOLOGY_LETTER"), RECEPTION_REFUSAL("RECEPTION_REFUSAL"), RESULT("RESULT"), REFUSAL("REFUSAL_LETTER"),
    STOP("STOP_NOTICE"), SUPPLEMENT_GUIDANCE("SUPPLEMENT_GUIDANCE"),
    RECEIPT_VOUCHER("RECEIPT_VOUCHER");

    private final String documentKind;

    Kind(String documentKind) {
      this.documentKind = documentKind;
    }

    public String documentKind() {
      return documentKind;
    }

    /** Whether a filed document is one of these letters. */
    public static boolean isLetter(String documentKind) {
      return java.util.Arrays.stream(values()).anyMatch(kind -> kind.documentKind.equals(documentKind));
    }
  }
}

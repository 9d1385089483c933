package vn.motcua.workers;

/** The external-task topics the models use, in one place (the BPMN files name them in {@code camunda:topic}). */
public final class Topics {

  /** Tell the applicant something about their dossier by e-mail and SMS (an apology, a result ready, ...). */
  public static final String NOTIFY_APPLICANT = "notify-applicant";

  /** Order the public postal service to pick the result up at the counter and deliver it to the applicant. */
  public static final String ORDER_POSTAL_DELIVERY = "order-postal-delivery";

  /** Sign a document motcua issued (the result, a refusal, a stop notice) with the deciding agency's key. */
  public static final String SIGN_DOCUMENT = "sign-document";

  /** Capture an online payment the applicant authorised at the payment gateway (the fee of the dossier). */
  public static final String CAPTURE_PAYMENT = "capture-payment";

  /** Check the applicant's identity against the national population registry, by citizen ID number. */
  public static final String VERIFY_IDENTITY = "verify-identity";

  /** Send the land office's cadastral information form to the tax authority's system (first land certificate). */
  public static final String SEND_LAND_INFORMATION = "send-land-information";

  private Topics() {
  }
}

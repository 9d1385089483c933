package vn.motcua.workers.handler;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import vn.motcua.workers.JsonApi;
import vn.motcua.workers.NotificationSettings;
import vn.motcua.workers.Retries;
import vn.motcua.workers.TopicHandler;
import vn.motcua.workers.Topics;

/**
 * Tells the applicant what happened to their dossier — which notice, the model says in a {@code notice} variable or
 * the task's {@code notice} extension property — by e-mail (in the applicant's language, then the other of Vietnamese
 * and English) and by SMS (in theirs), to whichever they gave. A channel that
 * succeeded is remembered on the task when another fails, so a retry does not send it again; the SMS gateway gets an
 * idempotency key for the same reason. A reason that will not pass (no address at all, a number or address the other
 * side refuses) is the BPMN error {@value #UNDELIVERABLE}: the model decides what the counter does then.
 */
@Component
class NotifyApplicant implements TopicHandler {

  static final String UNDELIVERABLE = "NOTIFICATION_UNDELIVERABLE";
  static final String EMAIL_SENT = "notificationEmailSent";
  static final String SMS_SENT = "notificationSmsSent";
  static final String ERROR = "notificationError";
  /** Each language from its own file, never from the machine's default locale. */
  private static final ResourceBundle.Control TEXTS =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final JavaMailSender mail;
  private final Retries retries;
  private final NotificationSettings settings;
  private final JsonApi sms;
  private final DateTimeFormatter dates;

  NotifyApplicant(JavaMailSender mail, NotificationSettings settings, Retries retries) {
    this.mail = mail;
    this.retries = retries;
    this.settings = settings;
    this.sms = new JsonApi(settings.smsUrl(), settings.smsApiKey(), settings.timeoutMillis());
    this.dates = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of(settings.zone()));
  }

  @Override
  public String topic() {
    return Topics.NOTIFY_APPLICANT;
  }

  /** Two calls, each of which may take the whole timeout, and room for a slow engine. */
  @Override
  public long lockDurationMillis() {
    return 2L * settings.timeoutMillis() + 30_000;
  }

  /** The texts of one notice, filled in for one dossier. */
  record Notice(String subject, String body, String sms) {
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    String email = text(task, "applicantEmail");
    String phone = text(task, "applicantPhone");
    if (email == null && phone == null) {
      String reason = "Người nộp không để lại thư điện tử hay số điện thoại";
      service.handleBpmnError(task, UNDELIVERABLE, reason, Map.of(ERROR, reason));
      return;
    }
    Notice notice;
    try {
      notice = notice(task);
    } catch (MissingResourceException unknown) {
      retries.failed(task, service, new IllegalStateException("the model names an unknown notice: "
          + task.getExtensionProperty("notice"), unknown));
      return;
    }
    Map<String, Object> sent = new HashMap<>();
    try {
      if (email != null && !Boolean.TRUE.equals(task.getVariable(EMAIL_SENT))) {
        email(task, email, notice);
        sent.put(EMAIL_SENT, true);
      }
      if (phone != null && !Boolean.TRUE.equals(task.getVariable(SMS_SENT))) {
        sms(task, phone, notice);
        sent.put(SMS_SENT, true);
      }
      // which channels reached the applicant, for the dossier's audit trail
      service.complete(task, Map.of("notifiedByEmail", email != null, "notifiedBySms", phone != null), sent);
    } catch (Undeliverable refused) {
      Map<String, Object> variables = new HashMap<>(sent);
      variables.put(ERROR, refused.getMessage());
      service.handleBpmnError(task, UNDELIVERABLE, refused.getMessage(), variables);
    } catch (RuntimeException | IOException | MessagingException failed) {
      retries.failed(task, service, failed, sent);
    }
  }

  private void email(ExternalTask task, String to, Notice notice) throws MessagingException, Undeliverable {
    MimeMessage message = new MimeMessage(mail.createMimeMessage().getSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        // the same notice keeps the same Message-ID when a retry sends it, so mail systems can tell it is one
        setHeader("Message-ID", "<" + task.getActivityInstanceId() + ".notice@motcua>");
      }
    };
    try {
      message.setFrom(new InternetAddress(settings.from(), true));
      message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
    } catch (jakarta.mail.internet.AddressException bad) {
      throw new Undeliverable("Địa chỉ thư điện tử không hợp lệ: " + to);
    }
    message.setSubject(notice.subject(), "UTF-8");
    message.setText(notice.body(), "UTF-8");
    message.setSentDate(new Date());
    try {
      mail.send(message);
    } catch (MailSendException refused) {
      if (refused.getFailedMessages().values().stream().anyMatch(e -> e instanceof SendFailedException s
          && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0)) {
        throw new Undeliverable("Máy chủ thư từ chối địa chỉ " + to);
      }
      throw refused;
    }
  }

  private void sms(ExternalTask task, String to, Notice notice) throws IOException, Undeliverable {
    try {
      sms.post("/sms", Map.of("to", to, "text", notice.sms()), task.getActivityInstanceId() + ".sms");
    } catch (JsonApi.Refused refused) {
      throw new Undeliverable("Tổng đài SMS từ chối: " + refused.getMessage());
    }
  }

  Notice notice(ExternalTask task) {
    String variable = text(task, "notice");
    String kind = variable != null ? variable : task.getExtensionProperty("notice");
    if (kind == null) {
      throw new MissingResourceException("no notice property", "notifications", "");
    }
    Object[] args = {
        task.getVariable("receiptCode"), task.getVariable("applicantName"), task.getVariable("procedureName"),
        format(task.getVariable("dossierDeadline")), format(task.getVariable("originalDeadline")),
        Objects.toString(task.getVariable("missingDocuments"), ""),
    };
    // the applicant's language first (as they used the service), the other one below; the SMS in theirs alone
    ResourceBundle vi = ResourceBundle.getBundle("notifications/notices", Locale.forLanguageTag("vi"), TEXTS);
    ResourceBundle en = ResourceBundle.getBundle("notifications/notices", Locale.ENGLISH, TEXTS);
    boolean english = "en".equals(text(task, "applicantLanguage"));
    ResourceBundle first = english ? en : vi;
    ResourceBundle second = english ? vi : en;
    String subject = fill(first, kind + ".subject", args) + " / " + fill(second, kind + ".subject", args);
    String body = fill(first, kind + ".body", args) + "\n\n---\n\n" + fill(second, kind + ".body", args)
        + "\n\n" + fill(first, "footer", args);
    String sms = fill(first, kind + ".sms", args);
    return new Notice(subject, body, settings.smsUnicode() ? sms : withoutDiacritics(sms));
  }

  private String format(Object date) {
    return date instanceof Date d ? dates.format(d.toInstant()) : "";
  }

  private static String fill(ResourceBundle bundle, String key, Object[] args) {
    return new java.text.MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
  }

  static String withoutDiacritics(String text) {
    return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
  }

  private static String text(ExternalTask task, String name) {
    Object value = task.getVariable(name);
    return value instanceof String s && !s.isBlank() ? s.trim() : null;
  }

  /** The other side refused for good: retrying will not help. */
  static final class Undeliverable extends Exception {
    Undeliverable(String message) {
      super(message);
    }
  }
}

package vn.motcua.workers.simulator;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.workers.NotificationSettings;

/**
 * The other systems of a development run, each a server of its own, listening exactly where the workers are
 * configured to call: a mail server (GreenMail, SMTP) that keeps what it receives, and the SMS gateway.
 */
public final class Simulators implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Simulators.class);

  private final GreenMail mail;
  private final SmsGateway sms;

  private Simulators(GreenMail mail, SmsGateway sms) {
    this.mail = mail;
    this.sms = sms;
  }

  /** Starts every simulator on the host and port the notification settings name. */
  public static Simulators start(NotificationSettings settings) {
    GreenMail mail = new GreenMail(new ServerSetup(settings.smtpPort(), settings.smtpHost(), ServerSetup.PROTOCOL_SMTP));
    mail.start();
    SmsGateway sms = new SmsGateway(System.nanoTime());
    try {
      sms.start(URI.create(settings.smsUrl()).getPort());
    } catch (RuntimeException failed) {
      mail.stop();
      throw failed;
    }
    LOG.info("Simulators: mail server on {}:{}, SMS gateway at {}", settings.smtpHost(), settings.smtpPort(),
        sms.url());
    return new Simulators(mail, sms);
  }

  /** Every mail the simulated server accepted, oldest first. */
  public List<MimeMessage> mails() {
    return List.of(mail.getReceivedMessages());
  }

  public SmsGateway sms() {
    return sms;
  }

  @Override
  public void close() {
    sms.close();
    mail.stop();
  }
}

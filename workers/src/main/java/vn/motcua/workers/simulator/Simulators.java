package vn.motcua.workers.simulator;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.workers.NotificationSettings;
import vn.motcua.workers.SystemsSettings;

/**
 * The other systems of a development run, each a server of its own, listening exactly where the workers are
 * configured to call: a mail server (GreenMail, SMTP) that keeps what it receives, the SMS gateway and the postal
 * service.
 */
public final class Simulators implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Simulators.class);

  private final GreenMail mail;
  private final SmsGateway sms = new SmsGateway(System.nanoTime());
  private final PostalService postal = new PostalService(System.nanoTime());

  private Simulators(GreenMail mail) {
    this.mail = mail;
  }

  /** Starts every simulator on the host and port the settings name. */
  public static Simulators start(NotificationSettings notifications, SystemsSettings systems) {
    GreenMail mail = new GreenMail(new ServerSetup(notifications.smtpPort(), notifications.smtpHost(),
        ServerSetup.PROTOCOL_SMTP));
    mail.start();
    Simulators simulators = new Simulators(mail);
    try {
      simulators.sms.start(port(notifications.smsUrl()));
      simulators.postal.start(port(systems.postalUrl()));
    } catch (RuntimeException failed) {
      simulators.close();
      throw failed;
    }
    LOG.info("Simulators: mail server on {}:{}, SMS gateway at {}, postal service at {}", notifications.smtpHost(),
        notifications.smtpPort(), simulators.sms.url(), simulators.postal.url());
    return simulators;
  }

  private static int port(String url) {
    return URI.create(url).getPort();
  }

  /** Every mail the simulated server accepted, oldest first. */
  public List<MimeMessage> mails() {
    return List.of(mail.getReceivedMessages());
  }

  public SmsGateway sms() {
    return sms;
  }

  public PostalService postal() {
    return postal;
  }

  @Override
  public void close() {
    postal.close();
    sms.close();
    mail.stop();
  }
}

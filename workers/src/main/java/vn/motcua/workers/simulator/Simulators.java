package vn.motcua.workers.simulator;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.workers.NotificationSettings;
import vn.motcua.workers.SimulatorSettings;
import vn.motcua.workers.SystemsSettings;

/**
 * The other systems of a development run, each a server of its own, listening exactly where the workers are
 * configured to call: a mail server (GreenMail, SMTP) that keeps what it receives, the SMS gateway, the postal
 * service, the signing service (with its demo keys) and the national portal.
 */
public final class Simulators implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Simulators.class);

  private final GreenMail mail;
  private final SmsGateway sms = new SmsGateway(System.nanoTime());
  private final PostalService postal = new PostalService(System.nanoTime());
  private final NationalPortal portal = new NationalPortal(System.nanoTime());
  private final SigningService signing;

  private Simulators(GreenMail mail, SigningService signing) {
    this.mail = mail;
    this.signing = signing;
  }

  /** Starts every simulator on the host and port the settings name. */
  public static Simulators start(NotificationSettings notifications, SystemsSettings systems,
      SimulatorSettings settings) {
    SigningService signing = new SigningService(System.nanoTime(), Path.of(settings.signingKeysDir()),
        settings.signingKeysPassword());
    GreenMail mail = new GreenMail(new ServerSetup(notifications.smtpPort(), notifications.smtpHost(),
        ServerSetup.PROTOCOL_SMTP));
    mail.start();
    Simulators simulators = new Simulators(mail, signing);
    try {
      simulators.sms.start(port(notifications.smsUrl()));
      simulators.postal.start(port(systems.postalUrl()));
      signing.start(port(systems.signatureUrl()));
      simulators.portal.start(port(systems.portalUrl()));
    } catch (RuntimeException failed) {
      simulators.close();
      throw failed;
    }
    LOG.info("Simulators: mail server on {}:{}, SMS gateway at {}, postal service at {}, signing service at {}"
        + " (demo keys in {}), national portal at {}", notifications.smtpHost(), notifications.smtpPort(),
        simulators.sms.url(), simulators.postal.url(), signing.url(),
        Path.of(settings.signingKeysDir()).toAbsolutePath(), simulators.portal.url());
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

  public SigningService signing() {
    return signing;
  }

  public NationalPortal portal() {
    return portal;
  }

  @Override
  public void close() {
    portal.close();
    signing.close();
    postal.close();
    sms.close();
    mail.stop();
  }
}

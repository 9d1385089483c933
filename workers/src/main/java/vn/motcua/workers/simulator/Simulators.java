package vn.motcua.workers.simulator;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.workers.NotificationSettings;
import vn.motcua.workers.SimulatorSettings;
import vn.motcua.workers.SystemsSettings;

/**
 * The other systems of a development run, each a server of its own, listening exactly where the workers are
 * configured to call: a mail server (GreenMail, SMTP) that keeps what it receives, the SMS gateway, the postal
 * service, the signing service (with its demo keys), the national portal, the payment gateway and the population
 * registry (knowing the demo's citizens) and the tax authority.
 */
public final class Simulators implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Simulators.class);

  private final GreenMail mail;
  private final SmsGateway sms = new SmsGateway(System.nanoTime());
  private final PostalService postal = new PostalService(System.nanoTime());
  private final NationalPortal portal = new NationalPortal(System.nanoTime());
  private final PaymentGateway payment = new PaymentGateway(System.nanoTime());
  private final PopulationRegistry population = new PopulationRegistry(System.nanoTime());
  private final TaxAuthority tax = new TaxAuthority(System.nanoTime());
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
    String at = settings.bindAddress();
    GreenMail mail = new GreenMail(new ServerSetup(notifications.smtpPort(), at, ServerSetup.PROTOCOL_SMTP));
    mail.start();
    Simulators simulators = new Simulators(mail, signing);
    try {
      // each says where it listens as it starts
      for (Map.Entry<SimulatedSystem, String> system : Map.<SimulatedSystem, String>of(simulators.sms,
          notifications.smsUrl(), simulators.postal, systems.postalUrl(), signing, systems.signatureUrl(),
          simulators.portal, systems.portalUrl(), simulators.payment, systems.paymentUrl(), simulators.population,
          systems.populationUrl(), simulators.tax, systems.taxUrl()).entrySet()) {
        system.getKey().start(at, port(system.getValue()));
      }
      simulators.knownCitizens();
      simulators.payment.signCallbacksWith(systems.paymentCallbackSecret());
    } catch (RuntimeException failed) {
      simulators.close();
      throw failed;
    }
    LOG.info("Simulators: mail server on {}:{}; demo signing keys in {}", at, notifications.smtpPort(),
        Path.of(settings.signingKeysDir()).toAbsolutePath());
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

  public PaymentGateway payment() {
    return payment;
  }

  public PopulationRegistry population() {
    return population;
  }

  public TaxAuthority tax() {
    return tax;
  }

  /** The demo's citizens, as the registry knows them ({@code simulators/citizens.json}). */
  private void knownCitizens() {
    try (java.io.InputStream in = Simulators.class.getResourceAsStream("/simulators/citizens.json")) {
      for (PopulationRegistry.Citizen citizen : new com.fasterxml.jackson.databind.ObjectMapper().readValue(in,
          PopulationRegistry.Citizen[].class)) {
        population.register(citizen);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the demo citizens", e);
    }
  }

  @Override
  public void close() {
    for (SimulatedSystem system : List.of(tax, population, payment, portal, signing, postal, sms)) {
      system.close();
    }
    mail.stop();
  }
}

package vn.motcua.workers.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.motcua.workers.signature.PadesSigner;

/**
 * A remote signing service, as certification authorities offer agencies (the key stays with the service): each
 * agency's key lives in a PKCS#12 store in {@code keysDirectory}, issued on first enrolment by a demo root CA whose
 * certificate is written there as {@code root-ca.pem} for readers and verifiers to trust.
 * <ul>
 *   <li>{@code POST /keys/{agency}} with {@code {"name": ...}} enrols the agency (once) and answers its certificate
 *   chain, signer first, base64 DER;</li>
 *   <li>{@code POST /keys/{agency}/sign} with {@code {"data": base64}} signs with {@value PadesSigner#ALGORITHM} and
 *   answers {@code {"signature": base64}}; an agency never enrolled is refused with 404, a revoked one with 403.</li>
 * </ul>
 * Faults may damage a signature on its way back (it then does not verify): the caller must check before using it.
 * The counter {@code signed} says how many signatures the service made.
 */
public class SigningService extends SimulatedSystem {

  private static final Pattern KEY = Pattern.compile("/keys/([A-Za-z0-9-]{1,40})(/sign)?");
  private static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant NOT_AFTER = Instant.parse("2035-12-31T23:59:59Z");

  private final Path directory;
  private final char[] password;
  private final List<String> revoked = new java.util.concurrent.CopyOnWriteArrayList<>();

  public SigningService(long seed, Path keysDirectory, String password) {
    super("signing service", seed);
    this.directory = keysDirectory;
    this.password = password.toCharArray();
    try {
      Files.createDirectories(keysDirectory);
      root();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot prepare the demo keys in " + keysDirectory, e);
    }
  }

  /** The demo root certificate, for those who verify. */
  public X509Certificate rootCertificate() {
    try {
      return (X509Certificate) root().getCertificate("root");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The agency's key can no longer sign (its certificate was revoked): signing is refused for good. */
  public void revoke(String agency) {
    revoked.add(agency);
  }

  @Override
  protected synchronized Reply handle(Call call) {
    Matcher path = KEY.matcher(call.path());
    if (!call.method().equals("POST") || !path.matches()) {
      return new Reply(404, Map.of("error", "no such resource: " + call.method() + " " + call.path()));
    }
    String agency = path.group(1);
    try {
      if (path.group(2) == null) {
        Object name = call.body().get("name");
        return new Reply(200, Map.of("chain", chain(enrol(agency, name instanceof String n && !n.isBlank()
            ? n.strip() : agency))));
      }
      if (!Files.exists(store(agency))) {
        return new Reply(404, Map.of("error", "cơ quan " + agency + " chưa được cấp chứng thư số"));
      }
      if (revoked.contains(agency)) {
        return new Reply(403, Map.of("error", "chứng thư số của " + agency + " đã bị thu hồi"));
      }
      Object data = call.body().get("data");
      if (!(data instanceof String encoded)) {
        return new Reply(400, Map.of("error", "no data to sign"));
      }
      KeyStore keys = load(store(agency));
      Signature signer = Signature.getInstance(PadesSigner.ALGORITHM);
      signer.initSign((PrivateKey) keys.getKey("signer", password));
      signer.update(Base64.getDecoder().decode(encoded));
      increment("signed");
      return new Reply(200, Map.of("signature", Base64.getEncoder().encodeToString(signer.sign())));
    } catch (IOException | GeneralSecurityException | OperatorCreationException | IllegalArgumentException e) {
      return new Reply(500, Map.of("error", "signing failed: " + e.getMessage()));
    }
  }

  @Override
  protected Reply corrupt(Reply reply) {
    Object signature = reply.body().get("signature");
    if (!(signature instanceof String encoded)) {
      return reply;
    }
    byte[] bytes = Base64.getDecoder().decode(encoded);
    bytes[bytes.length / 2] ^= 0x5A;
    return new Reply(reply.status(), Map.of("signature", Base64.getEncoder().encodeToString(bytes)));
  }

  private KeyStore enrol(String agency, String name) throws IOException, GeneralSecurityException,
      OperatorCreationException {
    Path file = store(agency);
    if (Files.exists(file)) {
      return load(file);
    }
    KeyStore root = root();
    X509Certificate rootCertificate = (X509Certificate) root.getCertificate("root");
    KeyPair pair = rsa();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
        .addRDN(BCStyle.O, "Cơ quan hành chính nhà nước (chứng thư thử nghiệm motcua)")
        .addRDN(BCStyle.OU, agency).addRDN(BCStyle.CN, name).build();
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(rootCertificate, serial(agency),
        java.util.Date.from(NOT_BEFORE), java.util.Date.from(NOT_AFTER), subject, pair.getPublic())
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
        .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()))
        .addExtension(Extension.authorityKeyIdentifier, false,
            extensions.createAuthorityKeyIdentifier(rootCertificate));
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
        new JcaContentSignerBuilder("SHA256withRSA").build((PrivateKey) root.getKey("root", password))));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("signer", pair.getPrivate(), password, new Certificate[] {certificate, rootCertificate});
    save(store, file);
    return store;
  }

  /** The demo root CA, made on first use and kept with its certificate in PEM beside it. */
  private KeyStore root() throws IOException, GeneralSecurityException {
    Path file = directory.resolve("root-ca.p12");
    if (Files.exists(file)) {
      return load(file);
    }
    try {
      KeyPair pair = rsa();
      X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
          .addRDN(BCStyle.O, "motcua (thử nghiệm)").addRDN(BCStyle.CN, "motcua Demo Root CA").build();
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
          java.util.Date.from(NOT_BEFORE.minusSeconds(86_400)), java.util.Date.from(NOT_AFTER.plusSeconds(86_400)),
          name, pair.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("root", pair.getPrivate(), password, new Certificate[] {certificate});
      save(store, file);
      Files.writeString(directory.resolve("root-ca.pem"), "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n");
      return store;
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static List<String> chain(KeyStore store) throws GeneralSecurityException {
    List<String> chain = new ArrayList<>();
    for (Certificate certificate : store.getCertificateChain("signer")) {
      chain.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
    }
    return chain;
  }

  private Path store(String agency) {
    return directory.resolve(agency + ".p12");
  }

  private KeyStore load(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    return store;
  }

  private void save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
    Path part = file.resolveSibling(file.getFileName() + ".part");
    try (OutputStream out = Files.newOutputStream(part)) {
      store.store(out, password);
    }
    Files.move(part, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static BigInteger serial(String agency) {
    return new BigInteger(1, Arrays.copyOf(agency.getBytes(StandardCharsets.UTF_8), 16)).add(BigInteger.TWO);
  }
}

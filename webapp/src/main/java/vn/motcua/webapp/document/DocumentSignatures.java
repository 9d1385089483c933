package vn.motcua.webapp.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import vn.motcua.webapp.system.ApiException;
import vn.motcua.webapp.system.MotcuaProperties;
import vn.motcua.workers.signature.PadesVerifier;

/**
 * Verifies the digital signatures of PDFs against the trusted roots of the deployment (read at each check, so a root
 * added to the configured files counts at once).
 */
@Service
public class DocumentSignatures {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentSignatures.class);

  private final MotcuaProperties properties;
  private final MessageSource messages;

  DocumentSignatures(MotcuaProperties properties, MessageSource messages) {
    this.properties = properties;
    this.messages = messages;
  }

  /** The verdict in the reader's language, then each signature as found. */
  public record Check(boolean signed, boolean valid, String verdict, List<PadesVerifier.Signature> signatures) {
  }

  public Check report(byte[] pdf) {
    PadesVerifier.Report report = check(pdf);
    String verdict = !report.signed() ? "UNSIGNED" : report.valid() ? "VALID" : "INVALID";
    return new Check(report.signed(), report.valid(),
        messages.getMessage("signature.verdict." + verdict, null, LocaleContextHolder.getLocale()),
        report.signatures());
  }

  PadesVerifier.Report check(byte[] pdf) {
    try {
      return new PadesVerifier(trustedRoots()).verify(pdf);
    } catch (IOException notPdf) {
      throw ApiException.badRequest("signature.notPdf");
    }
  }

  private List<X509Certificate> trustedRoots() {
    List<X509Certificate> roots = new ArrayList<>();
    for (String file : properties.signatures().trustedRoots()) {
      Path path = Path.of(file);
      if (!Files.isReadable(path)) {
        LOG.warn("Trusted root {} cannot be read; signatures from it will not be trusted", path.toAbsolutePath());
        continue;
      }
      try {
        for (var certificate : CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(path)))) {
          roots.add((X509Certificate) certificate);
        }
      } catch (IOException | GeneralSecurityException e) {
        LOG.warn("Trusted root {} is not a PEM certificate: {}", path.toAbsolutePath(), e.getMessage());
      }
    }
    return roots;
  }
}

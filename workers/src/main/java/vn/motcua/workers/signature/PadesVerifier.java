package vn.motcua.workers.signature;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks every signature of a PDF: is the signed content intact (its digest and the signature over it), does the last
 * signature cover the whole file (nothing added after it), was the signer's certificate valid when it signed, and
 * does its chain lead to a trusted root.
 */
public final class PadesVerifier {

  private final Set<TrustAnchor> anchors;

  public PadesVerifier(List<X509Certificate> trustedRoots) {
    this.anchors = trustedRoots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet());
  }

  /** One signature as a reader sees it. */
  public record Signature(String signer, String organization, Instant signedAt, String subFilter, String reason,
                          boolean intact, boolean coversWholeDocument, boolean certificateValidWhenSigned,
                          boolean trusted, String problem) {

    /** Intact, by a certificate valid then, from a trusted root. */
    public boolean valid() {
      return intact && certificateValidWhenSigned && trusted;
    }
  }

  /** The signatures of a document, oldest first. */
  public record Report(List<Signature> signatures) {

    public boolean signed() {
      return !signatures.isEmpty();
    }

    /** Signed, every signature valid, and the last one covers the whole file. */
    public boolean valid() {
      return signed() && signatures.stream().allMatch(Signature::valid)
          && signatures.get(signatures.size() - 1).coversWholeDocument();
    }
  }

  /** @throws IOException when the bytes are not a PDF */
  public Report verify(byte[] pdf) throws IOException {
    List<Signature> found = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDSignature signature : document.getSignatureDictionaries()) {
        found.add(check(signature, pdf));
      }
    }
    return new Report(found);
  }

  private Signature check(PDSignature signature, byte[] pdf) {
    Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
    int[] range = signature.getByteRange();
    boolean whole = range != null && range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
    try {
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
          signature.getContents(pdf));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      @SuppressWarnings("unchecked")
      X509CertificateHolder holder = ((java.util.Collection<X509CertificateHolder>) cms.getCertificates()
          .getMatches(signer.getSID())).stream().findFirst().orElse(null);
      if (holder == null) {
        return new Signature(null, null, signedAt, signature.getSubFilter(), signature.getReason(), false, whole,
            false, false, "the signature carries no signer certificate");
      }
      X509Certificate certificate = converter.getCertificate(holder);
      boolean intact;
      String problem = null;
      try {
        intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
      } catch (CMSException mismatch) {
        intact = false;
        problem = "the document was changed after it was signed";
      }
      if (!intact && problem == null) {
        problem = "the signature does not match the signer's key";
      }
      Date at = signedAt == null ? new Date() : Date.from(signedAt);
      boolean validThen = !at.before(certificate.getNotBefore()) && !at.after(certificate.getNotAfter());
      List<X509Certificate> certificates = new ArrayList<>();
      for (Object other : cms.getCertificates().getMatches(null)) {
        certificates.add(converter.getCertificate((X509CertificateHolder) other));
      }
      boolean trusted = trusted(certificate, certificates, at);
      X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
      return new Signature(part(subject, BCStyle.CN), part(subject, BCStyle.O), signedAt, signature.getSubFilter(),
          signature.getReason(), intact, whole, validThen, trusted,
          problem != null ? problem : !validThen ? "the certificate was not valid when it signed"
              : !trusted ? "the certificate does not lead to a trusted root" : null);
    } catch (IOException | CMSException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
      return new Signature(null, null, signedAt, signature.getSubFilter(), signature.getReason(), false, whole, false,
          false, "the signature cannot be read: " + e.getMessage());
    }
  }

  private boolean trusted(X509Certificate certificate, List<X509Certificate> certificates, Date at) {
    if (anchors.isEmpty()) {
      return false;
    }
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(certificate);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
      parameters.setRevocationEnabled(false);
      parameters.setDate(at);
      parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certificates)));
      CertPathBuilder.getInstance("PKIX").build(parameters);
      return true;
    } catch (GeneralSecurityException noPath) {
      return false;
    }
  }

  private static String part(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }
}

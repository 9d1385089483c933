package vn.motcua.workers.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as PAdES baseline B-B ({@code ETSI.CAdES.detached}): an incremental update with a signature whose CMS
 * carries the signer's certificate chain and the ESS signing-certificate-v2 attribute, the signing time in the
 * signature dictionary (not in the CMS, as the baseline requires). The private key never comes here: the
 * {@link RemoteKey} signs the CMS signed attributes. The output depends only on the inputs (no clock, no random), so
 * a retry produces the very same bytes and the remote key's idempotency holds.
 */
public final class PadesSigner {

  /** SHA-256 with RSA, PKCS#1 v1.5: deterministic, so a repeated request gets the same signature. */
  public static final String ALGORITHM = "SHA256withRSA";

  /** A private key kept elsewhere (a signing service, an HSM): signs bytes with {@value #ALGORITHM}. */
  @FunctionalInterface
  public interface RemoteKey {
    byte[] sign(byte[] data) throws IOException;
  }

  /** What the signature dictionary says besides the signature. */
  public record Details(String name, String reason, String location, Instant signingTime) {
  }

  private PadesSigner() {
  }

  /**
   * The PDF with one more signature: {@code chain} starts with the signer's certificate, then its issuers.
   *
   * @throws IOException when the PDF cannot be read, or the remote key failed
   */
  public static byte[] sign(byte[] pdf, List<X509Certificate> chain, Details details, RemoteKey key)
      throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // the trailer's new /ID is derived from this instead of the clock: the same input, the same output
      document.setDocumentId(Long.valueOf(java.util.Arrays.hashCode(pdf)));
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(details.name());
      signature.setReason(details.reason());
      signature.setLocation(details.location());
      Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      when.setTimeInMillis(details.signingTime().toEpochMilli());
      signature.setSignDate(when);
      try (SignatureOptions options = new SignatureOptions()) {
        options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
        document.addSignature(signature, options);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 40_000);
        ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
        external.setSignature(cms(external.getContent().readAllBytes(), chain, key));
        return out.toByteArray();
      }
    }
  }

  private static byte[] cms(byte[] signedContent, List<X509Certificate> chain, RemoteKey key) throws IOException {
    try {
      X509Certificate signer = chain.get(0);
      JcaX509CertificateHolder holder = new JcaX509CertificateHolder(signer);
      Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
          new DERSet(new SigningCertificateV2(new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
              MessageDigest.getInstance("SHA-256").digest(signer.getEncoded()),
              new IssuerSerial(new GeneralNames(new GeneralName(X500Name.getInstance(
                  signer.getIssuerX500Principal().getEncoded()))), signer.getSerialNumber())))));
      CMSAttributeTableGenerator signedAttributes = parameters -> {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.contentType,
            new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
        attributes.add(new Attribute(CMSAttributes.messageDigest,
            new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
        attributes.add(signingCertificate);
        return new AttributeTable(attributes);
      };
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
          .build()).setSignedAttributeGenerator(signedAttributes).build(new Remote(key), holder));
      generator.addCertificates(new JcaCertStore(chain));
      return generator.generate(new CMSProcessableByteArray(signedContent), false).getEncoded();
    } catch (UncheckedIOException remoteFailed) {
      throw remoteFailed.getCause();
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("cannot build the signature: " + e.getMessage(), e);
    }
  }

  /** Hands what the CMS generator wants signed to the remote key. */
  private static final class Remote implements ContentSigner {
    private final RemoteKey key;
    private final ByteArrayOutputStream toSign = new ByteArrayOutputStream();

    Remote(RemoteKey key) {
      this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return new DefaultSignatureAlgorithmIdentifierFinder().find(ALGORITHM);
    }

    @Override
    public OutputStream getOutputStream() {
      return toSign;
    }

    @Override
    public byte[] getSignature() {
      try {
        return key.sign(toSign.toByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

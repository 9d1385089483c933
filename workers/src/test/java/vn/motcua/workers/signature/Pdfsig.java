package vn.motcua.workers.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Poppler's {@code pdfsig}, the signature checker of a standard PDF reader and nothing of motcua's, with the demo
 * root trusted in its own NSS database (Debian packages {@code poppler-utils} and {@code libnss3-tools}).
 */
public final class Pdfsig {

  private final Path nss;

  /** An NSS database in {@code directory} that trusts {@code root} for signing. */
  public Pdfsig(Path directory, X509Certificate root) throws IOException, InterruptedException {
    this.nss = Files.createDirectories(directory);
    Path pem = directory.resolve("root.pem");
    try {
      Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(root.getEncoded())
          + "\n-----END CERTIFICATE-----\n");
    } catch (CertificateEncodingException e) {
      throw new IOException(e);
    }
    run(List.of("certutil", "-N", "-d", "sql:" + nss, "--empty-password"));
    run(List.of("certutil", "-A", "-d", "sql:" + nss, "-n", "motcua-demo-root", "-t", "CT,C,C", "-i",
        pem.toString()));
  }

  /** What pdfsig says of the file. */
  public String check(Path pdf) throws IOException, InterruptedException {
    return run(List.of("pdfsig", "-nssdir", "sql:" + nss, pdf.toString()));
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return out;
  }
}

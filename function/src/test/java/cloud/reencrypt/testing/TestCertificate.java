package cloud.reencrypt.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed TLS certificate for {@code localhost} (and no other name or address), made by the
 * JDK's own {@code keytool} in a temporary directory: a PKCS#12 key store for a server, and a trust
 * store that holds only the certificate, for a client that should accept it.
 */
public final class TestCertificate {
  public static final String PASSWORD = "test-tls-password";
  private static final String ALIAS = "localhost";
  private static final String TRUST_STORE = "javax.net.ssl.trustStore";

  private final Path keyStore;
  private final Path trustStore;

  private TestCertificate(Path keyStore, Path trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  /** Makes a fresh key pair and certificate, valid for two days. */
  public static TestCertificate forLocalhost() throws IOException, GeneralSecurityException {
    Path dir = Files.createTempDirectory("test-tls");
    dir.toFile().deleteOnExit();
    Path keyStore = dir.resolve("server.p12");
    keytool(
        "-genkeypair",
        "-alias",
        ALIAS,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD);
    Path trustStore = dir.resolve("trust.p12");
    writeTrustStore(keyStore, trustStore);
    keyStore.toFile().deleteOnExit();
    trustStore.toFile().deleteOnExit();
    return new TestCertificate(keyStore, trustStore);
  }

  /** The server's PKCS#12 key store (password {@link #PASSWORD}). */
  public Path keyStore() {
    return keyStore;
  }

  /** A PKCS#12 trust store (password {@link #PASSWORD}) holding only this certificate. */
  public Path trustStore() {
    return trustStore;
  }

  /**
   * Makes this certificate the only one the JDK's default trust managers accept, through the JDK's
   * own {@code javax.net.ssl.trustStore} properties, as a deployment with a private CA would set
   * them. Call {@link #restoreJdkTrust()} after the test.
   */
  public void trustInJdk() {
    System.setProperty(TRUST_STORE, trustStore.toString());
    System.setProperty(TRUST_STORE + "Password", PASSWORD);
    System.setProperty(TRUST_STORE + "Type", "PKCS12");
  }

  /** Back to the JDK's own {@code cacerts}. */
  public static void restoreJdkTrust() {
    System.clearProperty(TRUST_STORE);
    System.clearProperty(TRUST_STORE + "Password");
    System.clearProperty(TRUST_STORE + "Type");
  }

  private static void writeTrustStore(Path keyStore, Path trustStore)
      throws IOException, GeneralSecurityException {
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      server.load(in, PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(ALIAS, server.getCertificate(ALIAS));
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trust.store(out, PASSWORD.toCharArray());
    }
  }

  private static void keytool(String... arguments) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
  }
}

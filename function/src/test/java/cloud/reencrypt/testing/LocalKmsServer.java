package cloud.reencrypt.testing;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.cloud.CloudKmsConfig;
import cloud.reencrypt.kms.cloud.CloudKmsEngine;
import cloud.reencrypt.kms.local.KeystoreSnapshot;
import cloud.reencrypt.kms.local.LocalKeystore;
import cloud.reencrypt.server.KmsServer;
import cloud.reencrypt.server.ServeStats;
import cloud.reencrypt.wiring.LocalKms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local KMS server ({@code serve}) for tests, on a free loopback port and a private copy of the
 * demo keystore, so keys created through it never touch the committed file:
 *
 * <pre>{@code
 * try (LocalKmsServer kms = LocalKmsServer.start()) {
 *   String endpoint = kms.endpoint();              // http://127.0.0.1:<port>
 *   new BasicCredentials().withAk(kms.accessKey()).withSk(kms.secretKey())
 *       .withProjectId(kms.projectId()); ...
 * }
 * }</pre>
 */
public final class LocalKmsServer implements AutoCloseable {
  private final KmsServer server;
  private final Path keystore;
  private final Path ownedDirectory;
  private final KeystoreSnapshot access;

  private LocalKmsServer(KmsServer server, Path keystore, Path ownedDirectory) {
    this.server = server;
    this.keystore = keystore;
    this.ownedDirectory = ownedDirectory;
    this.access = LocalKeystore.open(keystore).snapshot();
  }

  /** A server on a temporary copy of the demo keystore, checking dates with the system clock. */
  public static LocalKmsServer start() throws IOException {
    return start(Clock.systemUTC());
  }

  /** A server on a temporary copy of the demo keystore, checking X-Sdk-Date against a clock. */
  public static LocalKmsServer start(Clock clock) throws IOException {
    return start(clock, 0);
  }

  /**
   * A server as {@link #start(Clock)} that answers at most {@code maxTps} requests per second of
   * its clock ({@code serve --max-tps}; 0 for no limit).
   */
  public static LocalKmsServer start(Clock clock, int maxTps) throws IOException {
    Path directory = Files.createTempDirectory("local-kms");
    Path keystore = copyDemoKeystore(directory);
    return new LocalKmsServer(LocalKms.serve(keystore, 0, clock, maxTps), keystore, directory);
  }

  /**
   * A server on a given keystore file, which is left in place when the server stops (to start a
   * second server on it, say).
   */
  public static LocalKmsServer on(Path keystore, Clock clock) throws IOException {
    return new LocalKmsServer(LocalKms.serve(keystore, 0, clock), keystore, null);
  }

  /** Copies the committed demo keystore into a directory; returns the copy's path. */
  public static Path copyDemoKeystore(Path directory) throws IOException {
    Path copy = directory.resolve("keystore.json");
    Files.copy(RepoPaths.demoKeystore(), copy, StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}: the KMS endpoint to give an SDK. */
  /**
   * The cloud engine through Huawei's SDK against this server, configured as a function instance is
   * ({@code CloudKmsConfig}) with these settings besides the endpoint and credentials.
   */
  public KmsEngine cloudEngine(Map<String, String> settings) {
    Map<String, String> config = new HashMap<>(settings);
    config.put("KMS_ENDPOINT", endpoint());
    Credentials key = new Credentials(accessKey(), secretKey(), null);
    return CloudKmsEngine.create(
        CloudKmsConfig.fromConfig(config::get, Optional.of(key), projectId()));
  }

  public String endpoint() {
    return server.url().toString();
  }

  /** The request counts per second, as {@code GET /_serve/stats} answers them. */
  public ServeStats stats() {
    return server.windows().stats();
  }

  /** The URL of one operation, e.g. {@code url("re-encrypt")}. */
  public URI url(String operation) {
    return URI.create(endpoint() + "/v1.0/" + projectId() + "/kms/" + operation);
  }

  public int port() {
    return server.port();
  }

  public String projectId() {
    return server.projectId();
  }

  public String accessKey() {
    return credential().accessKey();
  }

  public String secretKey() {
    return credential().secretKey();
  }

  /** A token from the keystore's {@code auth_tokens}, for {@code X-Auth-Token}. */
  public String authToken() {
    return access.authTokens().get(0);
  }

  /** A signer holding the keystore's AK/SK. */
  public SdkRequestSigner signer() {
    return new SdkRequestSigner(accessKey(), secretKey());
  }

  public Path keystore() {
    return keystore;
  }

  /** Stops the server and deletes the keystore copy it made (a given keystore is kept). */
  @Override
  public void close() {
    server.close();
    if (ownedDirectory != null) {
      deleteTree(ownedDirectory);
    }
  }

  private Credentials credential() {
    return access.credentials().get(0);
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

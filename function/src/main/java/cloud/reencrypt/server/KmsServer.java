package cloud.reencrypt.server;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.local.KeystoreSnapshot;
import cloud.reencrypt.kms.local.LocalKeystore;
import cloud.reencrypt.kms.local.LocalKmsEngine;
import cloud.reencrypt.server.auth.KeystoreAccess;
import cloud.reencrypt.server.auth.RequestAuthenticator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A local server speaking Huawei Cloud KMS's REST API on 127.0.0.1: every engine operation at
 * {@code POST /v1.0/{project_id}/kms/<operation>}, authenticated by AK/SK signature or token as on
 * Huawei Cloud, so the official SDKs (and any HTTP client) can use it in place of the service. It
 * also answers {@code POST /v1.0/{project_id}/kms/noop} (authenticated, body parsed, answer {@code
 * {}}) so benchmarks can measure the HTTP floor.
 */
public final class KmsServer implements AutoCloseable {
  /** Far above any valid KMS request (the largest carry a few KB of base64), far below harm. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  private final LoopbackHttpServer http;
  private final String projectId;

  private KmsServer(LoopbackHttpServer http, String projectId) {
    this.http = http;
    this.projectId = projectId;
  }

  /** Starts on a port (0: any free one) with the system clock and the default body limit. */
  public static KmsServer start(KmsEngine engine, KeystoreAccess access, int port)
      throws IOException {
    return start(engine, access, port, Clock.systemUTC(), DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * Starts with an explicit clock (the one {@code X-Sdk-Date} is checked against) and body limit.
   */
  public static KmsServer start(
      KmsEngine engine, KeystoreAccess access, int port, Clock clock, int maxBodyBytes)
      throws IOException {
    RequestAuthenticator authenticator = new RequestAuthenticator(access, clock);
    KmsRequestHandler handler = new KmsRequestHandler(engine, access, authenticator);
    LoopbackHttpServer http =
        LoopbackHttpServer.start(
            port, "reencrypt-kms", maxBodyBytes, handler, new KmsProtocolErrors());
    return new KmsServer(http, access.projectId());
  }

  /**
   * Serves the local engine on a keystore file, accepting the keystore's credentials and tokens
   * (read once, at start). A missing file is created first, with a fresh project ID, credential and
   * token, so that the project served is the one persisted.
   *
   * @throws IOException when the keystore admits nobody (no credentials, no tokens)
   * @throws cloud.reencrypt.kms.KmsException KMS.0101 when the keystore is unreadable or invalid
   */
  public static KmsServer startLocal(Path keystoreFile, int port, Clock clock) throws IOException {
    LocalKeystore keystore = LocalKeystore.open(keystoreFile);
    if (!Files.exists(keystoreFile)) {
      keystore.update((document, snapshot) -> null);
    }
    KeystoreSnapshot snapshot = keystore.snapshot();
    Map<String, String> secretKeys = new HashMap<>();
    snapshot.credentials().forEach(c -> secretKeys.put(c.accessKey(), c.secretKey()));
    KeystoreAccess access =
        new KeystoreAccess(snapshot.projectId(), secretKeys, snapshot.authTokens());
    if (!access.admitsAnyone()) {
      throw new IOException(
          "keystore "
              + keystoreFile
              + " has no credentials and no auth_tokens: every request would"
              + " be refused");
    }
    LocalKmsEngine engine = new LocalKmsEngine(keystore, clock);
    return start(engine, access, port, clock, DEFAULT_MAX_BODY_BYTES);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}: the endpoint to give an SDK. */
  public URI url() {
    return http.url();
  }

  public int port() {
    return http.port();
  }

  public String projectId() {
    return projectId;
  }

  @Override
  public void close() {
    http.close();
  }
}

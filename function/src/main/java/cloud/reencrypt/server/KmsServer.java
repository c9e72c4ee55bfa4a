package cloud.reencrypt.server;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.server.auth.KeystoreAccess;
import cloud.reencrypt.server.auth.RequestAuthenticator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;

/**
 * A local server speaking Huawei Cloud KMS's REST API on 127.0.0.1: every engine operation at
 * {@code POST /v1.0/{project_id}/kms/<operation>}, authenticated by AK/SK signature or token as on
 * Huawei Cloud, so the official SDKs (and any HTTP client) can use it in place of the service. It
 * also answers {@code POST /v1.0/{project_id}/kms/noop} (authenticated, body parsed, answer {@code
 * {}}) so benchmarks can measure the HTTP floor, and {@code GET /_serve/stats}, the request counts
 * per second ({@link RequestWindows}); with a limit it throttles as KMS's gateway does.
 */
public final class KmsServer implements AutoCloseable {
  /** Far above any valid KMS request (the largest carry a few KB of base64), far below harm. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  private final LoopbackHttpServer http;
  private final String projectId;
  private final RequestWindows windows;

  private KmsServer(LoopbackHttpServer http, String projectId, RequestWindows windows) {
    this.http = http;
    this.projectId = projectId;
    this.windows = windows;
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
    return start(engine, access, port, clock, maxBodyBytes, 0);
  }

  /**
   * Starts as above, answering at most {@code maxTps} requests per second of {@code clock} (0: no
   * limit) and 429 beyond.
   */
  public static KmsServer start(
      KmsEngine engine, KeystoreAccess access, int port, Clock clock, int maxBodyBytes, int maxTps)
      throws IOException {
    RequestAuthenticator authenticator = new RequestAuthenticator(access, clock);
    RequestWindows windows = new RequestWindows(maxTps, clock::millis);
    CallHandler handler =
        new ThrottlingHandler(windows, new KmsRequestHandler(engine, access, authenticator));
    LoopbackHttpServer http =
        LoopbackHttpServer.start(
            port, "reencrypt-kms", maxBodyBytes, handler, new KmsProtocolErrors());
    return new KmsServer(http, access.projectId(), windows);
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

  /** The request counts ({@code GET /_serve/stats} answers the same). */
  public RequestWindows windows() {
    return windows;
  }

  @Override
  public void close() {
    http.close();
  }
}

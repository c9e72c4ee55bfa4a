package cloud.reencrypt.server.apig;

import cloud.reencrypt.fgs.local.ApigEvent;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.server.GatewayError;
import cloud.reencrypt.server.HttpAnswer;
import cloud.reencrypt.server.HttpCall;
import cloud.reencrypt.server.LoopbackHttpServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A local API gateway, like {@code sam local start-api}: each HTTP request on 127.0.0.1 becomes a
 * FunctionGraph APIG event ({@link ApigEvents}), the backend function runs on it, and its APIG
 * response becomes the HTTP answer. Gateway failures use APIG's flat error body: a body over APIG's
 * 12 MB limit is 413 {@code APIG.0201}; a function that throws or answers something that is not an
 * APIG response is 502 {@code APIG.0202}.
 */
public final class ApiGatewayServer implements AutoCloseable {
  /** APIG's documented limit on request bodies. */
  public static final int MAX_BODY_BYTES = 12 * 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(ApiGatewayServer.class.getName());

  private final LoopbackHttpServer http;
  private final ApigBackend backend;

  private ApiGatewayServer(int port, ApigBackend backend) throws IOException {
    this.backend = backend;
    this.http =
        LoopbackHttpServer.start(
            port, "reencrypt-apig", MAX_BODY_BYTES, this::answer, new ApigProtocolErrors());
  }

  /** Starts on a port (0: any free one). */
  public static ApiGatewayServer start(int port, ApigBackend backend) throws IOException {
    return new ApiGatewayServer(port, backend);
  }

  public URI url() {
    return http.url();
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.close();
  }

  private HttpAnswer answer(HttpCall call) {
    String requestId = HttpAnswer.newRequestId();
    ApigResponse response = respond(call, requestId);
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    headers.putIfAbsent("X-Request-Id", requestId);
    return new HttpAnswer(response.statusCode(), headers, response.body());
  }

  private ApigResponse respond(HttpCall call, String requestId) {
    if (call.body().isEmpty()) {
      return gatewayError(413, "APIG.0201", "Request entity too large", requestId);
    }
    ApigEvent event;
    try {
      event = ApigEvents.toEvent(call, requestId);
    } catch (IllegalArgumentException e) {
      return gatewayError(400, "APIG.0201", "Bad request: malformed query string", requestId);
    }
    return invoke(event, requestId);
  }

  private ApigResponse invoke(ApigEvent event, String requestId) {
    Object answer;
    try {
      answer = backend.invoke(event);
    } catch (Exception e) {
      LOG.log(
          Level.WARNING,
          "request {0}: the function failed: {1}",
          requestId,
          e.getClass().getName());
      return gatewayError(502, "APIG.0202", "Backend unavailable", requestId);
    }
    Optional<ApigResponse> response = ApigResponse.from(answer);
    if (response.isEmpty()) {
      LOG.log(Level.WARNING, "request {0}: the function answered no APIG response", requestId);
      return gatewayError(502, "APIG.0202", "Backend unavailable: invalid response", requestId);
    }
    return response.get();
  }

  static ApigResponse gatewayError(int status, String code, String message, String requestId) {
    byte[] body =
        KmsJson.write(new GatewayError(message, code, requestId)).getBytes(StandardCharsets.UTF_8);
    return new ApigResponse(status, Map.of("Content-Type", HttpAnswer.JSON), body);
  }
}

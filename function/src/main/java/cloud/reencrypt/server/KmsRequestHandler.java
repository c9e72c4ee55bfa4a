package cloud.reencrypt.server;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.KmsOperation;
import cloud.reencrypt.kms.KmsPath;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.server.auth.KeystoreAccess;
import cloud.reencrypt.server.auth.RequestAuthenticator;
import cloud.reencrypt.server.auth.SignatureRejectedException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers one HTTP request as Huawei Cloud KMS would: read the body (at most the configured size,
 * KMS.0203 beyond), authenticate (signature or token), check the path, project and method, then run
 * the operation through {@link KmsOperation} on the engine. Every answer is JSON with an {@code
 * X-Request-Id}; no failure escapes as a stack trace or takes the server down.
 *
 * <p>Order of checks, as a gateway in front of the service would do it: authentication before
 * routing, so an unauthenticated caller learns nothing about paths. Then the project in the path
 * must be the keystore's (403 KMS.0321, "URI and token do not match", the answer KMS gives a token
 * scoped to another project), and an {@code X-Project-Id} header, when sent, must agree with it.
 */
final class KmsRequestHandler implements HttpHandler {
  /** An operation that only parses its JSON body and answers {@code {}}: the HTTP floor. */
  static final String NOOP = "noop";

  /** The body of the no-op call: any JSON object, answered with an empty one. */
  private record NoopRequest() {}

  private static final ObjectReader NOOP_READER = JsonMapping.reader(NoopRequest.class);

  private static final System.Logger LOG = System.getLogger(KmsServer.class.getName());

  private final KmsEngine engine;
  private final KeystoreAccess access;
  private final RequestAuthenticator authenticator;
  private final int maxBodyBytes;

  KmsRequestHandler(
      KmsEngine engine,
      KeystoreAccess access,
      RequestAuthenticator authenticator,
      int maxBodyBytes) {
    this.engine = engine;
    this.access = access;
    this.authenticator = authenticator;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String requestId = HttpExchanges.newRequestId();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", HttpExchanges.JSON);
    headers.put("X-Request-Id", requestId);
    byte[] answer = new byte[0];
    try {
      Reply reply = answer(exchange, requestId);
      answer = reply.body();
      if (reply.status() == 405) {
        headers.put("Allow", "POST");
      }
      HttpExchanges.send(exchange, reply.status(), headers, answer);
    } catch (IOException e) {
      exchange.close(); // the client went away: nobody is left to answer
    } finally {
      Arrays.fill(answer, (byte) 0); // may hold plaintext (decrypt-data, create-datakey)
    }
  }

  private Reply answer(HttpExchange exchange, String requestId) throws IOException {
    byte[] body = new byte[0];
    try {
      Optional<byte[]> read = HttpExchanges.readBody(exchange, maxBodyBytes);
      body = read.orElseThrow(KmsError.MESSAGE_TOO_LONG::exception);
      authenticator.authenticate(HttpExchanges.signable(exchange, body));
      return new Reply(200, dispatch(exchange, body));
    } catch (SignatureRejectedException e) {
      GatewayError error =
          new GatewayError(e.getMessage(), SignatureRejectedException.ERROR_CODE, requestId);
      return Reply.json(SignatureRejectedException.HTTP_STATUS, error);
    } catch (KmsException e) {
      return Reply.json(e.httpStatus(), e.body());
    } catch (RuntimeException e) {
      // The class only: a message from deep inside could quote request data.
      LOG.log(
          System.Logger.Level.WARNING,
          "request {0} failed: {1}",
          requestId,
          e.getClass().getName());
      KmsException internal = KmsError.INTERNAL_ERROR.exception();
      return Reply.json(internal.httpStatus(), internal.body());
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  private byte[] dispatch(HttpExchange exchange, byte[] body) {
    String rawPath = exchange.getRequestURI().getRawPath();
    String projectId =
        KmsPath.of(rawPath)
            .flatMap(KmsPath::projectId)
            .orElseThrow(() -> KmsError.INVALID_URL.exception("not a KMS path"));
    String operationName = KmsPath.of(rawPath).orElseThrow().operation();
    String headerProject = exchange.getRequestHeaders().getFirst("X-Project-Id");
    if (!projectId.equals(access.projectId())
        || (headerProject != null && !headerProject.equals(projectId))) {
      throw KmsError.URI_TOKEN_MISMATCH.exception("this server serves one project only");
    }
    Optional<KmsOperation<?, ?>> operation = KmsOperation.byPath(operationName);
    if (operation.isEmpty() && !operationName.equals(NOOP)) {
      throw KmsError.INVALID_URL.exception("unknown operation");
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      throw KmsError.METHOD_NOT_ALLOWED.exception("use POST");
    }
    Object response =
        operation.isEmpty()
            ? KmsJson.read(NOOP_READER, body)
            : operation.get().invoke(engine, body);
    return KmsJson.write(response).getBytes(StandardCharsets.UTF_8);
  }

  /** An HTTP status and its JSON body. */
  private record Reply(int status, byte[] body) {
    static Reply json(int status, Object body) {
      return new Reply(status, KmsJson.write(body).getBytes(StandardCharsets.UTF_8));
    }
  }
}

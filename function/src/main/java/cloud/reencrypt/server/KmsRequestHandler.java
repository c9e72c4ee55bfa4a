package cloud.reencrypt.server;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.KmsOperation;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.kms.KmsPath;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.server.auth.KeystoreAccess;
import cloud.reencrypt.server.auth.RequestAuthenticator;
import cloud.reencrypt.server.auth.SignatureRejectedException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Answers one HTTP request as Huawei Cloud KMS would: read the body (at most the configured size,
 * KMS.0203 beyond), authenticate (signature or token), check the path, project and method, then run
 * the operation through {@link KmsOperation} on the engine. Every answer is JSON with an {@code
 * X-Request-Id}; no failure escapes as a stack trace or takes the server down. The request has been
 * read whole by then ({@link CallBridge}); a body over the limit arrives empty.
 *
 * <p>Order of checks, as a gateway in front of the service would do it: authentication before
 * routing, so an unauthenticated caller learns nothing about paths. Then the project in the path
 * must be the keystore's (403 KMS.0321, "URI and token do not match", the answer KMS gives a token
 * scoped to another project), and an {@code X-Project-Id} header, when sent, must agree with it.
 */
final class KmsRequestHandler implements CallHandler {
  /** An operation that only parses its JSON body and answers {@code {}}: the HTTP floor. */
  static final String NOOP = "noop";

  /** The body of the no-op call: any JSON object, answered with an empty one. */
  private record NoopRequest() {}

  private static final ObjectReader NOOP_READER = JsonMapping.reader(NoopRequest.class);

  private static final System.Logger LOG = System.getLogger(KmsServer.class.getName());

  private final KmsEngine engine;
  private final KeystoreAccess access;
  private final RequestAuthenticator authenticator;

  KmsRequestHandler(KmsEngine engine, KeystoreAccess access, RequestAuthenticator authenticator) {
    this.engine = engine;
    this.access = access;
    this.authenticator = authenticator;
  }

  @Override
  public HttpAnswer answer(HttpCall call) {
    String requestId = HttpAnswer.newRequestId();
    Reply reply = reply(call, requestId);
    HttpAnswer answer = KmsAnswers.json(reply.status(), requestId, reply.body());
    if (reply.status() == 405) {
      answer.headers().put("Allow", "POST");
    }
    return answer;
  }

  /** The body is the server's to zero once answered: it may hold plaintext. */
  private Reply reply(HttpCall call, String requestId) {
    try {
      byte[] body = call.body().orElseThrow(KmsError.MESSAGE_TOO_LONG::exception);
      authenticator.authenticate(call.signable(body));
      return new Reply(200, dispatch(call, body));
    } catch (SignatureRejectedException e) {
      GatewayError error =
          new GatewayError(e.getMessage(), SignatureRejectedException.ERROR_CODE, requestId);
      return Reply.json(SignatureRejectedException.HTTP_STATUS, error);
    } catch (KmsException e) {
      return Reply.json(e.httpStatus(), forClient(e, requestId).body());
    } catch (RuntimeException e) {
      // The class only: a message from deep inside could quote request data.
      LOG.log(
          System.Logger.Level.WARNING,
          "request {0} failed: {1}",
          requestId,
          e.getClass().getName());
      KmsException internal = KmsError.INTERNAL_ERROR.exception();
      return Reply.json(internal.httpStatus(), internal.body());
    }
  }

  /** The error as the client sees it; an internal error's own message goes to the log only. */
  private static KmsException forClient(KmsException e, String requestId) {
    KmsException shown = e.forClient();
    if (shown != e) {
      LOG.log(System.Logger.Level.WARNING, "request {0} failed: {1}", requestId, e.getMessage());
    }
    return shown;
  }

  private byte[] dispatch(HttpCall call, byte[] body) {
    String rawPath = call.rawPath();
    String projectId =
        KmsPath.of(rawPath)
            .flatMap(KmsPath::projectId)
            .orElseThrow(() -> KmsError.INVALID_URL.exception("not a KMS path"));
    String operationName = KmsPath.of(rawPath).orElseThrow().operation();
    String headerProject = call.header("X-Project-Id").orElse(null);
    if (!projectId.equals(access.projectId())
        || (headerProject != null && !headerProject.equals(projectId))) {
      throw KmsError.URI_TOKEN_MISMATCH.exception("this server serves one project only");
    }
    Optional<KmsOperation<?, ?>> operation = KmsOperations.byPath(operationName);
    if (operation.isEmpty() && !operationName.equals(NOOP)) {
      throw KmsError.INVALID_URL.exception("unknown operation");
    }
    if (!call.method().equals("POST")) {
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

package cloud.reencrypt.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * Jetty's side of a local server: checks what HTTP itself must refuse ({@link RequestTarget}),
 * reads the body ({@link BodyReader}), hands the {@link HttpCall} to the server's handler and
 * writes its answer. Protocol refusals use the server's {@link ErrorAnswers}, as Jetty's own errors
 * do.
 */
final class CallBridge extends Handler.Abstract {
  private static final System.Logger LOG = System.getLogger(CallBridge.class.getName());

  private final CallHandler handler;
  private final ErrorAnswers errors;
  private final int maxBodyBytes;

  CallBridge(CallHandler handler, ErrorAnswers errors, int maxBodyBytes) {
    this.handler = handler;
    this.errors = errors;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Optional<Integer> refused = RequestTarget.refusal(request.getHttpURI());
    if (refused.isPresent()) {
      write(request, response, callback, errors.error(refused.get()));
    } else if (request.getLength() > (long) maxBodyBytes + BodyReader.DISCARD_BYTES) {
      // Too long to read and drop: answer now, and Jetty closes the connection (body unread).
      answer(request, response, callback, Optional.empty());
    } else {
      BodyReader.read(
          request,
          maxBodyBytes,
          body -> answer(request, response, callback, body),
          failure -> write(request, response, callback, errors.error(statusOf(failure))));
    }
    return true;
  }

  private void answer(
      Request request, Response response, Callback callback, Optional<byte[]> body) {
    HttpAnswer answer;
    try {
      answer = handler.answer(call(request, body));
    } catch (RuntimeException e) {
      // The class only: a message from deep inside could quote request data.
      LOG.log(System.Logger.Level.WARNING, "request failed: {0}", e.getClass().getName());
      answer = errors.error(500);
    } finally {
      body.ifPresent(bytes -> Arrays.fill(bytes, (byte) 0));
    }
    write(request, response, callback, answer);
  }

  /** Writes a whole answer, then zeroes its body (which may hold plaintext). */
  static void write(Request request, Response response, Callback callback, HttpAnswer answer) {
    response.setStatus(answer.status());
    answer.headers().forEach(response.getHeaders()::put);
    byte[] body = answer.body();
    Runnable zero = () -> Arrays.fill(body, (byte) 0);
    Callback done =
        Callback.from(
            () -> {
              zero.run();
              callback.succeeded();
            },
            failure -> {
              zero.run();
              callback.failed(failure);
            });
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), done);
  }

  private static HttpCall call(Request request, Optional<byte[]> body) {
    HttpURI uri = request.getHttpURI();
    return new HttpCall(
        request.getMethod(),
        uri.getPath(),
        URIUtil.decodePath(uri.getPath()),
        uri.getQuery(),
        headers(request),
        Request.getRemoteAddr(request),
        body);
  }

  private static Map<String, List<String>> headers(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers
          .computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
          .add(field.getValue());
    }
    return headers;
  }

  /** A body that broke off: the parser's status, 408 for a stall, else 400. */
  private static int statusOf(Throwable failure) {
    if (failure instanceof HttpException http) {
      return http.getCode();
    }
    return failure instanceof TimeoutException ? 408 : 400;
  }
}

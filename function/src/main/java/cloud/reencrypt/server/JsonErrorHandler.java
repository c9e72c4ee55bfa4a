package cloud.reencrypt.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error path (the server's error handler): what the HTTP parser refuses (a garbage request
 * line, bad or oversized headers, a bad {@code Content-Length}), ambiguous URIs and anything a
 * handler fails with. Jetty's own handler would answer an HTML page; this one answers the server's
 * JSON error for the status Jetty chose, and never the exception or Jetty's message (either may
 * quote the request).
 */
final class JsonErrorHandler implements Request.Handler {
  private final ErrorAnswers errors;

  JsonErrorHandler(ErrorAnswers errors) {
    this.errors = errors;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    CallBridge.write(request, response, callback, errors.error(status(request, response)));
    return true;
  }

  private static int status(Request request, Response response) {
    Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
    if (status instanceof Integer code && code >= 400) {
      return code;
    }
    return response.getStatus() >= 400 ? response.getStatus() : 500;
  }
}

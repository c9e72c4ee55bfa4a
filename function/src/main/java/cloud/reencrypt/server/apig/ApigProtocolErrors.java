package cloud.reencrypt.server.apig;

import cloud.reencrypt.server.ErrorAnswers;
import cloud.reencrypt.server.HttpAnswer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code start-api}'s answers to requests refused at the HTTP level, in APIG's flat error format
 * like the gateway's other errors: APIG.0201 (bad request) for the client's faults (501 and 505
 * included), with a fixed message per status; APIG.9999 (system error) for the gateway's own.
 * Nothing of the request is echoed.
 */
final class ApigProtocolErrors implements ErrorAnswers {
  @Override
  public HttpAnswer error(int status) {
    String requestId = HttpAnswer.newRequestId();
    ApigResponse error =
        status >= 500 && status != 501 && status != 505
            ? ApiGatewayServer.gatewayError(status, "APIG.9999", "System error", requestId)
            : ApiGatewayServer.gatewayError(status, "APIG.0201", message(status), requestId);
    Map<String, String> headers = new LinkedHashMap<>(error.headers());
    headers.put("X-Request-Id", requestId);
    return new HttpAnswer(status, headers, error.body());
  }

  private static String message(int status) {
    return switch (status) {
      case 408 -> "Bad request: the request was not received in time";
      case 413 -> "Request entity too large";
      case 414 -> "Bad request: request URI too long";
      case 431 -> "Bad request: request headers too large";
      case 501 -> "Bad request: unsupported transfer encoding";
      case 505 -> "Bad request: unsupported HTTP version";
      default -> "Bad request: malformed HTTP request";
    };
  }
}

package cloud.reencrypt.server.apig;

import cloud.reencrypt.fgs.local.ApigEvent;
import cloud.reencrypt.server.HttpCall;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an HTTP request into the event a FunctionGraph function behind API Gateway receives, as
 * APIG builds it by default ({@link ApigEvent#of}, the builder {@code generate-event} uses too):
 *
 * <ul>
 *   <li>{@code body}: the request body in base64, with {@code isBase64Encoded: true};
 *   <li>{@code headers}: lower-case names, repeated headers joined with {@code ,};
 *   <li>{@code queryStringParameters}: decoded names and values, the first value of a repeated
 *       name;
 *   <li>{@code path} (decoded), {@code httpMethod}, empty {@code pathParameters};
 *   <li>{@code requestContext}: {@code apiId}, {@code requestId} (also sent back as {@code
 *       X-Request-Id}), {@code stage} {@code RELEASE}, {@code sourceIp}.
 * </ul>
 *
 * It takes the request's parts, not a server's request type, so any HTTP server can use it.
 */
final class ApigEvents {
  static final String API_ID = "local-start-api";

  private ApigEvents() {}

  /**
   * @param call a request whose body was read whole
   * @throws IllegalArgumentException for a query with a malformed percent escape
   */
  static ApigEvent toEvent(HttpCall call, String requestId) {
    ApigEvent.RequestContext context =
        new ApigEvent.RequestContext(
            API_ID, requestId, ApigEvent.RequestContext.RELEASE, call.remoteAddress());
    return ApigEvent.of(
        call.method(),
        call.path(),
        headers(call.headers()),
        query(call.rawQuery()),
        call.body().orElseThrow(),
        context);
  }

  private static Map<String, String> headers(Map<String, List<String>> headers) {
    Map<String, String> joined = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> joined.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    return joined;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      String[] parts = pair.split("=", 2);
      String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if (!name.isEmpty() && !parameters.containsKey(name)) {
        parameters.put(
            name, parts.length == 1 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }
}

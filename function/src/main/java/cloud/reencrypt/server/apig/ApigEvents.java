package cloud.reencrypt.server.apig;

import static cloud.reencrypt.json.Json.objectOf;

import cloud.reencrypt.server.HttpCall;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an HTTP request into the event a FunctionGraph function behind API Gateway receives, as
 * APIG builds it by default:
 *
 * <ul>
 *   <li>{@code body}: the request body in base64, with {@code isBase64Encoded: true} (APIG's {@code
 *       is_send_fg_body_base64} defaults to true);
 *   <li>{@code headers}: lower-case names, repeated headers joined with {@code ,};
 *   <li>{@code queryStringParameters}: decoded names and values, the first value of a repeated
 *       name;
 *   <li>{@code path} (decoded), {@code httpMethod}, empty {@code pathParameters};
 *   <li>{@code requestContext}: {@code apiId}, {@code requestId} (also sent back as {@code
 *       X-Request-Id}), {@code stage} {@code RELEASE}, {@code sourceIp}.
 * </ul>
 */
final class ApigEvents {
  static final String API_ID = "local-start-api";

  private ApigEvents() {}

  /**
   * @param call a request whose body was read whole
   * @throws IllegalArgumentException for a query with a malformed percent escape
   */
  static Map<String, Object> toEvent(HttpCall call, String requestId) {
    return objectOf(
        "httpMethod", call.method(),
        "path", call.path(),
        "headers", headers(call.headers()),
        "queryStringParameters", query(call.rawQuery()),
        "pathParameters", objectOf(),
        "body", Base64.getEncoder().encodeToString(call.body().orElseThrow()),
        "isBase64Encoded", true,
        "requestContext",
            objectOf(
                "apiId",
                API_ID,
                "requestId",
                requestId,
                "stage",
                "RELEASE",
                "sourceIp",
                call.remoteAddress()));
  }

  private static Map<String, Object> headers(Map<String, List<String>> headers) {
    Map<String, Object> node = objectOf();
    headers.forEach(
        (name, values) -> node.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    return node;
  }

  private static Map<String, Object> query(String rawQuery) {
    Map<String, Object> node = objectOf();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return node;
    }
    for (String pair : rawQuery.split("&")) {
      String[] parts = pair.split("=", 2);
      String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if (!name.isEmpty() && !node.containsKey(name)) {
        node.put(
            name, parts.length == 1 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    return node;
  }
}

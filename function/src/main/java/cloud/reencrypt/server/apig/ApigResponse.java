package cloud.reencrypt.server.apig;

import cloud.reencrypt.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a function behind APIG returns, checked the way APIG checks it: an object with an integer
 * {@code statusCode} (100–599), string-valued {@code headers}, a string {@code body} that is base64
 * when {@code isBase64Encoded} is true. Anything else is a bad backend answer (APIG: 502).
 */
record ApigResponse(int statusCode, Map<String, String> headers, byte[] body) {

  static Optional<ApigResponse> from(Object json) {
    Map<String, Object> answer = Json.asObject(json);
    Integer status = answer == null ? null : Json.asInt(answer.get("statusCode"));
    if (status == null || status < 100 || status > 599) {
      return Optional.empty();
    }
    Map<String, Object> given = Json.object(answer, "headers");
    Map<String, String> headers = new LinkedHashMap<>();
    if (given != null) {
      for (Map.Entry<String, Object> header : given.entrySet()) {
        Object value = header.getValue();
        if (value == null || value instanceof Map || value instanceof List) {
          return Optional.empty();
        }
        headers.put(header.getKey(), value.toString());
      }
    }
    return body(answer).map(body -> new ApigResponse(status, headers, body));
  }

  private static Optional<byte[]> body(Map<String, Object> answer) {
    Object body = answer.get("body");
    if (body == null) {
      return Optional.of(new byte[0]);
    }
    if (!(body instanceof String text)) {
      return Optional.empty();
    }
    if (!Boolean.TRUE.equals(answer.get("isBase64Encoded"))) {
      return Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }
    try {
      return Optional.of(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

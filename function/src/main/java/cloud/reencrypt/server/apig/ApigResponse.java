package cloud.reencrypt.server.apig;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a function behind APIG returns, checked the way APIG checks it: an object with an integer
 * {@code statusCode} (100–599), string-valued {@code headers}, a string {@code body} that is base64
 * when {@code isBase64Encoded} is true. Anything else is a bad backend answer (APIG: 502).
 */
record ApigResponse(int statusCode, Map<String, String> headers, byte[] body) {

  static Optional<ApigResponse> from(JsonNode answer) {
    if (answer == null || !answer.isObject() || !answer.path("statusCode").canConvertToInt()) {
      return Optional.empty();
    }
    int status = answer.path("statusCode").asInt();
    if (status < 100 || status > 599) {
      return Optional.empty();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (var field : (Iterable<Map.Entry<String, JsonNode>>) answer.path("headers")::fields) {
      if (!field.getValue().isValueNode()) {
        return Optional.empty();
      }
      headers.put(field.getKey(), field.getValue().asText());
    }
    return body(answer).map(body -> new ApigResponse(status, headers, body));
  }

  private static Optional<byte[]> body(JsonNode answer) {
    JsonNode body = answer.path("body");
    if (body.isMissingNode() || body.isNull()) {
      return Optional.of(new byte[0]);
    }
    if (!body.isTextual()) {
      return Optional.empty();
    }
    if (!answer.path("isBase64Encoded").asBoolean(false)) {
      return Optional.of(body.asText().getBytes(StandardCharsets.UTF_8));
    }
    try {
      return Optional.of(Base64.getDecoder().decode(body.asText()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

package cloud.reencrypt.server.apig;

import cloud.reencrypt.mapping.JsonMapping;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a function behind APIG returns, checked the way APIG checks it: an object with an integer
 * {@code statusCode} (100–599), string-valued {@code headers}, a string {@code body} that is base64
 * when {@code isBase64Encoded} is true. Anything else is a bad backend answer (APIG: 502).
 */
record ApigResponse(int statusCode, Map<String, String> headers, byte[] body) {

  /** The answer checked; {@code json} is a JSON tree or any value Jackson can turn into one. */
  static Optional<ApigResponse> from(Object json) {
    JsonNode answer =
        json instanceof JsonNode node ? node : JsonMapping.convert(json, JsonNode.class);
    if (answer == null || !answer.isObject()) {
      return Optional.empty();
    }
    Optional<Integer> status = status(answer.get("statusCode"));
    Optional<Map<String, String>> headers = headers(answer.get("headers"));
    if (status.isEmpty() || headers.isEmpty()) {
      return Optional.empty();
    }
    return body(answer).map(body -> new ApigResponse(status.get(), headers.get(), body));
  }

  /** An HTTP status given as any integral number: Gson writes an int, a Map may hold 200.0. */
  private static Optional<Integer> status(JsonNode status) {
    if (status == null
        || !status.isNumber()
        || !status.canConvertToExactIntegral()
        || !status.canConvertToInt()) {
      return Optional.empty();
    }
    int code = status.intValue();
    return code < 100 || code > 599 ? Optional.empty() : Optional.of(code);
  }

  private static Optional<Map<String, String>> headers(JsonNode given) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (given == null || given.isNull()) {
      return Optional.of(headers);
    }
    if (!given.isObject()) {
      return Optional.empty();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      if (!header.getValue().isValueNode() || header.getValue().isNull()) {
        return Optional.empty();
      }
      headers.put(header.getKey(), header.getValue().asText());
    }
    return Optional.of(headers);
  }

  private static Optional<byte[]> body(JsonNode answer) {
    JsonNode body = answer.get("body");
    if (body == null || body.isNull()) {
      return Optional.of(new byte[0]);
    }
    if (!body.isTextual()) {
      return Optional.empty();
    }
    if (!answer.path("isBase64Encoded").booleanValue()) {
      return Optional.of(body.asText().getBytes(StandardCharsets.UTF_8));
    }
    try {
      return Optional.of(Base64.getDecoder().decode(body.asText()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

package cloud.reencrypt.kms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON mapping for KMS messages: snake_case field names, absent (null) fields left out, unknown
 * request fields ignored as the KMS SDKs ignore them.
 */
public final class KmsJson {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private KmsJson() {}

  /** Parses a request body; anything but a JSON object is KMS.0202. */
  public static ObjectNode parseObject(String body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw KmsError.INVALID_JSON.exception();
    }
    if (node == null || !node.isObject()) {
      throw KmsError.INVALID_JSON.exception("the body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("KMS messages always serialise", e);
    }
  }
}

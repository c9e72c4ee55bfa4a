package cloud.reencrypt.fgs;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of an OBS event in any of the three shapes FunctionGraph delivers:
 *
 * <ol>
 *   <li>the classic OBS trigger: {@code {"Records": [{"eventName", "s3": {"bucket": {"name"},
 *       "object": {"key"}}}]}};
 *   <li>OBS notification messages v3: the same with {@code "obs"} instead of {@code "s3"};
 *   <li>EventGrid's CloudEvents envelope: {@code {"specversion", "type", "data": record}}, where
 *       {@code data} is one record or a list of them.
 * </ol>
 *
 * Object keys arrive URL-encoded ({@code +} for a space, {@code %XX} escapes of UTF-8 bytes) and
 * are decoded here, before any store sees them.
 */
final class ObsEvents {
  private ObsEvents() {}

  /** Whether the JSON has the shape of an OBS event (used to tell it from an APIG event). */
  static boolean looksLikeObsEvent(JsonNode event) {
    return event.has("Records") || event.has("specversion") && event.has("data");
  }

  /**
   * The event's records, in order; a record that cannot be read comes back with a problem.
   *
   * @throws IllegalArgumentException when the event has none of the three shapes
   */
  static List<ObsRecord> records(JsonNode event) {
    List<ObsRecord> records = new ArrayList<>();
    if (event.path("Records").isArray()) {
      event.get("Records").forEach(record -> records.add(record(record, null)));
    } else if (event.has("data")) {
      JsonNode data = event.get("data");
      String type = event.path("type").asText(null);
      if (data.isArray()) {
        data.forEach(record -> records.add(record(record, type)));
      } else {
        records.add(record(data, type));
      }
    } else {
      throw new IllegalArgumentException(
          "not an OBS event: expected \"Records\" or a CloudEvents \"data\"");
    }
    return records;
  }

  private static ObsRecord record(JsonNode record, String cloudEventType) {
    JsonNode body = record.has("s3") ? record.get("s3") : record.path("obs");
    JsonNode bucketNode = body.path("bucket");
    String bucket = text(bucketNode.path("name"), text(bucketNode.path("bucket"), null));
    String encodedKey = text(body.path("object").path("key"), null);
    String etag = text(body.path("object").path("eTag"), null);
    String eventName = text(record.path("eventName"), cloudEventType);
    if (bucket == null || encodedKey == null) {
      return ObsRecord.unusable(bucket, encodedKey, "the record names no bucket or object key");
    }
    try {
      String key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
      return new ObsRecord(
          bucket, key, etag == null ? null : etag.replace("\"", ""), eventName, null);
    } catch (IllegalArgumentException e) {
      return ObsRecord.unusable(bucket, encodedKey, "the object key is not valid URL encoding");
    }
  }

  private static String text(JsonNode node, String fallback) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : fallback;
  }
}

package cloud.reencrypt.fgs;

import cloud.reencrypt.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
  static boolean looksLikeObsEvent(Map<String, Object> event) {
    return event.containsKey("Records")
        || event.containsKey("specversion") && event.containsKey("data");
  }

  /**
   * The event's records, in order; a record that cannot be read comes back with a problem.
   *
   * @throws IllegalArgumentException when the event has none of the three shapes
   */
  static List<ObsRecord> records(Map<String, Object> event) {
    List<ObsRecord> records = new ArrayList<>();
    List<Object> classic = Json.array(event, "Records");
    if (classic != null) {
      classic.forEach(record -> records.add(record(record, null)));
    } else if (event.get("data") != null) {
      Object data = event.get("data");
      String type = Json.string(event, "type");
      List<Object> several = Json.asArray(data);
      if (several != null) {
        several.forEach(record -> records.add(record(record, type)));
      } else {
        records.add(record(data, type));
      }
    } else {
      throw new IllegalArgumentException(
          "not an OBS event: expected \"Records\" or a CloudEvents \"data\"");
    }
    return records;
  }

  private static ObsRecord record(Object value, String cloudEventType) {
    Map<String, Object> record = member(value);
    Map<String, Object> body =
        record.containsKey("s3") ? member(record.get("s3")) : member(record.get("obs"));
    Map<String, Object> bucketObject = member(body.get("bucket"));
    Map<String, Object> object = member(body.get("object"));
    String bucket = text(bucketObject, "name", text(bucketObject, "bucket", null));
    String encodedKey = text(object, "key", null);
    String etag = text(object, "eTag", null);
    String eventName = text(record, "eventName", cloudEventType);
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

  /** The value as an object; anything else reads as an empty one, whose members are all absent. */
  private static Map<String, Object> member(Object value) {
    Map<String, Object> object = Json.asObject(value);
    return object == null ? Map.of() : object;
  }

  private static String text(Map<String, Object> object, String name, String fallback) {
    String text = Json.string(object, name);
    return text != null && !text.isEmpty() ? text : fallback;
  }
}

package cloud.reencrypt.fgs;

import cloud.reencrypt.fgs.ObsEventShapes.Body;
import cloud.reencrypt.fgs.ObsEventShapes.Envelope;
import cloud.reencrypt.fgs.ObsEventShapes.EventRecord;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.mapping.JsonReadException;
import cloud.reencrypt.service.ObjectEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the records of an OBS event in any of the three shapes FunctionGraph delivers ({@link
 * ObsEventShapes}):
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
  static boolean looksLikeObsEvent(Map<?, ?> event) {
    return event.containsKey("Records")
        || event.containsKey("specversion") && event.containsKey("data");
  }

  /**
   * The event's records, in order; a record that cannot be read comes back with a problem.
   *
   * @throws IllegalArgumentException when the event has none of the three shapes, or its envelope
   *     has a member of the wrong type
   */
  static List<ObsRecord> records(Map<String, Object> event) {
    Envelope envelope;
    try {
      envelope = JsonMapping.convert(event, Envelope.class);
    } catch (JsonReadException e) {
      throw new IllegalArgumentException("not an OBS event: " + e.getMessage(), e);
    }
    List<ObsRecord> records = new ArrayList<>();
    if (envelope.records() != null) {
      envelope.records().forEach(record -> records.add(record(record, null, records.size())));
    } else if (envelope.data() != null && !envelope.data().isNull()) {
      JsonNode data = envelope.data();
      String type = envelope.type();
      if (data.isArray()) {
        data.forEach(record -> records.add(record(record, type, records.size())));
      } else {
        records.add(record(data, type, 0));
      }
    } else {
      throw new IllegalArgumentException(
          "not an OBS event: expected \"Records\" or a CloudEvents \"data\"");
    }
    return records;
  }

  private static ObsRecord record(JsonNode json, String cloudEventType, int index) {
    EventRecord record;
    try {
      record = json.isObject() ? JsonMapping.convert(json, EventRecord.class) : null;
    } catch (JsonReadException e) {
      return ObsRecord.unusable(null, null, "record " + (index + 1) + ": " + e.getMessage());
    }
    Body body = record == null ? null : record.body();
    String bucket = body == null || body.bucket() == null ? null : bucketName(body);
    String encodedKey = body == null || body.object() == null ? null : text(body.object().key());
    if (bucket == null || encodedKey == null) {
      return ObsRecord.unusable(bucket, encodedKey, "the record names no bucket or object key");
    }
    String etag = text(body.object().eTag());
    String eventName = text(record.eventName());
    try {
      String key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
      return ObsRecord.usable(
          new ObjectEvent(
              bucket,
              key,
              etag == null ? null : etag.replace("\"", ""),
              eventName != null ? eventName : cloudEventType));
    } catch (IllegalArgumentException e) {
      return ObsRecord.unusable(bucket, encodedKey, "the object key is not valid URL encoding");
    }
  }

  private static String bucketName(Body body) {
    String name = text(body.bucket().name());
    return name != null ? name : text(body.bucket().bucket());
  }

  /** An empty member counts as absent, as OBS fills unused members with {@code ""}. */
  private static String text(String value) {
    return value != null && !value.isEmpty() ? value : null;
  }
}

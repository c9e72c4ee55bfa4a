package cloud.reencrypt.fgs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The OBS event shapes as typed records, bound from the runtime's map by {@code JsonMapping}.
 * Members the function does not use (sizes, times, request parameters) are ignored; a member it
 * uses with the wrong type is refused with its path.
 */
final class ObsEventShapes {
  private ObsEventShapes() {}

  /**
   * The outer object: {@code Records} for the classic trigger and notification v3; {@code
   * specversion}, {@code type} and {@code data} for EventGrid's CloudEvents. Records stay trees
   * here and are bound one by one, so that one malformed record fails alone.
   *
   * @param data one record, or an array of them
   */
  record Envelope(
      @JsonProperty("Records") List<JsonNode> records,
      String specversion,
      String type,
      JsonNode data) {}

  /**
   * One record: its body is under {@code s3} (classic) or {@code obs} (notification v3).
   *
   * @param eventName e.g. {@code ObjectCreated:Put}; EventGrid puts the type on the envelope
   */
  record EventRecord(String eventName, Body s3, Body obs) {
    Body body() {
      return s3 != null ? s3 : obs;
    }
  }

  record Body(Bucket bucket, EventObject object) {}

  /** A bucket is named by {@code name}; some notification samples use {@code bucket}. */
  record Bucket(String name, String bucket) {}

  /**
   * @param key the object key, URL-encoded as OBS sends it
   * @param eTag the object's ETag, possibly quoted
   */
  record EventObject(String key, @JsonProperty("eTag") String eTag) {}
}

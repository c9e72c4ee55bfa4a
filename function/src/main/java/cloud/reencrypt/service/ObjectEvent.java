package cloud.reencrypt.service;

import java.util.Objects;

/**
 * One object event the use case acts on, whatever trigger delivered it.
 *
 * @param bucket the bucket name
 * @param key the object key, already URL-decoded
 * @param etag the object's ETag when the event carries one (quotes removed), or null
 * @param eventName e.g. {@code ObjectCreated:Put}, or null when the event has none
 */
public record ObjectEvent(String bucket, String key, String etag, String eventName) {
  public ObjectEvent {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
  }

  /** Whether the event announces a created object (a missing event name is taken as one). */
  public boolean isObjectCreated() {
    return eventName == null || eventName.contains("ObjectCreated");
  }
}

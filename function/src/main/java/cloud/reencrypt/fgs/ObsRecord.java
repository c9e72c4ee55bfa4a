package cloud.reencrypt.fgs;

/**
 * One object event from an OBS notification, whatever its shape.
 *
 * @param bucket the bucket name, or null when the record has none
 * @param key the object key, URL-decoded, or null when the record has none
 * @param etag the object's ETag when the event carries one (quotes removed), or null
 * @param eventName e.g. {@code ObjectCreated:Put}, or null when the record has none
 * @param problem why the record cannot be processed, or null when it can
 */
record ObsRecord(String bucket, String key, String etag, String eventName, String problem) {
  static ObsRecord unusable(String bucket, String key, String problem) {
    return new ObsRecord(bucket, key, null, null, problem);
  }

  /** Whether the record announces a created object (a missing event name is taken as one). */
  boolean isObjectCreated() {
    return eventName == null || eventName.contains("ObjectCreated");
  }
}

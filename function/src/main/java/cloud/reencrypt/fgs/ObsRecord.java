package cloud.reencrypt.fgs;

import cloud.reencrypt.service.ObjectEvent;
import cloud.reencrypt.service.RecordSummary;

/**
 * One record of an OBS event as read from the event, usable or not.
 *
 * @param event the object event, or null when the record cannot be processed
 * @param bucket the bucket name as the record gives it, or null
 * @param key the object key (URL-decoded when it could be), or null
 * @param problem why the record cannot be processed, or null when it can
 */
record ObsRecord(ObjectEvent event, String bucket, String key, String problem) {
  static ObsRecord usable(ObjectEvent event) {
    return new ObsRecord(event, event.bucket(), event.key(), null);
  }

  static ObsRecord unusable(String bucket, String key, String problem) {
    return new ObsRecord(null, bucket, key, problem);
  }

  /** The summary of a record that cannot be processed. */
  RecordSummary failure() {
    return RecordSummary.unusable(bucket, key, problem);
  }
}

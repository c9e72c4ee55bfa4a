package cloud.reencrypt.service;

import java.util.Optional;

/**
 * Where a source object's re-encrypted output goes: {@code OUTPUT_BUCKET} (default: the source
 * bucket) at {@code OUTPUT_PREFIX} + the source key. Also the guard against loops: an object
 * already under the output location is never processed again.
 */
record OutputLocation(String bucket, String key) {
  /**
   * The output of a source object.
   *
   * @param outputBucket the configured output bucket; empty means the source bucket
   */
  static OutputLocation of(
      Optional<String> outputBucket, String prefix, String bucket, String key) {
    return new OutputLocation(outputBucket.orElse(bucket), prefix + key);
  }

  /** Whether writing here would trigger the function again on its own output. */
  static boolean isUnderOutput(
      Optional<String> outputBucket, String prefix, String bucket, String key) {
    return outputBucket.orElse(bucket).equals(bucket) && key.startsWith(prefix);
  }
}

package cloud.reencrypt.kms.cloud;

/** Whether an operation may run twice when the first attempt's fate is unknown. */
public enum Repeatability {
  /**
   * Running it again changes nothing in KMS: crypto operations and reads. Retried after any
   * transient failure.
   */
  REPEATABLE,
  /**
   * Running it twice can change the result (a second key, "already disabled"): key management.
   * Retried only when KMS surely did not act on the first attempt (throttled, never connected).
   */
  ONCE
}

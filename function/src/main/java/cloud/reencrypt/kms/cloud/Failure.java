package cloud.reencrypt.kms.cloud;

/** What a failed KMS call tells about retrying it; {@link SdkErrors#classify} decides. */
public enum Failure {
  /** The gateway refused the request for the account's quota (HTTP 429, APIGW.0308). */
  THROTTLED,
  /** No connection was made, so KMS never saw the request (refused, connect timeout). */
  NOT_SENT,
  /**
   * The request may or may not have reached KMS and a later attempt may succeed: 500, 502, 503,
   * 504, a reset connection, no answer within the read timeout.
   */
  TRANSIENT,
  /** Repeating the same request cannot change the answer: any other 4xx, bad configuration. */
  PERMANENT
}

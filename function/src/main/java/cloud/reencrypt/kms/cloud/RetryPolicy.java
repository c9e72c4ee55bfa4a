package cloud.reencrypt.kms.cloud;

/**
 * Which failures are retried. Throttling is retried for every operation and without a count: KMS
 * refused the request unseen, the limiter has slowed down, and only the invocation's remaining time
 * bounds the waiting ({@link ResilientCaller}), so a throttle never fails a call that time would
 * have let succeed. Failed connections are retried for every operation, other transient failures
 * only for repeatable ones, both up to {@code maxAttempts}; permanent failures (a 400, 401, 403 or
 * 404 that a second identical request cannot change) never.
 *
 * @param maxAttempts attempts per call that may fail other than by throttling, the first included
 *     (1 turns those retries off)
 */
public record RetryPolicy(int maxAttempts) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /**
   * Whether a call is retried after a failure.
   *
   * @param failed the call's attempts that failed other than by throttling, this one included
   */
  public boolean retries(Failure failure, Repeatability repeatability, int failed) {
    return switch (failure) {
      case THROTTLED -> true;
      case NOT_SENT -> failed < maxAttempts;
      case TRANSIENT -> repeatability == Repeatability.REPEATABLE && failed < maxAttempts;
      case PERMANENT -> false;
    };
  }
}

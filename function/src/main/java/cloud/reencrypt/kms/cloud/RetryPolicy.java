package cloud.reencrypt.kms.cloud;

/**
 * Which failures are retried, and how many attempts a call gets in all. Throttling and failed
 * connections are retried for every operation; other transient failures only for repeatable ones;
 * permanent failures (a 400, 401, 403 or 404 that a second identical request cannot change) never.
 *
 * @param maxAttempts attempts per call, the first included (1 turns retries off)
 */
public record RetryPolicy(int maxAttempts) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /**
   * Whether attempt number {@code attempt} (from 1), which failed with {@code failure}, is retried.
   */
  public boolean retries(Failure failure, Repeatability repeatability, int attempt) {
    if (attempt >= maxAttempts) {
      return false;
    }
    return switch (failure) {
      case THROTTLED, NOT_SENT -> true;
      case TRANSIENT -> repeatability == Repeatability.REPEATABLE;
      case PERMANENT -> false;
    };
  }
}

package cloud.reencrypt.kms.cloud;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before retry {@code n} (0 for the first retry) the caller
 * waits a uniformly random time in {@code [0, min(cap, base * 2^n))}. Full jitter spreads the
 * retries of many concurrent callers that were throttled at the same moment, which is what KMS's
 * per-account quota needs.
 *
 * @param base the ceiling of the first retry's delay
 * @param cap the largest ceiling any retry gets
 */
public record Backoff(Duration base, Duration cap) {
  /** Base 200 ms, cap 5 s: five attempts wait at most 0.2 + 0.4 + 0.8 + 1.6 s in total. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

  public Backoff {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < base <= cap");
    }
  }

  /** The upper bound of retry {@code retry}'s delay: {@code min(cap, base * 2^retry)}. */
  public long ceilingMillis(int retry) {
    long cap = this.cap.toMillis();
    long base = this.base.toMillis();
    if (retry >= Long.numberOfLeadingZeros(base) - 1) {
      return cap; // base << retry would overflow
    }
    return Math.min(cap, base << retry);
  }

  /** A delay drawn uniformly from {@code [0, ceilingMillis(retry))}. */
  public long delayMillis(int retry, DoubleSupplier unitRandom) {
    return (long) (unitRandom.getAsDouble() * ceilingMillis(retry));
  }
}

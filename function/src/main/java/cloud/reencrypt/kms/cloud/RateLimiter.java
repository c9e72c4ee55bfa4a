package cloud.reencrypt.kms.cloud;

import java.util.function.LongSupplier;

/**
 * A client-side request rate limit ({@code KMS_MAX_TPS}) that keeps bulk work under the account's
 * KMS quota: requests are spaced {@code 1/tps} apart, with no burst, across every thread sharing
 * the limiter. A caller reserves its slot and then sleeps until it; a slot further away than the
 * caller can wait is not taken, so giving up never wastes capacity.
 */
public final class RateLimiter {
  private static final RateLimiter OFF = new RateLimiter(0, () -> 0);

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private long nextFreeNanos;
  private boolean started;

  private RateLimiter(long intervalNanos, LongSupplier nanoTime) {
    this.intervalNanos = intervalNanos;
    this.nanoTime = nanoTime;
  }

  /** No limit. */
  public static RateLimiter off() {
    return OFF;
  }

  /** At most {@code requestsPerSecond} requests per second on {@code nanoTime}'s clock. */
  public static RateLimiter perSecond(double requestsPerSecond, LongSupplier nanoTime) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("the rate must be a positive number of requests/s");
    }
    return new RateLimiter(Math.max(1, Math.round(1e9 / requestsPerSecond)), nanoTime);
  }

  public boolean isOff() {
    return intervalNanos == 0;
  }

  /**
   * Takes the next request slot if it starts within {@code maxWaitNanos}.
   *
   * @return nanoseconds to wait before sending (0 for now), or -1 if the slot is further away than
   *     {@code maxWaitNanos} (nothing is reserved then)
   */
  public synchronized long reserve(long maxWaitNanos) {
    if (isOff()) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    long slot = started && nextFreeNanos - now > 0 ? nextFreeNanos : now;
    long wait = slot - now;
    if (wait > maxWaitNanos) {
      return -1;
    }
    nextFreeNanos = slot + intervalNanos;
    started = true;
    return wait;
  }
}

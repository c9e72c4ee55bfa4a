package cloud.reencrypt.kms.cloud;

import java.util.function.LongSupplier;

/**
 * The client-side request rate shared by every thread of the instance, which keeps bulk work under
 * the account's KMS quota. Requests are spaced {@code 1/rate} apart, with no burst; the rate is the
 * instance's share of the quota ({@link InstanceQuota}) and adapts when KMS throttles anyway
 * ({@link AdaptiveRate}): other functions use the same account, and the configuration may be wrong.
 * Without a configured rate, requests go out unpaced until the first throttle, and the limiter then
 * starts from the rate they were going at ({@link SendMeter}).
 *
 * <p>A caller reserves its slot and then sleeps until it; a slot further away than the caller can
 * wait is not taken, so giving up never wastes capacity.
 */
public final class RateLimiter {
  private final LongSupplier nanoTime;
  private final AdaptiveRate rate;
  private final SendMeter sent = new SendMeter();
  private long nextFreeNanos;
  private boolean started;

  private RateLimiter(double ceiling, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.rate = new AdaptiveRate(ceiling);
  }

  /** No rate configured: unpaced until KMS throttles. */
  public static RateLimiter unlimited(LongSupplier nanoTime) {
    return new RateLimiter(Double.POSITIVE_INFINITY, nanoTime);
  }

  /** At most {@code requestsPerSecond} requests per second on {@code nanoTime}'s clock. */
  public static RateLimiter perSecond(double requestsPerSecond, LongSupplier nanoTime) {
    if (Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("the rate must be a positive number of requests/s");
    }
    return new RateLimiter(requestsPerSecond, nanoTime);
  }

  /** {@code perSecond} for a configured rate, {@code unlimited} for 0 (none). */
  public static RateLimiter configured(double requestsPerSecond, LongSupplier nanoTime) {
    return requestsPerSecond == 0 ? unlimited(nanoTime) : perSecond(requestsPerSecond, nanoTime);
  }

  /**
   * Takes the next request slot if it starts within {@code maxWaitNanos}.
   *
   * @return nanoseconds to wait before sending (0 for now), or -1 if the slot is further away than
   *     {@code maxWaitNanos} (nothing is reserved then)
   */
  public synchronized long reserve(long maxWaitNanos) {
    long now = nanoTime.getAsLong();
    long slot = started && nextFreeNanos - now > 0 ? nextFreeNanos : now;
    long wait = slot - now;
    if (wait > maxWaitNanos) {
      return -1;
    }
    nextFreeNanos = slot + intervalNanos(rate.perSecond(now));
    started = true;
    sent.record(now);
    return wait;
  }

  /**
   * KMS throttled a request sent at {@code sentAtNanos}: slow down, unless that request left before
   * the last slow-down.
   */
  public synchronized void throttled(long sentAtNanos) {
    long now = nanoTime.getAsLong();
    rate.throttled(sentAtNanos, now, sent.perSecond(now));
  }

  /** The requests/s allowed now; infinite while unlimited. */
  public synchronized double perSecond() {
    return rate.perSecond(nanoTime.getAsLong());
  }

  private static long intervalNanos(double perSecond) {
    return Double.isInfinite(perSecond) ? 0 : Math.max(1, Math.round(1e9 / perSecond));
  }
}

package cloud.reencrypt.kms.cloud;

/**
 * The rate the limiter allows, adapted to KMS's throttling (additive increase, multiplicative
 * decrease, as TCP shares a link): each throttle that a request sent under the current rate
 * receives halves the rate, and the rate then climbs back linearly, by a tenth of its reference
 * rate per second, to the configured ceiling. The reference is the configured rate, or, when none
 * is configured, the rate at which the instance was sending when KMS first pushed back.
 *
 * <p>At most one decrease per {@link #HOLD_NANOS}: KMS's quota is counted per second, so once a
 * second's quota is used up every request until the next second is refused, including those sent
 * after the decrease at the lowered rate; halving for each of them would cut the rate to nothing in
 * one burst. Only a request sent a whole second after the last decrease can lower it again. Not
 * thread-safe: {@link RateLimiter} holds its lock around it.
 */
final class AdaptiveRate {
  /** The factor a throttle multiplies the rate by. */
  static final double DECREASE = 0.5;

  /** The share of the reference rate regained per second without a throttle. */
  static final double RECOVERY_PER_SECOND = 0.1;

  /** The lowest rate a throttle leads to, unless the ceiling is lower still. */
  static final double MIN_TPS = 1;

  /** After a decrease, throttles of requests sent within this long change nothing. */
  static final long HOLD_NANOS = 1_000_000_000L;

  private static final double NANOS_PER_SECOND = 1e9;

  private final double ceiling;
  private boolean adapting;
  private double lowered;
  private double recoveryPerSecond;
  private long loweredAt;

  /**
   * @param ceiling the configured requests/s; {@link Double#POSITIVE_INFINITY} when none is, and
   *     the rate is then unlimited until the first throttle
   */
  AdaptiveRate(double ceiling) {
    if (!(ceiling > 0)) {
      throw new IllegalArgumentException("the rate must be a positive number of requests/s");
    }
    this.ceiling = ceiling;
  }

  /** The requests/s allowed at {@code now}; infinite when unlimited. */
  double perSecond(long now) {
    if (!adapting) {
      return ceiling;
    }
    double regained = recoveryPerSecond * Math.max(0, now - loweredAt) / NANOS_PER_SECOND;
    return Math.min(ceiling, lowered + regained);
  }

  /**
   * Records that KMS throttled a request.
   *
   * @param sentAt when the throttled request was sent
   * @param now the clock now
   * @param observed the requests/s the instance was sending ({@link SendMeter})
   * @return whether the rate was lowered (false: the request was sent within {@link #HOLD_NANOS}
   *     after the last decrease, or before it)
   */
  boolean throttled(long sentAt, long now, double observed) {
    if (adapting && sentAt - loweredAt < HOLD_NANOS) {
      return false;
    }
    double from = Math.min(perSecond(now), Math.max(observed, MIN_TPS));
    lowered = Math.max(Math.min(MIN_TPS, ceiling), from * DECREASE);
    recoveryPerSecond = RECOVERY_PER_SECOND * (Double.isInfinite(ceiling) ? from : ceiling);
    loweredAt = now;
    adapting = true;
    return true;
  }
}

package cloud.reencrypt.kms.cloud;

/**
 * How many requests this instance sent in about the last second: the count of the current
 * one-second window plus the previous window's count weighted by how much of it still lies within
 * the last second. Two counters instead of a timestamp per request, because the adaptive limiter
 * needs only an estimate, on every send, from every thread. Not thread-safe: {@link RateLimiter}
 * holds its lock around it.
 */
final class SendMeter {
  private static final long WINDOW_NANOS = 1_000_000_000L;

  private long windowStart;
  private boolean started;
  private long current;
  private long previous;

  /** Counts one request sent at {@code nanos}. */
  void record(long nanos) {
    roll(nanos);
    current++;
  }

  /** Requests sent in the second up to {@code nanos}, estimated. */
  double perSecond(long nanos) {
    roll(nanos);
    double pastShare = 1 - (double) (nanos - windowStart) / WINDOW_NANOS;
    return previous * pastShare + current;
  }

  private void roll(long nanos) {
    if (!started) {
      windowStart = nanos;
      started = true;
      return;
    }
    long windows = (nanos - windowStart) / WINDOW_NANOS;
    if (windows > 0) {
      previous = windows == 1 ? current : 0;
      current = 0;
      windowStart += windows * WINDOW_NANOS;
    }
  }
}

package cloud.reencrypt.kms.cloud;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The clock, sleeper and random source behind retries and the rate limit, injected so tests run on
 * a fake clock and wait for nothing real.
 *
 * @param nanoTime a monotonic clock in nanoseconds
 * @param sleeper how to wait
 * @param unitRandom uniform random numbers in [0, 1) for the backoff jitter ({@link Jitter} on the
 *     real clock, re-seeded after a snapshot restore)
 */
public record Pacing(LongSupplier nanoTime, Sleeper sleeper, DoubleSupplier unitRandom) {
  public static final Pacing SYSTEM = new Pacing(System::nanoTime, Sleeper.THREAD, Jitter::next);
}

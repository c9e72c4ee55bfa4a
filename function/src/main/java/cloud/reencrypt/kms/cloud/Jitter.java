package cloud.reencrypt.kms.cloud;

import java.security.SecureRandom;
import java.util.Random;

/**
 * The random source of the retry backoff's jitter. Jitter exists so that clients which failed
 * together do not retry together; instances restored from one FunctionGraph snapshot would share a
 * generator's state (and {@code ThreadLocalRandom}'s per-thread seeds), and so retry in lockstep.
 * {@link #reseed} gives a restored instance its own sequence. A plain {@link Random} (thread-safe)
 * is enough for jitter, and costs a cold start nothing; only the reseed asks the OS for a seed.
 */
public final class Jitter {
  private static volatile Random random = new Random();

  private Jitter() {}

  /** A uniform number in [0, 1). */
  public static double next() {
    return random.nextDouble();
  }

  /** The current generator (replaced by {@link #reseed}). */
  public static Random current() {
    return random;
  }

  /** Replaces the generator with one seeded from the OS (the snapshot restore hook calls this). */
  public static void reseed() {
    random = new Random(new SecureRandom().nextLong());
  }
}

package cloud.reencrypt.kms.local.crypto;

import java.security.SecureRandom;

/**
 * The one {@link SecureRandom} of the local engine: keys, data keys, nonces, IVs, the OAEP seed and
 * the SM2 ephemeral scalar all come from it. {@code SecureRandom} is thread-safe, and seeding one
 * instance once keeps the per-operation cost to drawing bytes.
 *
 * <p>{@link #reseed} replaces the instance: after a FunctionGraph snapshot restore every restored
 * process would otherwise continue from the same generator state (identical for a DRBG), and two
 * instances could draw the same nonce. Callers fetch {@link #source()} per operation, never keep
 * it.
 */
public final class Randomness {
  private static volatile SecureRandom source = new SecureRandom();

  private Randomness() {}

  /** Returns {@code n} fresh random bytes. */
  public static byte[] bytes(int n) {
    byte[] out = new byte[n];
    source.nextBytes(out);
    return out;
  }

  /** The current generator (replaced by {@link #reseed}); fetch it per use. */
  public static SecureRandom source() {
    return source;
  }

  /** Replaces the generator with a freshly seeded one (the snapshot restore hook calls this). */
  public static void reseed() {
    SecureRandom fresh = new SecureRandom();
    fresh.nextBytes(new byte[1]); // seeds now, inside the hook, not at the next request
    source = fresh;
  }
}

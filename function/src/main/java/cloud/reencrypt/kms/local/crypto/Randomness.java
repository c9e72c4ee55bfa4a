package cloud.reencrypt.kms.local.crypto;

import java.security.SecureRandom;

/**
 * The one {@link SecureRandom} of the local engine: keys, data keys, nonces, IVs and the SM2
 * ephemeral scalar all come from it. {@code SecureRandom} is thread-safe, and seeding one instance
 * once keeps the per-operation cost to drawing bytes.
 */
public final class Randomness {
  private static final SecureRandom SOURCE = new SecureRandom();

  private Randomness() {}

  /** Returns {@code n} fresh random bytes. */
  public static byte[] bytes(int n) {
    byte[] out = new byte[n];
    SOURCE.nextBytes(out);
    return out;
  }

  static SecureRandom source() {
    return SOURCE;
  }
}

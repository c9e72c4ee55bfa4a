package cloud.reencrypt.wiring;

import cloud.reencrypt.kms.cloud.Jitter;
import cloud.reencrypt.kms.local.crypto.Randomness;

/**
 * Every random source the engines keep for the life of a process. After a snapshot restore each
 * restored process must draw its own nonces, DRBG output and retry jitter, so the restore hook
 * re-creates them all here, in the one place that knows every engine.
 */
public final class RandomSources {
  private RandomSources() {}

  /** Replaces each source with a freshly seeded one. */
  public static void recreate() {
    Randomness.reseed();
    Jitter.reseed();
  }
}

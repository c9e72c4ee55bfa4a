package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.local.crypto.BlockCipher;
import cloud.reencrypt.kms.local.crypto.Randomness;

/**
 * The local engine's warm-up: AES-GCM blobs sealed and opened under a throwaway random key, never a
 * keystore key, enough times for the JIT to compile the path. A first request then finds the
 * framing, the checksum and the JDK's GCM loaded and compiled, and costs about what a later one
 * does. Costs a few milliseconds, in an initializer.
 */
final class GcmWarmUp {
  /** Above the JIT's first compilation threshold for the methods on the path. */
  private static final int ROUNDS = 500;

  private static final String KEY_ID = "00000000-0000-0000-0000-000000000000";

  private GcmWarmUp() {}

  static void run() {
    KeyMaterial.Symmetric key =
        new KeyMaterial.Symmetric(BlockCipher.AES, Randomness.bytes(BlockCipher.AES.keyLength()));
    byte[] plaintext = new byte[32];
    for (int i = 0; i < ROUNDS; i++) {
      byte[] sealed = GcmSealer.seal(CiphertextBlob.Kind.DATA, KEY_ID, key, plaintext, null);
      GcmSealer.open(CiphertextBlob.parse(sealed).orElseThrow(), key, null);
    }
  }
}

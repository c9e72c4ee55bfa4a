package cloud.reencrypt.kms.local.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per thread, the AES-GCM {@code Cipher} objects of the last few keys it used. Profiling a manifest
 * showed {@code Cipher.getInstance} (a provider lookup) and the AES key schedule, both paid per
 * operation, at about 60 % of a line's CPU; a kept {@code Cipher} is only re-initialised, and the
 * JDK skips the key schedule when its key is the one it last expanded. A re-encrypt uses two keys
 * (source and destination), so each thread keeps a few, replaced round-robin.
 *
 * <p>Each slot keeps its own copy of the key to compare against (a caller may wipe its array after
 * the call); an evicted copy is wiped. The JDK's cipher keeps the expanded key in the same way for
 * as long as the thread lives. Never shared between threads, so never locked.
 */
final class AesGcmCiphers {
  private static final int SLOTS = 4;
  private static final ThreadLocal<AesGcmCiphers> PER_THREAD =
      ThreadLocal.withInitial(AesGcmCiphers::new);

  private final byte[][] keys = new byte[SLOTS][];
  private final SecretKeySpec[] specs = new SecretKeySpec[SLOTS];
  private final Cipher[] ciphers = new Cipher[SLOTS];
  private int next;

  private AesGcmCiphers() {}

  /** This thread's cipher for {@code key}, not yet initialised for an operation. */
  static Slot forKey(byte[] key) throws GeneralSecurityException {
    return PER_THREAD.get().slot(key);
  }

  /** A kept cipher and the key object to initialise it with. */
  record Slot(Cipher cipher, SecretKeySpec key) {}

  private Slot slot(byte[] key) throws GeneralSecurityException {
    for (int i = 0; i < SLOTS; i++) {
      if (keys[i] != null && Arrays.equals(keys[i], key)) {
        return new Slot(ciphers[i], specs[i]);
      }
    }
    int slot = next;
    next = (next + 1) % SLOTS;
    Secrets.wipe(keys[slot]);
    keys[slot] = key.clone();
    specs[slot] = new SecretKeySpec(key, "AES");
    if (ciphers[slot] == null) {
      ciphers[slot] = Cipher.getInstance("AES/GCM/NoPadding");
    }
    return new Slot(ciphers[slot], specs[slot]);
  }
}

package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.local.crypto.BlockCipher;
import cloud.reencrypt.kms.local.crypto.Randomness;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The local engine's warm-up, enough rounds for the JIT to compile the path a first request takes:
 * AES-GCM blobs sealed and opened under a throwaway random key, then, for the first enabled key of
 * each symmetric spec in the keystore, ReEncrypts of a throwaway ciphertext under it into itself.
 * Nothing is kept or written: the local engine's encrypt and re-encrypt only read the keystore.
 * Costs tens of milliseconds, in an initializer.
 */
final class GcmWarmUp {
  /** Above the JIT's first compilation threshold for the methods on the path. */
  private static final int ROUNDS = 500;

  private static final String KEY_ID = "00000000-0000-0000-0000-000000000000";

  private GcmWarmUp() {}

  static void run(LocalKmsEngine engine, KeystoreSnapshot keys) {
    sealAndOpen();
    keysToWarm(keys).forEach(keyId -> reEncrypt(engine, keyId));
  }

  /**
   * The first enabled key of each symmetric spec: AES and SM4 run different code (the JDK's
   * AES-GCM; Bouncy Castle's SM4, whose first use also starts the JDK's logging), and a rotation to
   * SM4 must not pay for the second on its first request.
   */
  static List<String> keysToWarm(KeystoreSnapshot keys) {
    Map<KeySpec, String> first = new EnumMap<>(KeySpec.class);
    for (LocalKey key : keys.allKeys()) {
      if (key.state() == KeyStateCode.ENABLED && key.spec().symmetric()) {
        first.putIfAbsent(key.spec(), key.keyId());
      }
    }
    return List.copyOf(first.values());
  }

  private static void reEncrypt(LocalKmsEngine engine, String keyId) {
    String cipherText = engine.rehearsalCiphertext(keyId).orElseThrow();
    ReEncryptRequest request =
        new ReEncryptRequest(null, null, null, keyId, null, null, null, cipherText);
    for (int i = 0; i < ROUNDS; i++) {
      engine.reEncrypt(request);
    }
  }

  private static void sealAndOpen() {
    KeyMaterial.Symmetric key =
        new KeyMaterial.Symmetric(BlockCipher.AES, Randomness.bytes(BlockCipher.AES.keyLength()));
    byte[] plaintext = new byte[32];
    for (int i = 0; i < ROUNDS; i++) {
      byte[] sealed = GcmSealer.seal(CiphertextBlob.Kind.DATA, KEY_ID, key, plaintext, null);
      GcmSealer.open(CiphertextBlob.parse(sealed).orElseThrow(), key, null);
    }
  }
}

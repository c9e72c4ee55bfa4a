package cloud.reencrypt.testing;

import cloud.reencrypt.kms.DecryptDataRequest;
import cloud.reencrypt.kms.DecryptDatakeyRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsOperations;

/**
 * Recovers what a ciphertext protects, so a test can check a fresh ciphertext by property: it must
 * decrypt to the same plaintext as the ciphertext it replaced. Data ciphertexts (Base64) go through
 * DecryptData; data-key ciphertexts (hex) through DecryptDatakey with the fixtures' 32-byte DEKs.
 */
public final class Plaintexts {
  /** The DEK length of every data key in the fixtures. */
  public static final String FIXTURE_DATAKEY_BYTES = "32";

  private final KmsEngine engine;

  public Plaintexts(KmsEngine engine) {
    this.engine = engine;
  }

  /**
   * The plaintext (data: Base64 of the bytes; data key: hex of the DEK) under a key.
   *
   * @param aad the additional authenticated data, or null
   */
  public String of(String keyId, String algorithm, String aad, String cipherText) {
    if (isHex(cipherText)) {
      return KmsOperations.DECRYPT_DATAKEY
          .invoke(
              engine,
              new DecryptDatakeyRequest(keyId, cipherText, FIXTURE_DATAKEY_BYTES, aad, null))
          .dataKey();
    }
    return KmsOperations.DECRYPT_DATA
        .invoke(engine, new DecryptDataRequest(cipherText, algorithm, keyId, aad, null))
        .plainTextBase64();
  }

  private static boolean isHex(String text) {
    return text.length() % 2 == 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }
}

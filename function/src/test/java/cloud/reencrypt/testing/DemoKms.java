package cloud.reencrypt.testing;

import cloud.reencrypt.kms.CreateDatakeyRequest;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.kms.local.LocalKmsEngine;

/**
 * The real local engine on the committed public demo keystore, and ciphertexts made with it. Tests
 * only run data-plane operations on it, which never write the keystore.
 */
public final class DemoKms {
  public static final String AES = "16c0b4dc-5b58-4b43-a72e-a0199f54a53e";
  public static final String SM4 = "f72de9ca-06ca-4779-822a-92af56660228";
  public static final String RSA_2048 = "f63ef793-2abf-4bd0-84f3-0938f790dcf2";
  public static final String SM2 = "9e64d200-8493-4d16-a4a0-37862c6a38ea";
  public static final String AES_DISABLED = "51c1da4c-a512-47a6-af66-88491836f684";
  public static final String SM4_PENDING_DELETION = "9814cdc2-1954-4ae1-a4cc-93a25326341c";

  /** A well-formed key ID that is in no keystore. */
  public static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

  private static final KmsEngine ENGINE = LocalKmsEngine.open(RepoPaths.demoKeystore());

  private DemoKms() {}

  public static KmsEngine engine() {
    return ENGINE;
  }

  /** A data ciphertext (Base64) of UTF-8 text. */
  public static String encrypt(String keyId, String plaintext) {
    return encrypt(keyId, plaintext, null, null);
  }

  public static String encrypt(String keyId, String plaintext, String aad, String algorithm) {
    return KmsOperations.ENCRYPT_DATA
        .invoke(ENGINE, new EncryptDataRequest(keyId, plaintext, algorithm, aad, null))
        .cipherText();
  }

  /** A 32-byte data key's ciphertext (hex), without the plaintext. */
  public static String datakey(String keyId) {
    return KmsOperations.CREATE_DATAKEY_WITHOUT_PLAINTEXT
        .invoke(ENGINE, new CreateDatakeyRequest(keyId, null, "256", null, null))
        .cipherText();
  }

  public static Plaintexts plaintexts() {
    return new Plaintexts(ENGINE);
  }
}

package cloud.reencrypt.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.kms.DecryptDataRequest;
import cloud.reencrypt.kms.ReEncryptRequest;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The throwaway ciphertext the initializer's rehearsal re-encrypts: a real one under a symmetric
 * enabled key, so the rehearsal succeeds, and none for a key that cannot take one.
 */
class RehearsalCiphertextTest {
  private final LocalKmsEngine engine = LocalKmsEngine.open(TestKeystores.demo());

  @ParameterizedTest
  @CsvSource({DemoKeys.AES_256, DemoKeys.SM4})
  void rehearsalCiphertext_enabledSymmetricKey_reEncryptsIntoThatKey(String keyId) {
    String ciphertext = engine.rehearsalCiphertext(keyId).orElseThrow();

    String reEncrypted =
        engine
            .reEncrypt(new ReEncryptRequest(null, null, null, keyId, null, null, null, ciphertext))
            .cipherText();
    String plaintext =
        engine.decryptData(new DecryptDataRequest(reEncrypted, null, null, null, null)).plainText();
    assertEquals("rehearsal", plaintext);
  }

  @ParameterizedTest
  @CsvSource({DemoKeys.AES_256_DISABLED, DemoKeys.RSA_2048, "00000000-0000-4000-8000-000000000000"})
  void rehearsalCiphertext_keyThatCannotTakeOne_isEmpty(String keyId) {
    assertEquals(Optional.empty(), engine.rehearsalCiphertext(keyId));
  }
}

package cloud.reencrypt.kms.local;

import static cloud.reencrypt.kms.local.TestKeystores.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cloud.reencrypt.kms.CreateDatakeyRequest;
import cloud.reencrypt.kms.CreateDatakeyResponse;
import cloud.reencrypt.kms.DecryptDatakeyResponse;
import cloud.reencrypt.kms.EncryptDatakeyResponse;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.local.crypto.Digests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Data keys: lengths, digests (SHA-256 for AES keys, SM3 for SM4 keys), and their errors. */
class DatakeyOperationsTest {
  private static final HexFormat HEX = HexFormat.of();

  @TempDir static Path directory;
  private static LocalKmsEngine engine;

  @BeforeAll
  static void openEngine() throws IOException {
    engine = TestKeystores.engine(TestKeystores.copyOfDemo(directory));
  }

  @ParameterizedTest
  @CsvSource({", , 32", "AES_128, , 16", "SM4, , 16", "AES_128, 512, 64", ", 8, 1", ", 8192, 1024"})
  void createDatakey_specAndLength_giveTheDocumentedSize(String spec, String bits, int bytes) {
    CreateDatakeyResponse created =
        engine.createDatakey(new CreateDatakeyRequest(DemoKeys.AES_256, spec, bits, null, null));
    assertEquals(2 * bytes, created.plainText().length());
    assertEquals(DemoKeys.AES_256, created.keyId());
  }

  @ParameterizedTest
  @CsvSource({
    "16c0b4dc-5b58-4b43-a72e-a0199f54a53e, , 0, KMS.1901",
    "16c0b4dc-5b58-4b43-a72e-a0199f54a53e, , 8200, KMS.1901",
    "16c0b4dc-5b58-4b43-a72e-a0199f54a53e, , 12, KMS.1903",
    "16c0b4dc-5b58-4b43-a72e-a0199f54a53e, HMAC_256, , KMS.1902",
    "f63ef793-2abf-4bd0-84f3-0938f790dcf2, , , KMS.0325",
    "9e64d200-8493-4d16-a4a0-37862c6a38ea, , , KMS.0325",
    "51c1da4c-a512-47a6-af66-88491836f684, , , KMS.0209"
  })
  void createDatakey_refused_returnsKmsError(String keyId, String spec, String bits, String code) {
    assertKmsError(
        code, () -> engine.createDatakey(new CreateDatakeyRequest(keyId, spec, bits, null, null)));
  }

  @Test
  void createDatakeyWithoutPlaintext_returnsOnlyTheCiphertext() {
    CreateDatakeyResponse created =
        engine.createDatakeyWithoutPlaintext(Requests.createDatakey(DemoKeys.SM4, null, "aad"));
    assertNull(created.plainText());
    DecryptDatakeyResponse decrypted =
        engine.decryptDatakey(
            Requests.decryptDatakey(DemoKeys.SM4, created.cipherText(), "32", "aad"));
    assertEquals("32", decrypted.datakeyLength());
  }

  @Test
  void encryptAndDecryptDatakey_aesKey_useSha256() {
    byte[] datakey =
        HEX.parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    String plainText = HEX.formatHex(datakey) + HEX.formatHex(Digests.sha256(datakey));
    EncryptDatakeyResponse encrypted =
        engine.encryptDatakey(Requests.encryptDatakey(DemoKeys.AES_256, plainText, "32", null));
    assertEquals("32", encrypted.datakeyLength());
    DecryptDatakeyResponse decrypted =
        engine.decryptDatakey(
            Requests.decryptDatakey(DemoKeys.AES_256, encrypted.cipherText(), "32", null));
    assertEquals(HEX.formatHex(datakey), decrypted.dataKey());
    assertEquals(HEX.formatHex(Digests.sha256(datakey)), decrypted.datakeyDgst());
  }

  @Test
  void encryptAndDecryptDatakey_sm4Key_useSm3() {
    byte[] datakey = HEX.parseHex("0123456789abcdeffedcba9876543210");
    String withSm3 = HEX.formatHex(datakey) + HEX.formatHex(Digests.sm3(datakey));
    String cipherText =
        engine
            .encryptDatakey(Requests.encryptDatakey(DemoKeys.SM4, withSm3, "16", null))
            .cipherText();
    DecryptDatakeyResponse decrypted =
        engine.decryptDatakey(Requests.decryptDatakey(DemoKeys.SM4, cipherText, "16", null));
    assertEquals(HEX.formatHex(Digests.sm3(datakey)), decrypted.datakeyDgst());
    String withSha256 = HEX.formatHex(datakey) + HEX.formatHex(Digests.sha256(datakey));
    assertKmsError(
        "KMS.2103",
        () -> engine.encryptDatakey(Requests.encryptDatakey(DemoKeys.SM4, withSha256, "16", null)));
  }

  @ParameterizedTest
  @CsvSource({
    "00112233, 4, KMS.2104",
    "0011223344556677, 2, KMS.2104",
    "not-hex, 4, KMS.2101",
    "00, 0, KMS.0308",
    "00, 1025, KMS.0308"
  })
  void encryptDatakey_badPlainText_returnsKmsError(String plainText, String length, String code) {
    assertKmsError(
        code,
        () ->
            engine.encryptDatakey(
                Requests.encryptDatakey(DemoKeys.AES_256, plainText, length, null)));
  }

  @Test
  void encryptDatakey_wrongDigest_returnsHashMismatch() {
    String plainText = "00".repeat(32) + "11".repeat(32);
    assertKmsError(
        "KMS.2103",
        () ->
            engine.encryptDatakey(
                Requests.encryptDatakey(DemoKeys.AES_256, plainText, "32", null)));
  }

  @Test
  void decryptDatakey_wrongLength_returnsLengthMismatch() {
    String cipherText =
        engine.createDatakey(Requests.createDatakey(DemoKeys.AES_256, null, null)).cipherText();
    assertKmsError(
        "KMS.2204",
        () ->
            engine.decryptDatakey(
                Requests.decryptDatakey(DemoKeys.AES_256, cipherText, "16", null)));
  }

  @Test
  void decryptDatakey_dataCiphertext_returnsInvalidCipherText() {
    String data =
        engine.encryptData(Requests.encrypt(DemoKeys.AES_256, "data", null, null)).cipherText();
    assertKmsError(
        "KMS.2201",
        () -> engine.decryptDatakey(Requests.decryptDatakey(DemoKeys.AES_256, data, "4", null)));
  }

  @Test
  void reEncrypt_datakeyIntoAsymmetricKey_isRefused() {
    String cipherText =
        engine.createDatakey(Requests.createDatakey(DemoKeys.AES_256, null, null)).cipherText();
    assertKmsError(
        "KMS.0325",
        () ->
            engine.reEncrypt(
                new ReEncryptRequest(
                    null, null, null, DemoKeys.SM2, null, "SM2_ENCRYPT", null, cipherText)));
  }
}

package cloud.reencrypt.kms.local;

import static cloud.reencrypt.kms.local.TestKeystores.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cloud.reencrypt.kms.DecryptDataResponse;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.local.crypto.OaepHash;
import cloud.reencrypt.kms.local.crypto.RsaKeys;
import cloud.reencrypt.kms.local.crypto.RsaOaep;
import cloud.reencrypt.kms.local.crypto.Sm2;
import cloud.reencrypt.kms.local.crypto.Sm2PrivateKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** encrypt-data and decrypt-data: limits, algorithms, AAD, key checks, offline interop. */
class DataOperationsTest {
  @TempDir static Path directory;
  private static Path keystore;
  private static LocalKmsEngine engine;

  @BeforeAll
  static void openEngine() throws IOException {
    keystore = TestKeystores.copyOfDemo(directory);
    engine = TestKeystores.engine(keystore);
  }

  @Test
  void encryptData_symmetricLimits_acceptOneTo4096Bytes() {
    for (int length : new int[] {1, 4096}) {
      String text = "a".repeat(length);
      String cipherText =
          engine.encryptData(Requests.encrypt(DemoKeys.AES_256, text, null, null)).cipherText();
      assertEquals(
          text, engine.decryptData(Requests.decrypt(cipherText, null, null, null)).plainText());
    }
    assertKmsError(
        "KMS.2101",
        () -> engine.encryptData(Requests.encrypt(DemoKeys.SM4, "é".repeat(2049), null, null)));
  }

  @ParameterizedTest
  @CsvSource({
    "f63ef793-2abf-4bd0-84f3-0938f790dcf2, RSAES_OAEP_SHA_256, 190",
    "f63ef793-2abf-4bd0-84f3-0938f790dcf2, RSAES_OAEP_SHA_1, 214",
    "420f4467-4124-40c3-a7ee-a7f44ef66fc6, RSAES_OAEP_SHA_256, 318",
    "67037cfc-7365-485e-b095-683893ae954b, RSAES_OAEP_SHA_1, 470"
  })
  void encryptData_rsa_acceptsUpToTheOaepLimitAndRefusesOneMore(
      String keyId, String algorithm, int limit) {
    String atLimit = "r".repeat(limit);
    String cipherText =
        engine.encryptData(Requests.encrypt(keyId, atLimit, algorithm, null)).cipherText();
    assertEquals(
        atLimit,
        engine.decryptData(Requests.decrypt(cipherText, keyId, algorithm, null)).plainText());
    assertKmsError(
        "KMS.2108",
        () -> engine.encryptData(Requests.encrypt(keyId, atLimit + "r", algorithm, null)));
  }

  @Test
  void reEncryptAndCheck_dataOverTheDestinationRsaLimit_returnPlaintextTooLong() {
    String cipherText =
        engine
            .encryptData(Requests.encrypt(DemoKeys.AES_256, "p".repeat(191), null, null))
            .cipherText();
    ReEncryptRequest request =
        new ReEncryptRequest(
            null, null, null, DemoKeys.RSA_2048, null, "RSAES_OAEP_SHA_256", null, cipherText);
    assertKmsError("KMS.2108", () -> engine.reEncrypt(request));
    assertKmsError("KMS.2108", () -> engine.checkReEncrypt(request));
  }

  @ParameterizedTest
  @CsvSource({
    "16c0b4dc-5b58-4b43-a72e-a0199f54a53e, RSAES_OAEP_SHA_256, KMS.2105",
    "f63ef793-2abf-4bd0-84f3-0938f790dcf2, , KMS.2106",
    "f63ef793-2abf-4bd0-84f3-0938f790dcf2, SM2_ENCRYPT, KMS.2106",
    "9e64d200-8493-4d16-a4a0-37862c6a38ea, RSAES_OAEP_SHA_1, KMS.2106",
    "16c0b4dc-5b58-4b43-a72e-a0199f54a53e, AES_GCM, KMS.0308",
    "16C0B4DC-5B58-4B43-A72E-A0199F54A53E, , KMS.0205",
    "00000000-0000-4000-8000-000000000000, , KMS.0207",
    "51c1da4c-a512-47a6-af66-88491836f684, , KMS.0209",
    "9814cdc2-1954-4ae1-a4cc-93a25326341c, , KMS.0210"
  })
  void encryptData_keyOrAlgorithmRefused_returnsKmsError(
      String keyId, String algorithm, String code) {
    assertKmsError(
        code, () -> engine.encryptData(Requests.encrypt(keyId, "text", algorithm, null)));
  }

  @Test
  void encryptData_aadOver128Bytes_returnsInvalidParameter() {
    assertKmsError(
        "KMS.0308",
        () -> engine.encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, "a".repeat(129))));
    engine.encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, "a".repeat(128)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\ud800", "a\udc00b", "\ude00\ud83d"})
  void encryptData_plainTextWithLoneSurrogate_returnsInvalidPlainText(String plainText) {
    KmsException failure =
        assertKmsError(
            "KMS.2101",
            () -> engine.encryptData(Requests.encrypt(DemoKeys.AES_256, plainText, null, null)));
    assertFalse(failure.getMessage().contains(plainText), failure.getMessage());
  }

  /** Both AADs used to become "?", so either one opened the other's ciphertext. */
  @ParameterizedTest
  @ValueSource(strings = {"\ud800", "\udbff", "ctx\udfff"})
  void encryptData_aadWithLoneSurrogate_returnsInvalidParameter(String aad) {
    KmsException failure =
        assertKmsError(
            "KMS.0308",
            () -> engine.encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, aad)));
    assertFalse(failure.getMessage().contains(aad), failure.getMessage());
  }

  @Test
  void encryptData_surrogatePairsInPlainTextAndAad_roundTrip() {
    String emoji = "\ud83d\ude00";
    String cipherText =
        engine.encryptData(Requests.encrypt(DemoKeys.SM4, emoji, null, emoji)).cipherText();
    DecryptDataResponse decrypted =
        engine.decryptData(Requests.decrypt(cipherText, null, null, emoji));
    assertEquals(emoji, decrypted.plainText());
    assertArrayEquals(
        emoji.getBytes(StandardCharsets.UTF_8),
        Base64.getDecoder().decode(decrypted.plainTextBase64()));
  }

  @Test
  void decryptData_emptyAad_isTheSameAsNoAad() {
    String cipherText =
        engine.encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, "")).cipherText();
    assertEquals(
        "x", engine.decryptData(Requests.decrypt(cipherText, null, null, null)).plainText());
  }

  @Test
  void decryptData_keyIdOfAnotherKey_returnsInvalidCipherText() {
    String cipherText =
        engine.encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, null)).cipherText();
    assertKmsError(
        "KMS.2201",
        () -> engine.decryptData(Requests.decrypt(cipherText, DemoKeys.SM4, null, null)));
  }

  @Test
  void decryptData_asymmetricWithoutKeyId_returnsMissingParameter() {
    assertKmsError(
        "KMS.0204", () -> engine.decryptData(Requests.decrypt("AAAA", null, "SM2_ENCRYPT", null)));
  }

  @Test
  void decryptData_rsaCiphertextMadeOfflineWithThePublicKey_decrypts() throws Exception {
    RSAPrivateCrtKey key = RsaKeys.parsePkcs8(material(DemoKeys.RSA_2048));
    byte[] plaintext = {0, 1, 2, (byte) 0xff};
    byte[] offline = RsaOaep.encrypt(RsaKeys.publicKey(key), OaepHash.SHA_1, plaintext);
    DecryptDataResponse response =
        engine.decryptData(
            Requests.decrypt(
                Base64.getEncoder().encodeToString(offline),
                DemoKeys.RSA_2048,
                "RSAES_OAEP_SHA_1",
                null));
    assertArrayEquals(plaintext, Base64.getDecoder().decode(response.plainTextBase64()));
  }

  @Test
  void encryptData_rsaCiphertext_decryptsOfflineWithThePrivateKey() throws Exception {
    RSAPrivateCrtKey key = RsaKeys.parsePkcs8(material(DemoKeys.RSA_4096));
    String cipherText =
        engine
            .encryptData(Requests.encrypt(DemoKeys.RSA_4096, "offline", "RSAES_OAEP_SHA_256", null))
            .cipherText();
    byte[] plaintext =
        RsaOaep.decrypt(key, OaepHash.SHA_256, Base64.getDecoder().decode(cipherText));
    assertEquals("offline", new String(plaintext, StandardCharsets.UTF_8));
  }

  @Test
  void sm2_ciphertextsCrossBetweenEngineAndBarePrimitives() throws Exception {
    Sm2PrivateKey key = Sm2.parsePkcs8(material(DemoKeys.SM2));
    byte[] offline = Sm2.encrypt(key.publicKey(), "to the engine".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "to the engine",
        engine
            .decryptData(
                Requests.decrypt(
                    Base64.getEncoder().encodeToString(offline), DemoKeys.SM2, "SM2_ENCRYPT", null))
            .plainText());
    String cipherText =
        engine
            .encryptData(Requests.encrypt(DemoKeys.SM2, "from the engine", "SM2_ENCRYPT", null))
            .cipherText();
    assertEquals(
        "from the engine",
        new String(
            Sm2.decrypt(key, Base64.getDecoder().decode(cipherText)), StandardCharsets.UTF_8));
  }

  @Test
  void decryptData_garbageAsymmetricCiphertext_returnsInvalidCipherText() {
    String garbage = Base64.getEncoder().encodeToString(new byte[256]);
    assertKmsError(
        "KMS.2201",
        () ->
            engine.decryptData(
                Requests.decrypt(garbage, DemoKeys.RSA_2048, "RSAES_OAEP_SHA_256", null)));
    assertKmsError(
        "KMS.2201",
        () -> engine.decryptData(Requests.decrypt(garbage, DemoKeys.SM2, "SM2_ENCRYPT", null)));
  }

  private static byte[] material(String keyId) throws IOException {
    for (JsonNode key : new ObjectMapper().readTree(keystore.toFile()).get("keys")) {
      if (key.get("key_id").asText().equals(keyId)) {
        return Base64.getDecoder().decode(key.get("key_material").asText());
      }
    }
    throw new AssertionError("no key " + keyId);
  }
}

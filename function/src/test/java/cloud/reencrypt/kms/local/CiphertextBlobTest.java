package cloud.reencrypt.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.CiphertextKeyId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The KMS framing of symmetric ciphertexts and reading key IDs out of it. */
class CiphertextBlobTest {
  /** The data-key ciphertext of the official ReEncrypt document's example request. */
  static final String SEED_BLOB =
      "020078000871efb21bfdc0712becf0dabfcc115a25eae06efb652aa9afa9689a4c4ec46b4bbeb3a902369b1a53"
          + "eab67e9b8e730ced3879d1fb62c27cc314f2a44943687741a5d250403c861e4410936d422ef2d33035346661"
          + "6165332d666663322d346232332d386439342d633035626663386635393661000000"
          + "00ed7fb70234ac273dedc19752900c6f7e4577fc2c1f1482539d0142ab0ff9fdda";

  @TempDir static Path directory;
  private static LocalKmsEngine engine;

  @BeforeAll
  static void openEngine() throws IOException {
    engine = TestKeystores.engine(TestKeystores.copyOfDemo(directory));
  }

  @Test
  void ciphertextKeyIdOf_seedDocumentExample_returnsItsKeyId() {
    assertEquals(
        Optional.of("054faae3-ffc2-4b23-8d94-c05bfc8f596a"), CiphertextKeyId.of(SEED_BLOB));
  }

  @Test
  void ciphertextKeyIdOf_seedExampleAsBase64_returnsItsKeyId() {
    String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(SEED_BLOB));
    assertEquals(Optional.of("054faae3-ffc2-4b23-8d94-c05bfc8f596a"), CiphertextKeyId.of(base64));
  }

  @Test
  void ciphertextKeyIdOf_ourDataAndDatakeyCiphertexts_returnsTheirKeyIds() {
    String data = engine.encryptData(Requests.encrypt(DemoKeys.SM4, "x", null, null)).cipherText();
    String datakey =
        engine.createDatakey(Requests.createDatakey(DemoKeys.AES_256, null, null)).cipherText();
    assertEquals(Optional.of(DemoKeys.SM4), CiphertextKeyId.of(data));
    assertEquals(Optional.of(DemoKeys.AES_256), CiphertextKeyId.of(datakey));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abcd", "not base64!", "00112233"})
  void ciphertextKeyIdOf_notAFramedCiphertext_returnsEmpty(String text) {
    assertEquals(Optional.empty(), CiphertextKeyId.of(text));
  }

  @Test
  void ciphertextKeyIdOf_seedExampleWithAChangedByte_returnsEmpty() {
    String changed = SEED_BLOB.substring(0, 10) + "ff" + SEED_BLOB.substring(12);
    assertEquals(Optional.empty(), CiphertextKeyId.of(changed));
  }

  @Test
  void ciphertextKeyIdOf_unpaddedOrNonCanonicalBase64_returnsEmpty() {
    int checked = 0;
    for (String plainText : List.of("x", "xy", "xyz")) {
      String base64 =
          engine.encryptData(Requests.encrypt(DemoKeys.SM4, plainText, null, null)).cipherText();
      if (!base64.endsWith("==")) {
        continue;
      }
      String unpadded = base64.substring(0, base64.length() - 2);
      char last = unpadded.charAt(unpadded.length() - 1);
      String nonZeroPaddingBits = unpadded.substring(0, unpadded.length() - 1) + (char) (last + 1);
      assertEquals(Optional.of(DemoKeys.SM4), CiphertextKeyId.of(base64));
      assertEquals(Optional.empty(), CiphertextKeyId.of(unpadded));
      assertEquals(Optional.empty(), CiphertextKeyId.of(nonZeroPaddingBits + "=="));
      checked++;
    }
    assertEquals(1, checked);
  }

  @Test
  void ciphertextKeyIdOf_rsaCiphertext_returnsEmpty() {
    String cipherText =
        engine
            .encryptData(Requests.encrypt(DemoKeys.RSA_2048, "x", "RSAES_OAEP_SHA_256", null))
            .cipherText();
    assertEquals(Optional.empty(), CiphertextKeyId.of(cipherText));
  }

  @Test
  void encryptData_symmetric_hasKmsFramingAroundGcm() {
    String plainText = "eleven byte";
    byte[] blob =
        Base64.getDecoder()
            .decode(
                engine
                    .encryptData(Requests.encrypt(DemoKeys.AES_256, plainText, null, null))
                    .cipherText());
    int total = 5 + 12 + plainText.length() + 16 + 72;
    assertEquals(total, blob.length);
    assertEquals(2, blob[0]);
    assertEquals(0, blob[1]);
    assertEquals(total - 36, (blob[2] & 0xff) | (blob[3] & 0xff) << 8);
    assertEquals(1, blob[4], "kind: data");
    assertEquals(DemoKeys.AES_256, new String(blob, total - 72, 36, StandardCharsets.US_ASCII));
  }

  @Test
  void createDatakey_gcm_isHexWithDatakeyKind() {
    String cipherText =
        engine.createDatakey(Requests.createDatakey(DemoKeys.SM4, "512", null)).cipherText();
    assertTrue(cipherText.matches("[0-9a-f]+"));
    byte[] blob = HexFormat.of().parseHex(cipherText);
    assertEquals(5 + 12 + 64 + 16 + 72, blob.length);
    assertEquals(2, blob[4], "kind: GCM data key");
  }

  @Test
  void decryptData_dataCiphertextGivenInHex_isReadAsBase64AndRefused() {
    byte[] blob =
        Base64.getDecoder()
            .decode(
                engine
                    .encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, null))
                    .cipherText());
    String hex = HexFormat.of().formatHex(blob);
    TestKeystores.assertKmsError(
        "KMS.2201", () -> engine.decryptData(Requests.decrypt(hex, null, null, null)));
  }

  @Test
  void decryptDatakey_datakeyCiphertextGivenInBase64_isRefused() {
    String hex =
        engine.createDatakey(Requests.createDatakey(DemoKeys.AES_256, null, null)).cipherText();
    String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    TestKeystores.assertKmsError(
        "KMS.2201",
        () -> engine.decryptDatakey(Requests.decryptDatakey(DemoKeys.AES_256, base64, "32", null)));
  }

  @Test
  void decryptDatakey_upperCaseHex_isAccepted() {
    var created = engine.createDatakey(Requests.createDatakey(DemoKeys.AES_256, null, null));
    String upper = created.cipherText().toUpperCase(Locale.ROOT);
    assertEquals(
        created.plainText(),
        engine
            .decryptDatakey(Requests.decryptDatakey(DemoKeys.AES_256, upper, "32", null))
            .dataKey());
  }

  @ParameterizedTest
  @ValueSource(strings = {"AAAA", "@@@@", "QQ", "QR==", "QQ==QQ==", " QQ=="})
  void decryptData_invalidOrNonCanonicalBase64_returnsInvalidCipherText(String cipherText) {
    TestKeystores.assertKmsError(
        "KMS.2201", () -> engine.decryptData(Requests.decrypt(cipherText, null, null, null)));
  }

  @Test
  void reEncrypt_seedDocumentExample_isNotOurCiphertext() {
    TestKeystores.assertKmsError(
        "KMS.2201", () -> engine.reEncrypt(Requests.reEncrypt(SEED_BLOB, null, DemoKeys.AES_256)));
  }
}

package cloud.reencrypt.kms.local;

import static cloud.reencrypt.kms.local.TestKeystores.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.kms.CreateDatakeyResponse;
import cloud.reencrypt.kms.DecryptDatakeyResponse;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.local.crypto.BlockCipher;
import cloud.reencrypt.kms.local.crypto.Digests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Data keys under a key in CBC data-key mode: IV ‖ CBC(DEK ‖ SHA-256(DEK) ‖ zero padding). */
class CbcDatakeyTest {
  private static final String CBC_KEY = DemoKeys.AES_256_CBC_DATAKEY;
  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path directory;
  private Path keystore;
  private LocalKmsEngine engine;

  @BeforeEach
  void openEngine() throws IOException {
    keystore = TestKeystores.copyOfDemo(directory);
    engine = TestKeystores.engine(keystore);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8", "128", "240", "256", "512", "8192"})
  void decryptDatakey_rightLength_returnsTheDatakey(String bits) {
    int bytes = Integer.parseInt(bits) / 8;
    CreateDatakeyResponse created =
        engine.createDatakey(Requests.createDatakey(CBC_KEY, bits, null));
    DecryptDatakeyResponse decrypted =
        engine.decryptDatakey(
            Requests.decryptDatakey(CBC_KEY, created.cipherText(), Integer.toString(bytes), null));
    assertEquals(created.plainText(), decrypted.dataKey());
    assertEquals(Integer.toString(bytes), decrypted.datakeyLength());
    assertEquals(
        HEX.formatHex(Digests.sha256(HEX.parseHex(created.plainText()))), decrypted.datakeyDgst());
  }

  @Test
  void createDatakey_cbcKey_hasTheInferredKmsLayout() throws Exception {
    CreateDatakeyResponse created =
        engine.createDatakey(Requests.createDatakey(CBC_KEY, null, null));
    byte[] blob = HEX.parseHex(created.cipherText());
    byte[] datakey = HEX.parseHex(created.plainText());
    assertEquals(5 + 16 + 64 + 72, blob.length);
    assertEquals(3, blob[4], "kind: CBC data key");
    byte[] plain =
        BlockCipher.AES.cbcDecrypt(
            rawKey(CBC_KEY), Arrays.copyOfRange(blob, 5, 21), Arrays.copyOfRange(blob, 21, 85));
    assertEquals(HEX.formatHex(datakey), HEX.formatHex(Arrays.copyOf(plain, 32)));
    assertEquals(
        HEX.formatHex(Digests.sha256(datakey)), HEX.formatHex(Arrays.copyOfRange(plain, 32, 64)));
  }

  @Test
  void decryptDatakey_missingLength_returnsMissingParameter() {
    String cipherText =
        engine.createDatakey(Requests.createDatakey(CBC_KEY, null, null)).cipherText();
    assertKmsError(
        "KMS.0204", () -> engine.reEncrypt(Requests.reEncrypt(cipherText, null, DemoKeys.AES_256)));
    assertKmsError(
        "KMS.0204",
        () -> engine.decryptDatakey(Requests.decryptDatakey(CBC_KEY, cipherText, null, null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"16", "33", "48", "1024"})
  void decryptDatakey_lengthOfAnotherBlockCount_returnsLengthMismatch(String length) {
    String cipherText =
        engine.createDatakey(Requests.createDatakey(CBC_KEY, "256", null)).cipherText();
    assertKmsError(
        "KMS.2204",
        () -> engine.decryptDatakey(Requests.decryptDatakey(CBC_KEY, cipherText, length, null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"17", "26", "31"})
  void reEncrypt_wrongLengthInTheSameBlocks_returnsLengthMismatch(String length) {
    String cipherText =
        engine.createDatakey(Requests.createDatakey(CBC_KEY, "256", null)).cipherText();
    ReEncryptRequest request =
        new ReEncryptRequest(null, null, null, DemoKeys.AES_256, null, null, length, cipherText);
    assertKmsError("KMS.2204", () -> engine.reEncrypt(request));
  }

  @Test
  void decryptDatakey_wrongAad_failsTheDigestCheck() {
    String cipherText =
        engine.createDatakey(Requests.createDatakey(CBC_KEY, null, "right")).cipherText();
    assertKmsError(
        "KMS.2203",
        () -> engine.decryptDatakey(Requests.decryptDatakey(CBC_KEY, cipherText, "32", "wrong")));
    assertKmsError(
        "KMS.2203",
        () -> engine.decryptDatakey(Requests.decryptDatakey(CBC_KEY, cipherText, "32", null)));
  }

  @Test
  void reEncrypt_cbcToGcmAndBack_keepsTheDatakey() {
    CreateDatakeyResponse created =
        engine.createDatakey(Requests.createDatakey(CBC_KEY, "256", "a"));
    String toGcm =
        engine
            .reEncrypt(
                new ReEncryptRequest(
                    CBC_KEY, "a", null, DemoKeys.SM4, "b", null, "32", created.cipherText()))
            .cipherText();
    String backToCbc =
        engine
            .reEncrypt(new ReEncryptRequest(null, "b", null, CBC_KEY, "c", null, null, toGcm))
            .cipherText();
    assertEquals(3, HEX.parseHex(backToCbc)[4]);
    assertEquals(
        created.plainText(),
        engine.decryptDatakey(Requests.decryptDatakey(CBC_KEY, backToCbc, "32", "c")).dataKey());
  }

  @Test
  void encryptDatakey_cbcKey_wrapsInCbcMode() {
    byte[] datakey = HEX.parseHex("00112233445566778899aabbccddeeff0011223344");
    String plainText = HEX.formatHex(datakey) + HEX.formatHex(Digests.sha256(datakey));
    String cipherText =
        engine.encryptDatakey(Requests.encryptDatakey(CBC_KEY, plainText, "21", null)).cipherText();
    assertEquals(3, HEX.parseHex(cipherText)[4]);
    assertEquals(
        HEX.formatHex(datakey),
        engine.decryptDatakey(Requests.decryptDatakey(CBC_KEY, cipherText, "21", null)).dataKey());
  }

  private byte[] rawKey(String keyId) throws IOException {
    for (JsonNode key : new ObjectMapper().readTree(keystore.toFile()).get("keys")) {
      if (key.get("key_id").asText().equals(keyId)) {
        return Base64.getDecoder().decode(key.get("key_material").asText());
      }
    }
    throw new AssertionError("no key " + keyId);
  }
}

package cloud.reencrypt.kms.local;

import static cloud.reencrypt.kms.local.TestKeystores.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Any change to a symmetric ciphertext fails with KMS's invalid-ciphertext error (KMS.2201), or for
 * a CBC data key whose checksum was forged the documented digest error (KMS.2203): never plaintext,
 * never another exception; a dry run's check gives the same error.
 */
class CiphertextTamperingTest {
  private static final String PLAINTEXT = "tamper-evident plaintext";
  private static final String AAD = "bound-aad";
  private static final int TRAILER = 72;

  /** The symmetric ciphertext kinds, each with how to decrypt and re-encrypt it. */
  enum Sample {
    AES_DATA(DemoKeys.AES_256, false),
    SM4_DATA(DemoKeys.SM4, false),
    AES_GCM_DATAKEY(DemoKeys.AES_256, true),
    SM4_GCM_DATAKEY(DemoKeys.SM4, true),
    AES_CBC_DATAKEY(DemoKeys.AES_256_CBC_DATAKEY, true);

    final String keyId;
    final boolean datakey;

    Sample(String keyId, boolean datakey) {
      this.keyId = keyId;
      this.datakey = datakey;
    }
  }

  @TempDir static Path directory;
  private static LocalKmsEngine engine;

  @BeforeAll
  static void openEngine() throws IOException {
    engine = TestKeystores.engine(TestKeystores.copyOfDemo(directory));
  }

  @ParameterizedTest
  @EnumSource(Sample.class)
  void decrypt_anyFlippedByte_returnsInvalidCipherText(Sample sample) {
    byte[] blob = blob(sample);
    for (int i = 0; i < blob.length; i++) {
      byte[] flipped = blob.clone();
      flipped[i] ^= 0x01;
      assertRefused("KMS.2201", sample, encode(sample, flipped), i);
    }
  }

  @ParameterizedTest
  @EnumSource(Sample.class)
  void decrypt_flippedByteWithForgedChecksum_neverDecrypts(Sample sample) {
    byte[] blob = blob(sample);
    int payloadEnd = blob.length - TRAILER;
    for (int i = 0; i < blob.length - 32; i++) {
      byte[] forged = blob.clone();
      forged[i] ^= 0x01;
      boolean cbcPayload = sample == Sample.AES_CBC_DATAKEY && i >= 5 && i < payloadEnd;
      assertRefused(
          cbcPayload ? "KMS.2203" : "KMS.2201", sample, encode(sample, reseal(forged)), i);
    }
  }

  @ParameterizedTest
  @EnumSource(Sample.class)
  void decrypt_everyTruncation_returnsInvalidCipherText(Sample sample) {
    byte[] blob = blob(sample);
    for (int length = 1; length < blob.length; length++) {
      assertRefused("KMS.2201", sample, encode(sample, Arrays.copyOf(blob, length)), length);
    }
  }

  @Test
  void decrypt_keyIdSwappedForAnotherAesKey_returnsInvalidCipherText() {
    byte[] blob = blob(Sample.AES_GCM_DATAKEY);
    String swapped = encode(Sample.AES_GCM_DATAKEY, withKeyId(blob, DemoKeys.AES_256_CBC_DATAKEY));
    assertKmsError(
        "KMS.2201",
        () ->
            engine.decryptDatakey(
                Requests.decryptDatakey(DemoKeys.AES_256_CBC_DATAKEY, swapped, "32", AAD)));
    assertKmsError("KMS.2201", () -> engine.reEncrypt(withSourceAad(swapped, null, DemoKeys.SM4)));
  }

  @Test
  void decrypt_cbcKeyIdSwappedForAnotherAesKey_failsDigestCheck() {
    byte[] blob = blob(Sample.AES_CBC_DATAKEY);
    String swapped = encode(Sample.AES_CBC_DATAKEY, withKeyId(blob, DemoKeys.AES_256));
    assertKmsError(
        "KMS.2203",
        () -> engine.decryptDatakey(Requests.decryptDatakey(DemoKeys.AES_256, swapped, "32", AAD)));
  }

  @Test
  void decrypt_dataKindSwappedToDatakey_returnsInvalidCipherText() {
    byte[] blob = blob(Sample.AES_DATA);
    blob[4] = 2;
    String asDatakey = HexFormat.of().formatHex(reseal(blob));
    assertKmsError(
        "KMS.2201",
        () ->
            engine.decryptDatakey(Requests.decryptDatakey(DemoKeys.AES_256, asDatakey, "24", AAD)));
  }

  @Test
  void decrypt_datakeyKindSwappedToData_returnsInvalidCipherText() {
    byte[] blob = blob(Sample.AES_GCM_DATAKEY);
    blob[4] = 1;
    String asData = Base64.getEncoder().encodeToString(reseal(blob));
    assertKmsError("KMS.2201", () -> engine.decryptData(Requests.decrypt(asData, null, null, AAD)));
  }

  @Test
  void decrypt_wrongAad_returnsInvalidCipherText() {
    String cipherText = encode(Sample.AES_DATA, blob(Sample.AES_DATA));
    assertKmsError(
        "KMS.2201", () -> engine.decryptData(Requests.decrypt(cipherText, null, null, "other")));
    assertKmsError(
        "KMS.2201", () -> engine.decryptData(Requests.decrypt(cipherText, null, null, null)));
  }

  private static void assertRefused(String code, Sample sample, String cipherText, int position) {
    KmsException decrypt =
        assertThrows(KmsException.class, () -> decrypt(sample, cipherText), "at " + position);
    assertEquals(code, decrypt.errorCode(), "decrypt, change at " + position);
    assertFalse(decrypt.getMessage().contains(cipherText), "the message holds the ciphertext");
    KmsException reEncrypt =
        assertThrows(
            KmsException.class,
            () -> engine.reEncrypt(withSourceAad(cipherText, sample.keyId, DemoKeys.SM4)),
            "at " + position);
    assertEquals(code, reEncrypt.errorCode(), "re-encrypt, change at " + position);
    KmsException check =
        assertThrows(
            KmsException.class,
            () -> engine.checkReEncrypt(withSourceAad(cipherText, sample.keyId, DemoKeys.SM4)),
            "at " + position);
    assertEquals(code, check.errorCode(), "dry-run check, change at " + position);
  }

  private static void decrypt(Sample sample, String cipherText) {
    if (sample.datakey) {
      engine.decryptDatakey(Requests.decryptDatakey(sample.keyId, cipherText, "32", AAD));
    } else {
      engine.decryptData(Requests.decrypt(cipherText, sample.keyId, null, AAD));
    }
  }

  private static ReEncryptRequest withSourceAad(
      String cipherText, String sourceKeyId, String destination) {
    return new ReEncryptRequest(sourceKeyId, AAD, null, destination, null, null, "32", cipherText);
  }

  private static byte[] blob(Sample sample) {
    if (sample.datakey) {
      String hex =
          engine.createDatakey(Requests.createDatakey(sample.keyId, "256", AAD)).cipherText();
      return HexFormat.of().parseHex(hex);
    }
    String base64 =
        engine.encryptData(Requests.encrypt(sample.keyId, PLAINTEXT, null, AAD)).cipherText();
    return Base64.getDecoder().decode(base64);
  }

  private static String encode(Sample sample, byte[] blob) {
    return sample.datakey
        ? HexFormat.of().formatHex(blob)
        : Base64.getEncoder().encodeToString(blob);
  }

  private static byte[] withKeyId(byte[] blob, String keyId) {
    byte[] changed = blob.clone();
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(id, 0, changed, changed.length - TRAILER, id.length);
    return reseal(changed);
  }

  /** Recomputes the trailing SHA-256, as anyone can: it is a checksum, not a MAC. */
  private static byte[] reseal(byte[] blob) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(blob, 0, blob.length - 32);
      byte[] resealed = blob.clone();
      System.arraycopy(sha256.digest(), 0, resealed, blob.length - 32, 32);
      return resealed;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

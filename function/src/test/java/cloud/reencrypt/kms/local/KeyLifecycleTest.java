package cloud.reencrypt.kms.local;

import static cloud.reencrypt.kms.local.TestKeystores.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.CreateKeyRequest;
import cloud.reencrypt.kms.KeyDetails;
import cloud.reencrypt.kms.KeyState;
import cloud.reencrypt.kms.ListKeysRequest;
import cloud.reencrypt.kms.ListKeysResponse;
import cloud.reencrypt.kms.ScheduleKeyDeletionRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** create, describe, list, enable/disable, schedule/cancel deletion, with KMS's errors. */
class KeyLifecycleTest {
  @TempDir Path directory;
  private LocalKmsEngine engine;

  @BeforeEach
  void openEngine() throws IOException {
    engine = TestKeystores.engine(TestKeystores.copyOfDemo(directory));
  }

  @ParameterizedTest
  @ValueSource(strings = {"AES_256", "SM4", "RSA_2048", "RSA_3072", "SM2"})
  void createKey_encryptionSpec_makesAnEnabledUsableKey(String spec) {
    String keyId = engine.createKey(Requests.createKey("new-" + spec, spec)).keyInfo().keyId();
    assertTrue(KeyIds.isValid(keyId));
    KeyDetails details = engine.describeKey(Requests.keyId(keyId)).keyInfo();
    assertEquals(spec, details.keySpec());
    assertEquals("2", details.keyState());
    assertEquals("ENCRYPT_DECRYPT", details.keyUsage());
    assertEquals("1767225600000", details.creationDate());
    assertEquals("", details.scheduledDeletionDate());
    String algorithm =
        switch (spec) {
          case "SM2" -> "SM2_ENCRYPT";
          case "RSA_2048", "RSA_3072" -> "RSAES_OAEP_SHA_256";
          default -> null;
        };
    String cipherText =
        engine.encryptData(Requests.encrypt(keyId, "fresh key", algorithm, null)).cipherText();
    assertEquals(
        "fresh key",
        engine.decryptData(Requests.decrypt(cipherText, keyId, algorithm, null)).plainText());
  }

  @Test
  void createKey_noSpec_defaultsToAes256() {
    String keyId = engine.createKey(Requests.createKey("default-spec", null)).keyInfo().keyId();
    assertEquals("AES_256", engine.describeKey(Requests.keyId(keyId)).keyInfo().keySpec());
  }

  @ParameterizedTest
  @CsvSource({
    "EC_P256, KMS.1114",
    "EC_P384, KMS.1114",
    "SECP256K1, KMS.1114",
    "ED25519, KMS.1114",
    "HMAC_256, KMS.0341",
    "HMAC_SM3, KMS.0341",
    "AES_128, KMS.0308",
    "ML_DSA_44, KMS.0308",
    "aes_256, KMS.0308"
  })
  void createKey_refusedSpec_returnsKmsError(String spec, String code) {
    assertKmsError(code, () -> engine.createKey(Requests.createKey("refused", spec)));
  }

  @ParameterizedTest
  @CsvSource({
    "'bad alias!', AES_256, , , KMS.1101",
    "demo-aes-256, AES_256, , , KMS.1104",
    "sym-sign, AES_256, SIGN_VERIFY, , KMS.1115",
    "usage, AES_256, WRAP, , KMS.0308",
    "imported, AES_256, , external, KMS.0308"
  })
  void createKey_badRequest_returnsKmsError(
      String alias, String spec, String usage, String origin, String code) {
    CreateKeyRequest request = new CreateKeyRequest(alias, spec, usage, null, origin, null, null);
    assertKmsError(code, () -> engine.createKey(request));
  }

  /** The keystore file is written as UTF-8, which would store the surrogate as "?". */
  @Test
  void createKey_descriptionWithLoneSurrogate_returnsInvalidDescription() {
    CreateKeyRequest request =
        new CreateKeyRequest("lone-surrogate", null, null, "key \ud800", null, null, null);
    assertKmsError("KMS.1103", () -> engine.createKey(request));
  }

  @Test
  void createKey_signVerifyRsaKey_refusesToEncrypt() {
    CreateKeyRequest request =
        new CreateKeyRequest("signer", "RSA_2048", "SIGN_VERIFY", null, null, null, null);
    String keyId = engine.createKey(request).keyInfo().keyId();
    assertKmsError(
        "KMS.0335",
        () -> engine.encryptData(Requests.encrypt(keyId, "x", "RSAES_OAEP_SHA_256", null)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"not-a-key", "16C0B4DC-5B58-4B43-A72E-A0199F54A53E", "alias/demo-aes-256"})
  void describeKey_malformedKeyId_returnsInvalidKeyId(String keyId) {
    assertKmsError("KMS.0205", () -> engine.describeKey(Requests.keyId(keyId)));
  }

  @Test
  void describeKey_unknownKey_returnsKeyNotFound() {
    assertKmsError(
        "KMS.0207",
        () -> engine.describeKey(Requests.keyId("00000000-0000-4000-8000-000000000000")));
  }

  @Test
  void listKeys_defaultSpec_listsAes256KeysOnly() {
    ListKeysResponse response = engine.listKeys(listRequest(null, null, null, null));
    assertEquals(
        List.of(DemoKeys.AES_256, DemoKeys.AES_256_CBC_DATAKEY, DemoKeys.AES_256_DISABLED),
        response.keys());
    assertEquals(3, response.total());
    assertEquals("false", response.truncated());
    assertEquals("", response.nextMarker());
  }

  @Test
  void listKeys_pagedByLimitAndMarker_visitsEveryKeyOnce() {
    List<String> seen = new ArrayList<>();
    String marker = null;
    int pages = 0;
    do {
      ListKeysResponse page = engine.listKeys(listRequest("4", marker, null, "ALL"));
      assertEquals(9, page.total());
      assertEquals(page.keys().size(), page.keyDetails().size());
      seen.addAll(page.keys());
      marker = page.nextMarker();
      assertEquals(Boolean.toString(!marker.isEmpty()), page.truncated());
      pages++;
    } while (!marker.isEmpty());
    assertEquals(3, pages);
    assertEquals(
        List.copyOf(DemoKeys.ALL).stream().sorted().toList(), seen.stream().sorted().toList());
  }

  @Test
  void listKeys_stateFilter_listsKeysInThatState() {
    ListKeysResponse response = engine.listKeys(listRequest(null, null, "4", "ALL"));
    assertEquals(List.of(DemoKeys.SM4_PENDING_DELETION), response.keys());
  }

  @ParameterizedTest
  @CsvSource({
    "0, , , , KMS.1601",
    "1001, , , , KMS.1601",
    "x, , , , KMS.1601",
    ", -1, , , KMS.1602",
    ", abc, , , KMS.1602",
    ", , 6, , KMS.0308",
    ", , , HMAC_256, KMS.0308"
  })
  void listKeys_badParameter_returnsKmsError(
      String limit, String marker, String state, String spec, String code) {
    assertKmsError(code, () -> engine.listKeys(listRequest(limit, marker, state, spec)));
  }

  @Test
  void disableAndEnable_enabledKey_changesStateAndRefusesUseWhileDisabled() {
    String keyId = DemoKeys.AES_256;
    String cipherText = engine.encryptData(Requests.encrypt(keyId, "x", null, null)).cipherText();
    assertEquals(new KeyState(keyId, "3"), engine.disableKey(Requests.keyId(keyId)).keyInfo());
    assertKmsError(
        "KMS.0209", () -> engine.decryptData(Requests.decrypt(cipherText, null, null, null)));
    assertKmsError("KMS.1301", () -> engine.disableKey(Requests.keyId(keyId)));
    assertEquals(new KeyState(keyId, "2"), engine.enableKey(Requests.keyId(keyId)).keyInfo());
    assertKmsError("KMS.1201", () -> engine.enableKey(Requests.keyId(keyId)));
    assertEquals(
        "x", engine.decryptData(Requests.decrypt(cipherText, null, null, null)).plainText());
  }

  @Test
  void scheduleAndCancelDeletion_key_movesThroughPendingToDisabled() {
    String keyId = DemoKeys.SM4;
    KeyState scheduled = engine.scheduleKeyDeletion(schedule(keyId, "7"));
    assertEquals(new KeyState(keyId, "4"), scheduled);
    KeyDetails details = engine.describeKey(Requests.keyId(keyId)).keyInfo();
    assertEquals(Long.toString(1767225600000L + 7 * 86_400_000L), details.scheduledDeletionDate());
    assertKmsError("KMS.1402", () -> engine.scheduleKeyDeletion(schedule(keyId, "30")));
    assertKmsError("KMS.0210", () -> engine.enableKey(Requests.keyId(keyId)));
    assertKmsError("KMS.0210", () -> engine.encryptData(Requests.encrypt(keyId, "x", null, null)));
    assertEquals(new KeyState(keyId, "3"), engine.cancelKeyDeletion(Requests.keyId(keyId)));
    assertEquals("", engine.describeKey(Requests.keyId(keyId)).keyInfo().scheduledDeletionDate());
    assertKmsError("KMS.1501", () -> engine.cancelKeyDeletion(Requests.keyId(keyId)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6", "1097", "seven", "-7"})
  void scheduleKeyDeletion_pendingDaysOutOfRange_returnsInvalidPendingDays(String days) {
    assertKmsError("KMS.1401", () -> engine.scheduleKeyDeletion(schedule(DemoKeys.AES_256, days)));
  }

  @Test
  void reEncrypt_disabledOrPendingSource_isRefused() {
    String fromDisabled = datakeyUnder(DemoKeys.AES_256_DISABLED);
    String fromPending = datakeyUnder(DemoKeys.SM4_PENDING_DELETION);
    assertKmsError(
        "KMS.0209",
        () -> engine.reEncrypt(Requests.reEncrypt(fromDisabled, null, DemoKeys.AES_256)));
    assertKmsError(
        "KMS.0209",
        () ->
            engine.reEncrypt(
                Requests.reEncrypt(fromDisabled, DemoKeys.AES_256_DISABLED, DemoKeys.AES_256)));
    assertKmsError(
        "KMS.0210",
        () -> engine.reEncrypt(Requests.reEncrypt(fromPending, null, DemoKeys.AES_256)));
  }

  @Test
  void reEncrypt_disabledOrPendingDestination_isRefused() {
    String cipherText =
        engine.encryptData(Requests.encrypt(DemoKeys.SM4, "x", null, null)).cipherText();
    assertKmsError(
        "KMS.0209",
        () -> engine.reEncrypt(Requests.reEncrypt(cipherText, null, DemoKeys.AES_256_DISABLED)));
    assertKmsError(
        "KMS.0210",
        () ->
            engine.reEncrypt(Requests.reEncrypt(cipherText, null, DemoKeys.SM4_PENDING_DELETION)));
  }

  /** A data-key ciphertext under a key that is now disabled or pending: enable, make, restore. */
  private String datakeyUnder(String keyId) {
    String state = engine.describeKey(Requests.keyId(keyId)).keyInfo().keyState();
    if (state.equals("4")) {
      engine.cancelKeyDeletion(Requests.keyId(keyId));
    }
    engine.enableKey(Requests.keyId(keyId));
    String cipherText =
        engine.createDatakey(Requests.createDatakey(keyId, null, null)).cipherText();
    engine.disableKey(Requests.keyId(keyId));
    if (state.equals("4")) {
      engine.scheduleKeyDeletion(schedule(keyId, "7"));
    }
    return cipherText;
  }

  private static ScheduleKeyDeletionRequest schedule(String keyId, String days) {
    return new ScheduleKeyDeletionRequest(keyId, days, null);
  }

  private static ListKeysRequest listRequest(
      String limit, String marker, String state, String spec) {
    return new ListKeysRequest(limit, marker, state, spec, null, null);
  }
}

package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.kms.CreateDatakeyRequest;
import cloud.reencrypt.kms.CreateDatakeyResponse;
import cloud.reencrypt.kms.CreateKeyRequest;
import cloud.reencrypt.kms.DecryptDataRequest;
import cloud.reencrypt.kms.DecryptDatakeyRequest;
import cloud.reencrypt.kms.DecryptDatakeyResponse;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.EncryptDatakeyRequest;
import cloud.reencrypt.kms.KeyIdRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ListKeysRequest;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.kms.ScheduleKeyDeletionRequest;
import cloud.reencrypt.kms.local.LocalKmsEngine;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.LocalKmsServer;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cloud engine against {@code serve} on loopback: the official SDK's client, real AK/SK signing
 * verified by the server, real HTTP, the local engine behind it. Every operation succeeds end to
 * end here; {@link CloudKmsEngineServeErrorsTest} covers the error classes.
 */
class CloudKmsEngineServeTest {
  static LocalKmsServer kms;
  static KmsEngine cloud;

  @BeforeAll
  static void start() throws Exception {
    kms = LocalKmsServer.start();
    cloud = engineFor(kms, kms.secretKey(), null);
  }

  @AfterAll
  static void stop() {
    kms.close();
  }

  /** A cloud engine on {@code kms}'s endpoint, project and AK, signing with {@code sk}. */
  static KmsEngine engineFor(LocalKmsServer kms, String sk, String securityToken) {
    return engineAs(kms, kms.projectId(), new Credentials(kms.accessKey(), sk, securityToken));
  }

  static KmsEngine engineAs(LocalKmsServer kms, String projectId, Credentials key) {
    return CloudKmsEngine.create(
        new CloudKmsSettings(
            URI.create(kms.endpoint()),
            projectId,
            key,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            1,
            0));
  }

  @Test
  void keyLifecycle_throughTheSdk_createsDescribesListsDisablesEnablesSchedulesCancels() {
    String alias = "cloud-" + UUID.randomUUID();
    String keyId =
        cloud
            .createKey(new CreateKeyRequest(alias, "AES_256", null, "via SDK", null, null, null))
            .keyInfo()
            .keyId();
    KeyIdRequest key = new KeyIdRequest(keyId, null);

    assertEquals(alias, cloud.describeKey(key).keyInfo().keyAlias());
    assertEquals("via SDK", cloud.describeKey(key).keyInfo().keyDescription());
    var listed = cloud.listKeys(new ListKeysRequest("1000", null, null, "ALL", null, null));
    assertTrue(listed.keys().contains(keyId));
    assertEquals(listed.keys().size(), listed.total());
    assertEquals("3", cloud.disableKey(key).keyInfo().keyState());
    assertEquals("2", cloud.enableKey(key).keyInfo().keyState());
    assertEquals(
        "4",
        cloud.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(keyId, "7", null)).keyState());
    assertNotEquals("4", cloud.cancelKeyDeletion(key).keyState());
  }

  @Test
  void describeKey_demoKey_isFieldForFieldWhatTheLocalEngineSays() {
    KeyIdRequest key = new KeyIdRequest(DemoKms.RSA_2048, null);
    LocalKmsEngine local = LocalKmsEngine.open(kms.keystore());
    assertEquals(local.describeKey(key), cloud.describeKey(key));
  }

  @Test
  void encryptAndDecryptData_symmetric_roundTrips() {
    String cipherText =
        cloud
            .encryptData(new EncryptDataRequest(DemoKms.AES, "hello via SDK", null, "aad", null))
            .cipherText();
    var decrypted = cloud.decryptData(new DecryptDataRequest(cipherText, null, null, "aad", null));
    assertEquals("hello via SDK", decrypted.plainText());
    assertEquals(DemoKms.AES, decrypted.keyId());
  }

  @Test
  void dataKeys_createEncryptDecrypt_agreeOnTheDekAndItsDigest() throws Exception {
    CreateDatakeyResponse created =
        cloud.createDatakey(new CreateDatakeyRequest(DemoKms.AES, null, "256", null, null));
    DecryptDatakeyResponse opened = decryptDatakey(created.cipherText());
    assertEquals(created.plainText(), opened.dataKey());
    assertEquals(sha256Hex(created.plainText()), opened.datakeyDgst().toLowerCase());

    String dek = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    String wrapped =
        cloud
            .encryptDatakey(
                new EncryptDatakeyRequest(DemoKms.AES, dek + sha256Hex(dek), "32", null, null))
            .cipherText();
    assertEquals(dek, decryptDatakey(wrapped).dataKey());

    CreateDatakeyResponse blind =
        cloud.createDatakeyWithoutPlaintext(
            new CreateDatakeyRequest(DemoKms.AES, "AES_256", null, null, null));
    assertNull(blind.plainText());
    assertEquals(64, decryptDatakey(blind.cipherText()).dataKey().length());
  }

  @Test
  void reEncrypt_symmetricData_movesItToAnotherKeyInsideKms() {
    String source = DemoKms.encrypt(DemoKms.AES, "moved by KMS", "src-aad", null);
    ReEncryptResponse moved =
        cloud.reEncrypt(
            new ReEncryptRequest(
                null, "src-aad", null, DemoKms.SM4, "dst-aad", null, null, source));
    assertEquals(DemoKms.SM4, moved.keyId());
    assertEquals(DemoKms.AES, moved.sourceKeyId());
    assertEquals(
        "moved by KMS",
        cloud
            .decryptData(new DecryptDataRequest(moved.cipherText(), null, null, "dst-aad", null))
            .plainText());
  }

  @Test
  void reEncrypt_rsaSourceAndDataKey_bothComeBackUnderTheDestination() {
    String rsa = DemoKms.encrypt(DemoKms.RSA_2048, "from RSA", null, "RSAES_OAEP_SHA_256");
    ReEncryptResponse fromRsa =
        cloud.reEncrypt(
            new ReEncryptRequest(
                DemoKms.RSA_2048, null, "RSAES_OAEP_SHA_256", DemoKms.AES, null, null, null, rsa));
    assertEquals("RSAES_OAEP_SHA_256", fromRsa.sourceEncryptionAlgorithm());
    assertEquals(
        "from RSA",
        cloud
            .decryptData(new DecryptDataRequest(fromRsa.cipherText(), null, null, null, null))
            .plainText());

    String datakey = DemoKms.datakey(DemoKms.AES);
    String before = decryptDatakey(datakey).dataKey();
    ReEncryptResponse moved =
        cloud.reEncrypt(
            new ReEncryptRequest(null, null, null, DemoKms.SM4, null, null, null, datakey));
    assertEquals(before, decryptDatakey(DemoKms.SM4, moved.cipherText()).dataKey());
  }

  @Test
  void anyOperation_withAgencyStyleSecurityToken_passesTheSignatureCheck() {
    KmsEngine agency = engineFor(kms, kms.secretKey(), "STS-TOKEN-FROM-CONTEXT");
    assertNotNull(agency.describeKey(new KeyIdRequest(DemoKms.AES, null)).keyInfo());
  }

  @Test
  void anyOperation_wrongSecretKey_isRefusedWith401Apigw0301() {
    KmsEngine forged = engineFor(kms, "not-" + kms.secretKey(), null);
    KmsException e =
        assertThrows(
            KmsException.class, () -> forged.describeKey(new KeyIdRequest(DemoKms.AES, null)));
    assertEquals("APIGW.0301", e.errorCode());
    assertEquals(401, e.httpStatus());
  }

  @Test
  void anyOperation_unknownAccessKey_isRefusedWith401Apigw0301() {
    KmsEngine stranger =
        engineAs(kms, kms.projectId(), new Credentials("AKUNKNOWN0000000000", "whatever", null));
    KmsException e =
        assertThrows(
            KmsException.class, () -> stranger.describeKey(new KeyIdRequest(DemoKms.AES, null)));
    assertEquals("APIGW.0301", e.errorCode());
    assertEquals(401, e.httpStatus());
  }

  @Test
  void anyOperation_anotherProject_isRefusedWith403() {
    KmsEngine elsewhere =
        engineAs(
            kms,
            "ffffffffffffffffffffffffffffffff",
            new Credentials(kms.accessKey(), kms.secretKey(), null));
    KmsException e =
        assertThrows(
            KmsException.class, () -> elsewhere.describeKey(new KeyIdRequest(DemoKms.AES, null)));
    assertEquals("KMS.0321", e.errorCode());
    assertEquals(403, e.httpStatus());
  }

  private static DecryptDatakeyResponse decryptDatakey(String cipherText) {
    return decryptDatakey(DemoKms.AES, cipherText);
  }

  private static DecryptDatakeyResponse decryptDatakey(String keyId, String cipherText) {
    return cloud.decryptDatakey(new DecryptDatakeyRequest(keyId, cipherText, "32", null, null));
  }

  private static String sha256Hex(String hex) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(hex)));
  }
}

package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.reencrypt.kms.CreateDatakeyRequest;
import cloud.reencrypt.kms.CreateKeyRequest;
import cloud.reencrypt.kms.DecryptDataRequest;
import cloud.reencrypt.kms.DecryptDatakeyRequest;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.EncryptDatakeyRequest;
import cloud.reencrypt.kms.KeyIdRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.KmsOperation;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.kms.ListKeysRequest;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ScheduleKeyDeletionRequest;
import cloud.reencrypt.kms.local.LocalKmsEngine;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.LocalKmsServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error class, through the SDK and {@code serve}, compared with the local engine given the
 * same request: the cloud engine must surface exactly the local engine's error body and HTTP
 * status, and the expected KMS code pins what each case exercises. None of these requests changes
 * the keystore, so both engines see the same keys.
 */
class CloudKmsEngineServeErrorsTest {
  private static final String AES_DATA = DemoKms.encrypt(DemoKms.AES, "payload", "aad-1", null);
  private static final String DATAKEY = DemoKms.datakey(DemoKms.AES);
  private static final String DEK =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  private static LocalKmsServer kms;
  private static KmsEngine cloud;
  private static KmsEngine local;

  @BeforeAll
  static void start() throws Exception {
    kms = LocalKmsServer.start();
    cloud = CloudKmsEngineServeTest.engineFor(kms, kms.secretKey(), null);
    local = LocalKmsEngine.open(kms.keystore());
  }

  @AfterAll
  static void stop() {
    kms.close();
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        error("KMS.0204", KmsOperations.RE_ENCRYPT, reEncrypt(null, null, DemoKms.SM4, null)),
        error("KMS.0205", KmsOperations.DESCRIBE_KEY, new KeyIdRequest("not-a-key-id", null)),
        error("KMS.0207", KmsOperations.DESCRIBE_KEY, new KeyIdRequest(DemoKms.UNKNOWN, null)),
        error(
            "KMS.0207",
            KmsOperations.RE_ENCRYPT,
            reEncrypt(AES_DATA, "aad-1", DemoKms.UNKNOWN, null)),
        error("KMS.0209", KmsOperations.ENCRYPT_DATA, encrypt(DemoKms.AES_DISABLED, "x", null)),
        error(
            "KMS.0210",
            KmsOperations.ENCRYPT_DATA,
            encrypt(DemoKms.SM4_PENDING_DELETION, "x", null)),
        error("KMS.1104", KmsOperations.CREATE_KEY, createKey("demo-aes-256")),
        error("KMS.1201", KmsOperations.ENABLE_KEY, new KeyIdRequest(DemoKms.AES, null)),
        error("KMS.1301", KmsOperations.DISABLE_KEY, new KeyIdRequest(DemoKms.AES_DISABLED, null)),
        error("KMS.1401", KmsOperations.SCHEDULE_KEY_DELETION, schedule(DemoKms.AES, "3")),
        error(
            "KMS.1402",
            KmsOperations.SCHEDULE_KEY_DELETION,
            schedule(DemoKms.SM4_PENDING_DELETION, "7")),
        error("KMS.1501", KmsOperations.CANCEL_KEY_DELETION, new KeyIdRequest(DemoKms.AES, null)),
        error(
            "KMS.1601",
            KmsOperations.LIST_KEYS,
            new ListKeysRequest("-5", null, null, null, null, null)),
        error("KMS.1901", KmsOperations.CREATE_DATAKEY, datakey("9000")),
        error("KMS.2103", KmsOperations.ENCRYPT_DATAKEY, wrapDek(DEK + "00".repeat(32), "32")),
        error("KMS.2104", KmsOperations.ENCRYPT_DATAKEY, wrapDek(DEK + "00".repeat(32), "16")),
        error(
            "KMS.2105",
            KmsOperations.ENCRYPT_DATA,
            encrypt(DemoKms.AES, "x", "RSAES_OAEP_SHA_256")),
        error(
            "KMS.2108",
            KmsOperations.ENCRYPT_DATA,
            encrypt(DemoKms.RSA_2048, "x".repeat(300), "RSAES_OAEP_SHA_256")),
        error(
            "KMS.2201",
            KmsOperations.RE_ENCRYPT,
            reEncrypt(tampered(AES_DATA), "aad-1", DemoKms.SM4, null)),
        // a wrong AAD and an undecryptable RSA block are both "invalid cipher_text" locally
        error(
            "KMS.2201", KmsOperations.RE_ENCRYPT, reEncrypt(AES_DATA, "aad-2", DemoKms.SM4, null)),
        error(
            "KMS.2204",
            KmsOperations.DECRYPT_DATAKEY,
            new DecryptDatakeyRequest(DemoKms.AES, DATAKEY, "16", null, null)),
        error(
            "KMS.2201",
            KmsOperations.DECRYPT_DATA,
            new DecryptDataRequest(
                rsaGarbage(), "RSAES_OAEP_SHA_256", DemoKms.RSA_2048, null, null)));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("errors")
  void operation_badRequest_surfacesTheLocalEnginesErrorThroughSdkAndServer(
      String expected, KmsOperation<Object, Object> operation, Object request) {
    KmsException direct = assertThrows(KmsException.class, () -> viaJson(operation, request));
    KmsException remote = assertThrows(KmsException.class, () -> operation.invoke(cloud, request));

    assertEquals(KmsJson.write(direct.body()), KmsJson.write(remote.body()));
    assertEquals(direct.httpStatus(), remote.httpStatus());
    assertEquals(expected, remote.errorCode());
  }

  /** The local engine as {@code serve} runs it: the JSON body through the operation's checks. */
  private static Object viaJson(KmsOperation<Object, Object> operation, Object request) {
    return operation.invoke(local, KmsJson.write(request).getBytes(StandardCharsets.UTF_8));
  }

  private static Arguments error(String code, KmsOperation<?, ?> operation, Object request) {
    return Arguments.of(code, operation, request);
  }

  private static ReEncryptRequest reEncrypt(
      String cipher, String aad, String to, String algorithm) {
    return new ReEncryptRequest(null, aad, algorithm, to, null, null, null, cipher);
  }

  private static EncryptDataRequest encrypt(String keyId, String text, String algorithm) {
    return new EncryptDataRequest(keyId, text, algorithm, null, null);
  }

  private static CreateKeyRequest createKey(String alias) {
    return new CreateKeyRequest(alias, null, null, null, null, null, null);
  }

  private static ScheduleKeyDeletionRequest schedule(String keyId, String days) {
    return new ScheduleKeyDeletionRequest(keyId, days, null);
  }

  private static CreateDatakeyRequest datakey(String bits) {
    return new CreateDatakeyRequest(DemoKms.AES, null, bits, null, null);
  }

  private static EncryptDatakeyRequest wrapDek(String plainText, String length) {
    return new EncryptDatakeyRequest(DemoKms.AES, plainText, length, null, null);
  }

  private static String tampered(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64);
    bytes[bytes.length / 2] ^= 1;
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String rsaGarbage() {
    return Base64.getEncoder().encodeToString(new byte[256]);
  }
}

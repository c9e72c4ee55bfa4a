package cloud.reencrypt.kms;

import static cloud.reencrypt.kms.KmsOperation.required;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every KMS operation this project serves or calls, by its path segment after {@code /kms/}, with
 * the IAM actions it needs: the single list the Terraform agency is checked against ({@link
 * #FUNCTION_CALLS}).
 */
public final class KmsOperations {
  public static final KmsOperation<CreateKeyRequest, KeyInfoResponse<CreatedKey>> CREATE_KEY =
      new KmsOperation<>(
          "create-key",
          CreateKeyRequest.class,
          KmsEngine::createKey,
          Set.of("kms:cmk:create"),
          required("key_alias", CreateKeyRequest::keyAlias));
  public static final KmsOperation<KeyIdRequest, KeyInfoResponse<KeyDetails>> DESCRIBE_KEY =
      new KmsOperation<>(
          "describe-key",
          KeyIdRequest.class,
          KmsEngine::describeKey,
          Set.of("kms:cmk:get"),
          required("key_id", KeyIdRequest::keyId));
  public static final KmsOperation<ListKeysRequest, ListKeysResponse> LIST_KEYS =
      new KmsOperation<>(
          "list-keys", ListKeysRequest.class, KmsEngine::listKeys, Set.of("kms:cmk:list"));
  public static final KmsOperation<KeyIdRequest, KeyInfoResponse<KeyState>> ENABLE_KEY =
      new KmsOperation<>(
          "enable-key",
          KeyIdRequest.class,
          KmsEngine::enableKey,
          Set.of("kms:cmk:enable"),
          required("key_id", KeyIdRequest::keyId));
  public static final KmsOperation<KeyIdRequest, KeyInfoResponse<KeyState>> DISABLE_KEY =
      new KmsOperation<>(
          "disable-key",
          KeyIdRequest.class,
          KmsEngine::disableKey,
          Set.of("kms:cmk:disable"),
          required("key_id", KeyIdRequest::keyId));
  public static final KmsOperation<ScheduleKeyDeletionRequest, KeyState> SCHEDULE_KEY_DELETION =
      new KmsOperation<>(
          "schedule-key-deletion",
          ScheduleKeyDeletionRequest.class,
          KmsEngine::scheduleKeyDeletion,
          Set.of("kms:cmk:update"),
          required("key_id", ScheduleKeyDeletionRequest::keyId),
          required("pending_days", ScheduleKeyDeletionRequest::pendingDays));
  public static final KmsOperation<KeyIdRequest, KeyState> CANCEL_KEY_DELETION =
      new KmsOperation<>(
          "cancel-key-deletion",
          KeyIdRequest.class,
          KmsEngine::cancelKeyDeletion,
          Set.of("kms:cmk:update"),
          required("key_id", KeyIdRequest::keyId));
  public static final KmsOperation<EncryptDataRequest, EncryptDataResponse> ENCRYPT_DATA =
      new KmsOperation<>(
          "encrypt-data",
          EncryptDataRequest.class,
          KmsEngine::encryptData,
          Set.of("kms:cmk:crypto"),
          required("key_id", EncryptDataRequest::keyId),
          required("plain_text", EncryptDataRequest::plainText));
  public static final KmsOperation<DecryptDataRequest, DecryptDataResponse> DECRYPT_DATA =
      new KmsOperation<>(
          "decrypt-data",
          DecryptDataRequest.class,
          KmsEngine::decryptData,
          Set.of("kms:cmk:crypto"),
          required("cipher_text", DecryptDataRequest::cipherText));
  public static final KmsOperation<CreateDatakeyRequest, CreateDatakeyResponse> CREATE_DATAKEY =
      new KmsOperation<>(
          "create-datakey",
          CreateDatakeyRequest.class,
          KmsEngine::createDatakey,
          Set.of("kms:dek:create"),
          required("key_id", CreateDatakeyRequest::keyId));
  public static final KmsOperation<CreateDatakeyRequest, CreateDatakeyResponse>
      CREATE_DATAKEY_WITHOUT_PLAINTEXT =
          new KmsOperation<>(
              "create-datakey-without-plaintext",
              CreateDatakeyRequest.class,
              KmsEngine::createDatakeyWithoutPlaintext,
              Set.of("kms:dek:create"),
              required("key_id", CreateDatakeyRequest::keyId));
  public static final KmsOperation<EncryptDatakeyRequest, EncryptDatakeyResponse> ENCRYPT_DATAKEY =
      new KmsOperation<>(
          "encrypt-datakey",
          EncryptDatakeyRequest.class,
          KmsEngine::encryptDatakey,
          Set.of("kms:dek:crypto"),
          required("key_id", EncryptDatakeyRequest::keyId),
          required("plain_text", EncryptDatakeyRequest::plainText),
          required("datakey_plain_length", EncryptDatakeyRequest::datakeyPlainLength));
  public static final KmsOperation<DecryptDatakeyRequest, DecryptDatakeyResponse> DECRYPT_DATAKEY =
      new KmsOperation<>(
          "decrypt-datakey",
          DecryptDatakeyRequest.class,
          KmsEngine::decryptDatakey,
          Set.of("kms:dek:crypto"),
          required("key_id", DecryptDatakeyRequest::keyId),
          required("cipher_text", DecryptDatakeyRequest::cipherText),
          required("datakey_cipher_length", DecryptDatakeyRequest::datakeyCipherLength));

  /**
   * ReEncrypt decrypts under the source key and encrypts under the destination key inside KMS.
   * Huawei's docs name no dedicated IAM action for it, so the agency gets the crypto actions of
   * both halves: data ({@code kms:cmk:crypto}) and data keys ({@code kms:dek:crypto}).
   */
  public static final KmsOperation<ReEncryptRequest, ReEncryptResponse> RE_ENCRYPT =
      new KmsOperation<>(
          "re-encrypt",
          ReEncryptRequest.class,
          KmsEngine::reEncrypt,
          Set.of("kms:cmk:crypto", "kms:dek:crypto"),
          required("destination_key_id", ReEncryptRequest::destinationKeyId),
          required("cipher_text", ReEncryptRequest::cipherText));

  /**
   * The operations the deployed function calls on Huawei Cloud KMS. The Terraform agency grants
   * exactly the IAM actions of these, and the tests check it. The initializer's one call is a
   * ReEncrypt too.
   */
  public static final List<KmsOperation<?, ?>> FUNCTION_CALLS = List.of(RE_ENCRYPT);

  private static final Map<String, KmsOperation<?, ?>> BY_PATH = index();

  private KmsOperations() {}

  public static Optional<KmsOperation<?, ?>> byPath(String path) {
    return Optional.ofNullable(BY_PATH.get(path));
  }

  public static Collection<KmsOperation<?, ?>> all() {
    return BY_PATH.values();
  }

  private static Map<String, KmsOperation<?, ?>> index() {
    Map<String, KmsOperation<?, ?>> byPath = new LinkedHashMap<>();
    for (KmsOperation<?, ?> op :
        List.of(
            CREATE_KEY,
            DESCRIBE_KEY,
            LIST_KEYS,
            ENABLE_KEY,
            DISABLE_KEY,
            SCHEDULE_KEY_DELETION,
            CANCEL_KEY_DELETION,
            ENCRYPT_DATA,
            DECRYPT_DATA,
            CREATE_DATAKEY,
            CREATE_DATAKEY_WITHOUT_PLAINTEXT,
            ENCRYPT_DATAKEY,
            DECRYPT_DATAKEY,
            RE_ENCRYPT)) {
      byPath.put(op.path(), op);
    }
    return Collections.unmodifiableMap(byPath);
  }
}

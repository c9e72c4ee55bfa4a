package cloud.reencrypt.kms;

import cloud.reencrypt.config.Credentials;
import java.util.Optional;

/**
 * The KMS data-plane and key-management operations this project needs, with Huawei Cloud KMS's
 * request and response shapes. Engines: the bundled local engine ({@code kms.local}) and the real
 * service through the official SDK ({@code kms.cloud}).
 *
 * <p>Every method either returns KMS's response or throws {@link KmsException} with KMS's error
 * code and HTTP status. Implementations are thread-safe.
 */
public interface KmsEngine {
  KeyInfoResponse<CreatedKey> createKey(CreateKeyRequest request);

  KeyInfoResponse<KeyDetails> describeKey(KeyIdRequest request);

  ListKeysResponse listKeys(ListKeysRequest request);

  KeyInfoResponse<KeyState> enableKey(KeyIdRequest request);

  KeyInfoResponse<KeyState> disableKey(KeyIdRequest request);

  KeyState scheduleKeyDeletion(ScheduleKeyDeletionRequest request);

  KeyState cancelKeyDeletion(KeyIdRequest request);

  EncryptDataResponse encryptData(EncryptDataRequest request);

  DecryptDataResponse decryptData(DecryptDataRequest request);

  CreateDatakeyResponse createDatakey(CreateDatakeyRequest request);

  CreateDatakeyResponse createDatakeyWithoutPlaintext(CreateDatakeyRequest request);

  EncryptDatakeyResponse encryptDatakey(EncryptDatakeyRequest request);

  DecryptDatakeyResponse decryptDatakey(DecryptDatakeyRequest request);

  ReEncryptResponse reEncrypt(ReEncryptRequest request);

  /**
   * Proves that {@link #reEncrypt} would succeed for this request, keeping and returning nothing (a
   * dry run's proof); throws the error it would meet. By default it re-encrypts and drops the
   * result, which is the only proof a remote KMS offers; an engine holding the keys decrypts in
   * memory instead.
   */
  default void checkReEncrypt(ReEncryptRequest request) {
    reEncrypt(request);
  }

  /**
   * This engine bounded by an invocation's remaining time: an engine that retries (the cloud
   * engine) never waits or retries past it. Engines that do not wait return themselves.
   *
   * @param remainingMillis milliseconds left in the current invocation, read at each use
   */
  default KmsEngine withRemainingTime(java.util.function.LongSupplier remainingMillis) {
    return this;
  }

  /**
   * This engine signing with other credentials: FunctionGraph hands each invocation the agency's
   * current temporary credentials, which expire. Engines that sign nothing return themselves.
   */
  default KmsEngine withCredentials(Credentials credentials) {
    return this;
  }

  /**
   * Readies, without I/O, what this engine's first request would otherwise build (an SDK's answer
   * mapping, say), so an initializer can pay for it before the first event. Does nothing by
   * default.
   */
  default void warmUp() {}

  /**
   * A throwaway ciphertext under {@code keyId} for the initializer's rehearsal, which re-encrypts
   * it through the handler's whole path, answer included, so the first real request does not run
   * that path for the first time. Only where making one is free and stays in this process (the
   * local engine); empty by default, because on KMS it would be a real EncryptData call, which the
   * function's agency may not make. Empty too when the key cannot take one (disabled, asymmetric).
   */
  default Optional<String> rehearsalCiphertext(String keyId) {
    return Optional.empty();
  }
}

package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.CreateDatakeyRequest;
import cloud.reencrypt.kms.CreateDatakeyResponse;
import cloud.reencrypt.kms.CreateKeyRequest;
import cloud.reencrypt.kms.CreatedKey;
import cloud.reencrypt.kms.DecryptDataRequest;
import cloud.reencrypt.kms.DecryptDataResponse;
import cloud.reencrypt.kms.DecryptDatakeyRequest;
import cloud.reencrypt.kms.DecryptDatakeyResponse;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.EncryptDataResponse;
import cloud.reencrypt.kms.EncryptDatakeyRequest;
import cloud.reencrypt.kms.EncryptDatakeyResponse;
import cloud.reencrypt.kms.KeyDetails;
import cloud.reencrypt.kms.KeyIdRequest;
import cloud.reencrypt.kms.KeyInfoResponse;
import cloud.reencrypt.kms.KeyState;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ListKeysRequest;
import cloud.reencrypt.kms.ListKeysResponse;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.kms.ScheduleKeyDeletionRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The bundled KMS engine: Huawei Cloud KMS's operations on a local keystore file ({@link
 * LocalKeystore}), with KMS's fields, defaults, encodings and error codes. Thread-safe; several
 * engines and processes may share one keystore file.
 */
public final class LocalKmsEngine implements KmsEngine {
  private final LocalKeystore keystore;
  private final KeyAdmin admin;
  private final KeyListing listing;
  private final DataOperations data;
  private final DatakeyOperations datakeys;
  private final ReEncryption reEncryption;

  /** An engine on {@code keystore}; {@code clock} dates key creation and scheduled deletion. */
  public LocalKmsEngine(LocalKeystore keystore, Clock clock) {
    this.keystore = keystore;
    this.admin = new KeyAdmin(keystore, clock);
    this.listing = new KeyListing(keystore);
    this.data = new DataOperations(keystore);
    this.datakeys = new DatakeyOperations(keystore);
    this.reEncryption = new ReEncryption(keystore);
  }

  /**
   * An engine on the keystore file at {@code path}.
   *
   * @throws cloud.reencrypt.kms.KmsException KMS.0101 when the file is unreadable
   */
  public static LocalKmsEngine open(Path path) {
    return new LocalKmsEngine(LocalKeystore.open(path), Clock.systemUTC());
  }

  /** Runs the AES-GCM and ReEncrypt paths until they are compiled ({@link GcmWarmUp}). */
  @Override
  public void warmUp() {
    GcmWarmUp.run(this, keystore.snapshot());
  }

  /** One short plaintext encrypted under {@code keyId}; nothing is written. */
  @Override
  public Optional<String> rehearsalCiphertext(String keyId) {
    try {
      return Optional.of(
          data.encryptData(new EncryptDataRequest(keyId, "rehearsal", null, null, null))
              .cipherText());
    } catch (KmsException e) {
      return Optional.empty();
    }
  }

  public LocalKeystore keystore() {
    return keystore;
  }

  @Override
  public KeyInfoResponse<CreatedKey> createKey(CreateKeyRequest request) {
    return admin.createKey(request);
  }

  @Override
  public KeyInfoResponse<KeyDetails> describeKey(KeyIdRequest request) {
    return admin.describeKey(request);
  }

  @Override
  public ListKeysResponse listKeys(ListKeysRequest request) {
    return listing.listKeys(request);
  }

  @Override
  public KeyInfoResponse<KeyState> enableKey(KeyIdRequest request) {
    return admin.enableKey(request);
  }

  @Override
  public KeyInfoResponse<KeyState> disableKey(KeyIdRequest request) {
    return admin.disableKey(request);
  }

  @Override
  public KeyState scheduleKeyDeletion(ScheduleKeyDeletionRequest request) {
    return admin.scheduleKeyDeletion(request);
  }

  @Override
  public KeyState cancelKeyDeletion(KeyIdRequest request) {
    return admin.cancelKeyDeletion(request);
  }

  @Override
  public EncryptDataResponse encryptData(EncryptDataRequest request) {
    return data.encryptData(request);
  }

  @Override
  public DecryptDataResponse decryptData(DecryptDataRequest request) {
    return data.decryptData(request);
  }

  @Override
  public CreateDatakeyResponse createDatakey(CreateDatakeyRequest request) {
    return datakeys.createDatakey(request, true);
  }

  @Override
  public CreateDatakeyResponse createDatakeyWithoutPlaintext(CreateDatakeyRequest request) {
    return datakeys.createDatakey(request, false);
  }

  @Override
  public EncryptDatakeyResponse encryptDatakey(EncryptDatakeyRequest request) {
    return datakeys.encryptDatakey(request);
  }

  @Override
  public DecryptDatakeyResponse decryptDatakey(DecryptDatakeyRequest request) {
    return datakeys.decryptDatakey(request);
  }

  @Override
  public ReEncryptResponse reEncrypt(ReEncryptRequest request) {
    return reEncryption.reEncrypt(request);
  }

  @Override
  public void checkReEncrypt(ReEncryptRequest request) {
    reEncryption.check(request);
  }
}

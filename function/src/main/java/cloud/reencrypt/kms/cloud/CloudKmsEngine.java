package cloud.reencrypt.kms.cloud;

import static cloud.reencrypt.kms.cloud.Repeatability.ONCE;
import static cloud.reencrypt.kms.cloud.Repeatability.REPEATABLE;

import cloud.reencrypt.config.Credentials;
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
import cloud.reencrypt.kms.ListKeysRequest;
import cloud.reencrypt.kms.ListKeysResponse;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.kms.ScheduleKeyDeletionRequest;
import com.huaweicloud.sdk.kms.v2.model.CancelKeyDeletionRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyWithoutPlaintextRequest;
import com.huaweicloud.sdk.kms.v2.model.DeleteKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.DisableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.EnableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.ListKeyDetailRequest;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link KmsEngine} on Huawei Cloud KMS through the official SDK: the generated client for every
 * operation it has, and {@link ReEncryptApi} for ReEncrypt, so re-encryption runs inside KMS and
 * the plaintext never reaches this process. Every call goes through a {@link ResilientCaller} (rate
 * limit, retries, remaining-time bound); failures surface as KMS-style {@link
 * cloud.reencrypt.kms.KmsException}s.
 *
 * <p>Crypto operations and reads are {@link Repeatability#REPEATABLE}; key-management writes are
 * retried only when KMS surely did not act ({@link Repeatability#ONCE}). Thread-safe: one engine
 * (one connection pool) serves every concurrent caller.
 */
public final class CloudKmsEngine implements KmsEngine {
  private final KmsClientWithReEncrypt client;
  private final ResilientCaller caller;
  private final String projectId;

  CloudKmsEngine(KmsClientWithReEncrypt client, ResilientCaller caller, String projectId) {
    this.client = client;
    this.caller = caller;
    this.projectId = projectId;
  }

  /** An engine for {@code settings} on the real clock. */
  public static CloudKmsEngine create(CloudKmsSettings settings) {
    return create(settings, Pacing.SYSTEM);
  }

  /** An engine for {@code settings} whose retries and rate limit run on {@code pacing}. */
  public static CloudKmsEngine create(CloudKmsSettings settings, Pacing pacing) {
    SdkWarmUp.start();
    return new CloudKmsEngine(
        SdkClients.build(settings),
        ResilientCaller.forSettings(settings, pacing),
        settings.projectId());
  }

  /**
   * Readies the SDK's answer mapping in the calling thread (the initializer's part: {@link
   * SdkWarmUp}); building an engine already starts it in the background.
   */
  @Override
  public void warmUp() {
    SdkWarmUp.runNow();
  }

  /**
   * Readies the SDK before any engine is built (see {@link SdkWarmUp}), for a caller that knows the
   * KMS engine is coming.
   */
  public static void warmUpSdk() {
    SdkWarmUp.runNow();
  }

  @Override
  public CloudKmsEngine withRemainingTime(LongSupplier remainingMillis) {
    return new CloudKmsEngine(client, caller.withRemainingTime(remainingMillis), projectId);
  }

  /**
   * This engine signing with another key: FunctionGraph hands each invocation the agency's current
   * temporary credentials, which expire, so a long-lived handler passes each invocation's key here.
   * The view shares the connection pool and the rate limit; building it costs no I/O.
   */
  @Override
  public CloudKmsEngine withCredentials(Credentials key) {
    return new CloudKmsEngine(
        client.withCredential(SdkClients.credentials(key, projectId)), caller, projectId);
  }

  @Override
  public KeyInfoResponse<CreatedKey> createKey(CreateKeyRequest request) {
    var sdkRequest = new com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest();
    sdkRequest.withBody(SdkRequests.createKey(request));
    return call(ONCE, () -> client.createKeyAsync(sdkRequest), SdkResponses::createKey);
  }

  @Override
  public KeyInfoResponse<KeyDetails> describeKey(KeyIdRequest request) {
    var sdkRequest = new ListKeyDetailRequest().withBody(SdkRequests.keyId(request));
    return call(REPEATABLE, () -> client.listKeyDetailAsync(sdkRequest), SdkResponses::describeKey);
  }

  @Override
  public ListKeysResponse listKeys(ListKeysRequest request) {
    var sdkRequest =
        new com.huaweicloud.sdk.kms.v2.model.ListKeysRequest()
            .withBody(SdkRequests.listKeys(request));
    return call(REPEATABLE, () -> client.listKeysAsync(sdkRequest), SdkResponses::listKeys);
  }

  @Override
  public KeyInfoResponse<KeyState> enableKey(KeyIdRequest request) {
    var sdkRequest = new EnableKeyRequest().withBody(SdkRequests.keyId(request));
    return call(
        ONCE, () -> client.enableKeyAsync(sdkRequest), r -> SdkResponses.keyStatus(r.getKeyInfo()));
  }

  @Override
  public KeyInfoResponse<KeyState> disableKey(KeyIdRequest request) {
    var sdkRequest = new DisableKeyRequest().withBody(SdkRequests.keyId(request));
    return call(
        ONCE,
        () -> client.disableKeyAsync(sdkRequest),
        r -> SdkResponses.keyStatus(r.getKeyInfo()));
  }

  @Override
  public KeyState scheduleKeyDeletion(ScheduleKeyDeletionRequest request) {
    var sdkRequest = new DeleteKeyRequest().withBody(SdkRequests.scheduleKeyDeletion(request));
    return call(ONCE, () -> client.deleteKeyAsync(sdkRequest), SdkResponses::scheduleKeyDeletion);
  }

  @Override
  public KeyState cancelKeyDeletion(KeyIdRequest request) {
    var sdkRequest = new CancelKeyDeletionRequest().withBody(SdkRequests.keyId(request));
    return call(
        ONCE, () -> client.cancelKeyDeletionAsync(sdkRequest), SdkResponses::cancelKeyDeletion);
  }

  @Override
  public EncryptDataResponse encryptData(EncryptDataRequest request) {
    var sdkRequest =
        new com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest()
            .withBody(SdkRequests.encryptData(request));
    return call(REPEATABLE, () -> client.encryptDataAsync(sdkRequest), SdkResponses::encryptData);
  }

  @Override
  public DecryptDataResponse decryptData(DecryptDataRequest request) {
    var sdkRequest =
        new com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest()
            .withBody(SdkRequests.decryptData(request));
    return call(REPEATABLE, () -> client.decryptDataAsync(sdkRequest), SdkResponses::decryptData);
  }

  @Override
  public CreateDatakeyResponse createDatakey(CreateDatakeyRequest request) {
    var sdkRequest =
        new com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequest()
            .withBody(SdkRequests.createDatakey(request));
    return call(
        REPEATABLE, () -> client.createDatakeyAsync(sdkRequest), SdkResponses::createDatakey);
  }

  @Override
  public CreateDatakeyResponse createDatakeyWithoutPlaintext(CreateDatakeyRequest request) {
    var sdkRequest =
        new CreateDatakeyWithoutPlaintextRequest().withBody(SdkRequests.createDatakey(request));
    return call(
        REPEATABLE,
        () -> client.createDatakeyWithoutPlaintextAsync(sdkRequest),
        SdkResponses::createDatakeyWithoutPlaintext);
  }

  @Override
  public EncryptDatakeyResponse encryptDatakey(EncryptDatakeyRequest request) {
    var sdkRequest =
        new com.huaweicloud.sdk.kms.v2.model.EncryptDatakeyRequest()
            .withBody(SdkRequests.encryptDatakey(request));
    return call(
        REPEATABLE, () -> client.encryptDatakeyAsync(sdkRequest), SdkResponses::encryptDatakey);
  }

  @Override
  public DecryptDatakeyResponse decryptDatakey(DecryptDatakeyRequest request) {
    var sdkRequest =
        new com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequest()
            .withBody(SdkRequests.decryptDatakey(request));
    return call(
        REPEATABLE, () -> client.decryptDatakeyAsync(sdkRequest), SdkResponses::decryptDatakey);
  }

  @Override
  public ReEncryptResponse reEncrypt(ReEncryptRequest request) {
    JsonPost sdkRequest = ReEncryptApi.call(request);
    return call(REPEATABLE, () -> client.reEncryptAsync(sdkRequest), ReEncryptApi::response);
  }

  /**
   * One signed round trip to {@code serve}'s {@code /kms/noop} through the same client, retries and
   * rate limit as every operation: the HTTP floor benchmarks compare operations with. Only the
   * local server answers it.
   */
  public void noop() {
    caller.call(REPEATABLE, client::noopAsync);
  }

  private <S, R> R call(
      Repeatability repeatability,
      Supplier<CompletableFuture<S>> attempt,
      Function<S, R> toResponse) {
    return toResponse.apply(caller.call(repeatability, attempt));
  }
}

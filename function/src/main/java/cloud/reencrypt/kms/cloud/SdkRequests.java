package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.kms.CreateDatakeyRequest;
import cloud.reencrypt.kms.CreateKeyRequest;
import cloud.reencrypt.kms.DecryptDataRequest;
import cloud.reencrypt.kms.DecryptDatakeyRequest;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.EncryptDatakeyRequest;
import cloud.reencrypt.kms.KeyIdRequest;
import cloud.reencrypt.kms.ListKeysRequest;
import cloud.reencrypt.kms.ScheduleKeyDeletionRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequestBody;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ScheduleKeyDeletionRequestBody;

/**
 * The project's request records as the SDK's generated request bodies, field for field. The SDK's
 * enums are open ({@code fromValue} keeps an unknown value), so every string reaches KMS unchanged
 * and KMS, not the client, judges it.
 */
final class SdkRequests {
  private SdkRequests() {}

  static CreateKeyRequestBody createKey(CreateKeyRequest r) {
    return new CreateKeyRequestBody()
        .withKeyAlias(r.keyAlias())
        .withKeySpec(CreateKeyRequestBody.KeySpecEnum.fromValue(r.keySpec()))
        .withKeyUsage(CreateKeyRequestBody.KeyUsageEnum.fromValue(r.keyUsage()))
        .withKeyDescription(r.keyDescription())
        .withOrigin(CreateKeyRequestBody.OriginEnum.fromValue(r.origin()))
        .withEnterpriseProjectId(r.enterpriseProjectId())
        .withSequence(r.sequence());
  }

  static OperateKeyRequestBody keyId(KeyIdRequest r) {
    return new OperateKeyRequestBody().withKeyId(r.keyId()).withSequence(r.sequence());
  }

  static ListKeysRequestBody listKeys(ListKeysRequest r) {
    return new ListKeysRequestBody()
        .withLimit(r.limit())
        .withMarker(r.marker())
        .withKeyState(r.keyState())
        .withKeySpec(ListKeysRequestBody.KeySpecEnum.fromValue(r.keySpec()))
        .withEnterpriseProjectId(r.enterpriseProjectId())
        .withSequence(r.sequence());
  }

  static ScheduleKeyDeletionRequestBody scheduleKeyDeletion(ScheduleKeyDeletionRequest r) {
    return new ScheduleKeyDeletionRequestBody()
        .withKeyId(r.keyId())
        .withPendingDays(r.pendingDays())
        .withSequence(r.sequence());
  }

  static EncryptDataRequestBody encryptData(EncryptDataRequest r) {
    return new EncryptDataRequestBody()
        .withKeyId(r.keyId())
        .withPlainText(r.plainText())
        .withEncryptionAlgorithm(
            EncryptDataRequestBody.EncryptionAlgorithmEnum.fromValue(r.encryptionAlgorithm()))
        .withAdditionalAuthenticatedData(r.additionalAuthenticatedData())
        .withSequence(r.sequence());
  }

  static DecryptDataRequestBody decryptData(DecryptDataRequest r) {
    return new DecryptDataRequestBody()
        .withCipherText(r.cipherText())
        .withEncryptionAlgorithm(
            DecryptDataRequestBody.EncryptionAlgorithmEnum.fromValue(r.encryptionAlgorithm()))
        .withKeyId(r.keyId())
        .withAdditionalAuthenticatedData(r.additionalAuthenticatedData())
        .withSequence(r.sequence());
  }

  static CreateDatakeyRequestBody createDatakey(CreateDatakeyRequest r) {
    return new CreateDatakeyRequestBody()
        .withKeyId(r.keyId())
        .withKeySpec(CreateDatakeyRequestBody.KeySpecEnum.fromValue(r.keySpec()))
        .withDatakeyLength(r.datakeyLength())
        .withAdditionalAuthenticatedData(r.additionalAuthenticatedData())
        .withSequence(r.sequence());
  }

  static EncryptDatakeyRequestBody encryptDatakey(EncryptDatakeyRequest r) {
    return new EncryptDatakeyRequestBody()
        .withKeyId(r.keyId())
        .withPlainText(r.plainText())
        .withDatakeyPlainLength(r.datakeyPlainLength())
        .withAdditionalAuthenticatedData(r.additionalAuthenticatedData())
        .withSequence(r.sequence());
  }

  static DecryptDatakeyRequestBody decryptDatakey(DecryptDatakeyRequest r) {
    return new DecryptDatakeyRequestBody()
        .withKeyId(r.keyId())
        .withCipherText(r.cipherText())
        .withDatakeyCipherLength(r.datakeyCipherLength())
        .withAdditionalAuthenticatedData(r.additionalAuthenticatedData())
        .withSequence(r.sequence());
  }
}

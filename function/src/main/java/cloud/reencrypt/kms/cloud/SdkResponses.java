package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.kms.CreateDatakeyResponse;
import cloud.reencrypt.kms.CreatedKey;
import cloud.reencrypt.kms.DecryptDataResponse;
import cloud.reencrypt.kms.DecryptDatakeyResponse;
import cloud.reencrypt.kms.EncryptDataResponse;
import cloud.reencrypt.kms.EncryptDatakeyResponse;
import cloud.reencrypt.kms.KeyDetails;
import cloud.reencrypt.kms.KeyInfoResponse;
import cloud.reencrypt.kms.KeyState;
import cloud.reencrypt.kms.ListKeysResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyWithoutPlaintextResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyResponse;
import com.huaweicloud.sdk.kms.v2.model.KeKInfo;
import com.huaweicloud.sdk.kms.v2.model.KeyStatusInfo;
import java.util.List;

/**
 * The SDK's generated responses as the project's response records, field for field. SDK enums come
 * back as their wire strings; {@code total} of list-keys is the one integer.
 */
final class SdkResponses {
  private SdkResponses() {}

  static KeyInfoResponse<CreatedKey> createKey(CreateKeyResponse r) {
    KeKInfo info = r.getKeyInfo();
    return new KeyInfoResponse<>(
        info == null ? null : new CreatedKey(info.getKeyId(), info.getDomainId()));
  }

  static KeyInfoResponse<KeyDetails> describeKey(
      com.huaweicloud.sdk.kms.v2.model.ListKeyDetailResponse r) {
    return new KeyInfoResponse<>(keyDetails(r.getKeyInfo()));
  }

  static ListKeysResponse listKeys(com.huaweicloud.sdk.kms.v2.model.ListKeysResponse r) {
    List<KeyDetails> details =
        r.getKeyDetails() == null
            ? null
            : r.getKeyDetails().stream().map(SdkResponses::keyDetails).toList();
    return new ListKeysResponse(
        r.getKeys(), details, r.getNextMarker(), text(r.getTruncated()), r.getTotal());
  }

  static KeyInfoResponse<KeyState> keyStatus(KeyStatusInfo info) {
    return new KeyInfoResponse<>(
        info == null ? null : new KeyState(info.getKeyId(), info.getKeyState()));
  }

  static KeyState scheduleKeyDeletion(com.huaweicloud.sdk.kms.v2.model.DeleteKeyResponse r) {
    return new KeyState(r.getKeyId(), r.getKeyState());
  }

  static KeyState cancelKeyDeletion(com.huaweicloud.sdk.kms.v2.model.CancelKeyDeletionResponse r) {
    return new KeyState(r.getKeyId(), r.getKeyState());
  }

  static EncryptDataResponse encryptData(com.huaweicloud.sdk.kms.v2.model.EncryptDataResponse r) {
    return new EncryptDataResponse(r.getKeyId(), r.getCipherText());
  }

  static DecryptDataResponse decryptData(com.huaweicloud.sdk.kms.v2.model.DecryptDataResponse r) {
    return new DecryptDataResponse(r.getKeyId(), r.getPlainText(), r.getPlainTextBase64());
  }

  static CreateDatakeyResponse createDatakey(
      com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse r) {
    return new CreateDatakeyResponse(r.getKeyId(), r.getPlainText(), r.getCipherText());
  }

  static CreateDatakeyResponse createDatakeyWithoutPlaintext(
      CreateDatakeyWithoutPlaintextResponse r) {
    return new CreateDatakeyResponse(r.getKeyId(), null, r.getCipherText());
  }

  static EncryptDatakeyResponse encryptDatakey(
      com.huaweicloud.sdk.kms.v2.model.EncryptDatakeyResponse r) {
    return new EncryptDatakeyResponse(r.getKeyId(), r.getCipherText(), r.getDatakeyLength());
  }

  static DecryptDatakeyResponse decryptDatakey(
      com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyResponse r) {
    return new DecryptDatakeyResponse(r.getDataKey(), r.getDatakeyLength(), r.getDatakeyDgst());
  }

  private static KeyDetails keyDetails(com.huaweicloud.sdk.kms.v2.model.KeyDetails d) {
    if (d == null) {
      return null;
    }
    return new KeyDetails(
        d.getKeyId(),
        d.getDomainId(),
        d.getKeyAlias(),
        d.getRealm(),
        text(d.getKeySpec()),
        text(d.getKeyUsage()),
        d.getKeyDescription(),
        d.getCreationDate(),
        d.getScheduledDeletionDate(),
        d.getKeyState(),
        d.getDefaultKeyFlag(),
        d.getKeyType(),
        d.getExpirationTime(),
        text(d.getOrigin()),
        d.getKeyRotationEnabled(),
        d.getSysEnterpriseProjectId(),
        d.getKeystoreId());
  }

  /** An SDK enum's wire value; its {@code toString} is exactly that value. */
  private static String text(Object sdkEnum) {
    return sdkEnum == null ? null : sdkEnum.toString();
  }
}

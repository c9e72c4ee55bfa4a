package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.http.HttpRequestDef;

/**
 * KMS's ReEncrypt ({@code POST /v1.0/{project_id}/kms/re-encrypt}) for SDK 3.1.143, which has no
 * generated method for it: a {@link JsonPost} whose body is the request record serialised by {@link
 * KmsJson}, so the wire names are the ones the rest of the project uses. KMS decrypts and
 * re-encrypts internally: the plaintext never reaches this process.
 */
final class ReEncryptApi {
  static final HttpRequestDef<JsonPost, Answer> DEFINITION =
      JsonPost.definition("ReEncrypt", "re-encrypt", Answer.class);

  private ReEncryptApi() {}

  static JsonPost call(ReEncryptRequest request) {
    return JsonPost.of(KmsJson.write(request));
  }

  static ReEncryptResponse response(Answer a) {
    return new ReEncryptResponse(
        a.keyId,
        a.sourceKeyId,
        a.sourceEncryptionAlgorithm,
        a.destinationEncryptionAlgorithm,
        a.cipherText);
  }

  /** The SDK-side response, read by the SDK's JSON mapper (unknown fields ignored). */
  public static final class Answer extends SdkResponse {
    @JsonProperty("key_id")
    private String keyId;

    @JsonProperty("source_key_id")
    private String sourceKeyId;

    @JsonProperty("source_encryption_algorithm")
    private String sourceEncryptionAlgorithm;

    @JsonProperty("destination_encryption_algorithm")
    private String destinationEncryptionAlgorithm;

    @JsonProperty("cipher_text")
    private String cipherText;
  }
}

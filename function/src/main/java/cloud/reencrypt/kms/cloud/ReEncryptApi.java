package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;

/**
 * KMS's ReEncrypt ({@code POST /v1.0/{project_id}/kms/re-encrypt}) for SDK 3.1.143, which has no
 * generated method for it: a request definition built with the SDK's own {@code HttpRequestDef},
 * exactly as the SDK's generated {@code KmsMeta} defines every other operation (name, URI, JSON
 * content type, one required body field). The SDK fills {@code project_id} from the credentials,
 * signs the request and maps errors as for any generated call.
 *
 * <p>The body is the request record serialised by {@link KmsJson} (the SDK sends a string body
 * verbatim), so the wire names are the ones the rest of the project uses. KMS decrypts and
 * re-encrypts internally: the plaintext never reaches this process.
 */
final class ReEncryptApi {
  static final HttpRequestDef<Call, Answer> DEFINITION = definition();

  private ReEncryptApi() {}

  static Call call(ReEncryptRequest request) {
    Call call = new Call();
    call.setBody(KmsJson.write(request));
    return call;
  }

  static ReEncryptResponse response(Answer a) {
    return new ReEncryptResponse(
        a.keyId,
        a.sourceKeyId,
        a.sourceEncryptionAlgorithm,
        a.destinationEncryptionAlgorithm,
        a.cipherText);
  }

  private static HttpRequestDef<Call, Answer> definition() {
    HttpRequestDef.Builder<Call, Answer> builder =
        HttpRequestDef.builder(HttpMethod.POST, Call.class, Answer.class)
            .withName("ReEncrypt")
            .withUri("/v1.0/{project_id}/kms/re-encrypt")
            .withContentType("application/json;charset=UTF-8");
    builder.<String>withRequestField(
        "body",
        LocationType.Body,
        FieldExistence.NON_NULL_NON_EMPTY,
        String.class,
        field -> field.withMarshaller(Call::getBody, Call::setBody));
    return builder.build();
  }

  /** The SDK-side request: its one field is the JSON body. */
  public static final class Call {
    private String body;

    public String getBody() {
      return body;
    }

    public void setBody(String body) {
      this.body = body;
    }
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

package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.mapping.JsonReadException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.SdkSerializable;
import com.huaweicloud.sdk.core.exception.SdkException;
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

  /**
   * The answer's response.
   *
   * @throws KmsException KMS.0101 when the SDK did not hand over a body to read (an answer whose
   *     content type is not text, which the SDK treats as a stream)
   */
  static ReEncryptResponse response(Answer a) {
    if (a.response == null) {
      throw KmsError.INTERNAL_ERROR.exception("KMS's answer could not be read");
    }
    return a.response;
  }

  /**
   * The SDK-side response. It implements the SDK's {@code SdkSerializable} hook so the SDK hands it
   * the body to read with the project's mapper (unknown members ignored), which the request path
   * has already built, instead of building its own mapper with its Java-time and JDK 8 modules: a
   * cold process then loads about 180 classes fewer. An answer that cannot be read is the SDK's own
   * {@code SdkException}, which the SDK turns into its "json parse error" as before; the message
   * never quotes the body.
   */
  public static final class Answer extends SdkResponse implements SdkSerializable<Answer> {
    private static final ObjectReader READER = JsonMapping.reader(ReEncryptResponse.class);
    private ReEncryptResponse response;

    @Override
    public String serialize() {
      return KmsJson.write(response);
    }

    @Override
    public Answer deserialize(String body) {
      try {
        response = JsonMapping.read(READER, body);
      } catch (JsonReadException e) {
        throw new SdkException("KMS's ReEncrypt answer is not a ReEncrypt response");
      }
      return this;
    }
  }
}

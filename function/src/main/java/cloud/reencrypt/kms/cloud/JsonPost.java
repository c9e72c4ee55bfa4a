package cloud.reencrypt.kms.cloud;

import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;

/**
 * A KMS call the SDK has no generated method for: {@code POST /v1.0/{project_id}/kms/<operation>}
 * with a JSON body, defined through the SDK's own {@code HttpRequestDef} exactly as its generated
 * {@code KmsMeta} defines every operation (name, URI, JSON content type, one required body field).
 * The SDK fills {@code project_id} from the credentials, signs, sends the string body verbatim and
 * maps errors as for any generated call.
 */
public final class JsonPost {
  private String body;

  /** A request carrying {@code json} as its body. */
  static JsonPost of(String json) {
    JsonPost post = new JsonPost();
    post.setBody(json);
    return post;
  }

  /** The definition of {@code operation} (e.g. {@code re-encrypt}), answered by {@code S}. */
  static <S> HttpRequestDef<JsonPost, S> definition(
      String name, String operation, Class<S> answerType) {
    HttpRequestDef.Builder<JsonPost, S> builder =
        HttpRequestDef.builder(HttpMethod.POST, JsonPost.class, answerType)
            .withName(name)
            .withUri("/v1.0/{project_id}/kms/" + operation)
            .withContentType("application/json;charset=UTF-8");
    builder.<String>withRequestField(
        "body",
        LocationType.Body,
        FieldExistence.NON_NULL_NON_EMPTY,
        String.class,
        field -> field.withMarshaller(JsonPost::getBody, JsonPost::setBody));
    return builder.build();
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}

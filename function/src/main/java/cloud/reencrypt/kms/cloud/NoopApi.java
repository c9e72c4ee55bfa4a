package cloud.reencrypt.kms.cloud;

import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;

/**
 * {@code POST /v1.0/{project_id}/kms/noop}, which only the local server ({@code serve}) answers:
 * authenticated and parsed like any operation, then {@code {}}. Calling it through the same SDK
 * client as the real operations measures the HTTP floor (signing, connection, JSON) that every KMS
 * call pays, for benchmarks. Huawei Cloud KMS has no such path.
 */
final class NoopApi {
  static final HttpRequestDef<ReEncryptApi.Call, Answer> DEFINITION = definition();

  private NoopApi() {}

  static ReEncryptApi.Call call() {
    ReEncryptApi.Call call = new ReEncryptApi.Call();
    call.setBody("{}");
    return call;
  }

  private static HttpRequestDef<ReEncryptApi.Call, Answer> definition() {
    HttpRequestDef.Builder<ReEncryptApi.Call, Answer> builder =
        HttpRequestDef.builder(HttpMethod.POST, ReEncryptApi.Call.class, Answer.class)
            .withName("Noop")
            .withUri("/v1.0/{project_id}/kms/noop")
            .withContentType("application/json;charset=UTF-8");
    builder.<String>withRequestField(
        "body",
        LocationType.Body,
        FieldExistence.NON_NULL_NON_EMPTY,
        String.class,
        field -> field.withMarshaller(ReEncryptApi.Call::getBody, ReEncryptApi.Call::setBody));
    return builder.build();
  }

  /** The empty answer. */
  public static final class Answer extends SdkResponse {}
}

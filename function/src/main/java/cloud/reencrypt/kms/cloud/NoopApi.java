package cloud.reencrypt.kms.cloud;

import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.http.HttpRequestDef;

/**
 * {@code POST /v1.0/{project_id}/kms/noop}, which only the local server ({@code serve}) answers:
 * authenticated and parsed like any operation, then {@code {}}. Calling it through the same SDK
 * client as the real operations measures the HTTP floor (signing, connection, JSON) that every KMS
 * call pays, for benchmarks. Huawei Cloud KMS has no such path.
 */
final class NoopApi {
  static final HttpRequestDef<JsonPost, Answer> DEFINITION =
      JsonPost.definition("Noop", "noop", Answer.class);

  private NoopApi() {}

  /** The empty answer. */
  public static final class Answer extends SdkResponse {}
}

package cloud.reencrypt.kms.cloud;

import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.auth.ICredential;
import com.huaweicloud.sdk.kms.v2.KmsAsyncClient;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's generated asynchronous KMS client plus ReEncrypt, invoked through the same {@code
 * HcClient} (signing, endpoint, HTTP configuration) as every generated method.
 */
final class KmsClientWithReEncrypt extends KmsAsyncClient {
  KmsClientWithReEncrypt(HcClient hcClient) {
    super(hcClient);
  }

  /** The same client (endpoint, HTTP configuration, connection pool) signing as another key. */
  KmsClientWithReEncrypt withCredential(ICredential credential) {
    return new KmsClientWithReEncrypt(hcClient.overrideCredential(credential));
  }

  CompletableFuture<ReEncryptApi.Answer> reEncryptAsync(JsonPost call) {
    return hcClient.asyncInvokeHttp(call, ReEncryptApi.DEFINITION);
  }

  CompletableFuture<NoopApi.Answer> noopAsync() {
    return hcClient.asyncInvokeHttp(JsonPost.of("{}"), NoopApi.DEFINITION);
  }
}

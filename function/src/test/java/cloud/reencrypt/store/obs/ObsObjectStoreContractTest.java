package cloud.reencrypt.store.obs;

import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreContract;
import cloud.reencrypt.testing.S3ProxyServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ObjectStoreContract} on the OBS store against S3Proxy on loopback. */
class ObsObjectStoreContractTest extends ObjectStoreContract {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  @Override
  protected ObjectStore newStore() {
    return ObsObjectStore.connect(S3.endpoint(), S3.credentials());
  }

  @Override
  protected String newBucket() {
    return S3.createBucket();
  }

  @Override
  protected boolean existsInStorage(String bucket, String key) {
    return S3.exists(bucket, key);
  }
}

package cloud.reencrypt.store;

import cloud.reencrypt.store.obs.ObsObjectStore;
import java.nio.file.Path;

/**
 * The one place handlers get an {@link ObjectStore} from. The OBS SDK is loaded only when {@link
 * #obs} is called, so local runs on a directory never pay for it.
 */
public final class ObjectStores {
  private ObjectStores() {}

  /** Objects as files under {@code root}: bucket {@code B}, key {@code K} is {@code root/B/K}. */
  public static ObjectStore directory(Path root) {
    return new DirectoryObjectStore(root);
  }

  /**
   * OBS (or an S3-protocol server) at {@code endpoint}, in the dialect the endpoint needs ({@link
   * ObsDialect#forEndpoint}).
   *
   * @param endpoint the {@code OBS_ENDPOINT} setting, e.g. {@code
   *     https://obs.cn-north-4.myhuaweicloud.com}
   * @param credentials the agency's temporary credentials in FunctionGraph, or {@link
   *     ObsCredentials#fromEnvironment} locally
   * @throws IllegalArgumentException if the endpoint is not a URL
   */
  public static ObjectStore obs(String endpoint, ObsCredentials credentials) {
    return obs(endpoint, credentials, ObsDialect.forEndpoint(endpoint));
  }

  /** OBS at {@code endpoint} in an explicit dialect. */
  public static ObjectStore obs(String endpoint, ObsCredentials credentials, ObsDialect dialect) {
    return new ObsObjectStore(ObsDialect.parse(endpoint), credentials, dialect);
  }
}

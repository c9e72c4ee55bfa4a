package cloud.reencrypt.fgs;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObsCredentials;
import cloud.reencrypt.store.obs.ObsObjectStore;
import com.huawei.services.runtime.Context;

/**
 * The OBS store of one invocation: endpoint from {@code OBS_ENDPOINT}; credentials from the context
 * (the function's agency: temporary AK/SK and security token) when it has them, otherwise, off
 * FunctionGraph only, from the environment ({@link ObsCredentials#fromEnvironment}). The one place
 * the OBS store is built: the composition root, so that {@code store} never depends on {@code
 * store.obs}.
 */
final class ObsStores {
  private ObsStores() {}

  static ObjectStore forInvocation(Context context, Configuration configuration) {
    String endpoint =
        configuration
            .obsEndpoint()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "OBS_ENDPOINT is required for OBS events (or run invoke with --objects DIR)"));
    try {
      return ObsObjectStore.connect(endpoint, credentials(context, configuration));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  private static ObsCredentials credentials(Context context, Configuration configuration) {
    String accessKey = context.getSecurityAccessKey();
    if (accessKey != null && !accessKey.isEmpty()) {
      return new ObsCredentials(
          accessKey, context.getSecuritySecretKey(), context.getSecurityToken());
    }
    if (configuration.inFunctionGraph()) {
      throw new ConfigurationException(
          "the context has no agency credentials for OBS: give the function an agency (app_agency)");
    }
    return ObsCredentials.fromEnvironment(System.getenv());
  }
}

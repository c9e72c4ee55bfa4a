package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.config.Credentials;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.EnvCredentialProvider;
import com.huaweicloud.sdk.core.auth.ICredential;
import com.huaweicloud.sdk.core.auth.ICredentialProvider;
import com.huaweicloud.sdk.core.auth.ProfileCredentialProvider;
import com.huaweicloud.sdk.core.exception.SdkException;
import java.util.List;
import java.util.Optional;

/**
 * Local credentials through the SDK's own providers, in the SDK's order: the environment ({@code
 * HUAWEICLOUD_SDK_AK}, {@code HUAWEICLOUD_SDK_SK}, {@code HUAWEICLOUD_SDK_PROJECT_ID}, {@code
 * HUAWEICLOUD_SDK_SECURITY_TOKEN}), then the profile file ({@code HUAWEICLOUD_SDK_CREDENTIALS_FILE}
 * or {@code ~/.huaweicloud/credentials}, section {@code [basic]}).
 *
 * <p>The SDK's default chain ends with the ECS metadata service (169.254.169.254), and federated
 * (IdP) credentials call IAM; both are left out on purpose, so the engine only ever talks to the
 * configured KMS endpoint.
 */
public final class SdkCredentialChain {
  /** Credentials found locally, with the project ID stored beside them (may be null). */
  public record Found(Credentials key, String projectId) {}

  private SdkCredentialChain() {}

  /** The first AK/SK the environment or the profile file holds. */
  public static Optional<Found> load() {
    return firstOf(
        List.of(
            EnvCredentialProvider.getBasicCredentialEnvProvider(),
            ProfileCredentialProvider.getBasicCredentialProfileProvider()));
  }

  static Optional<Found> firstOf(List<ICredentialProvider> providers) {
    for (ICredentialProvider provider : providers) {
      Optional<Found> found = read(provider);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Found> read(ICredentialProvider provider) {
    ICredential credential;
    try {
      credential = provider.getCredentials();
    } catch (SdkException | IllegalArgumentException absent) {
      return Optional.empty(); // the SDK's providers signal "nothing here" by throwing
    }
    if (!(credential instanceof BasicCredentials basic) || isBlank(basic.getAk())) {
      return Optional.empty(); // IdP-only credentials would need IAM
    }
    Credentials key = new Credentials(basic.getAk(), basic.getSk(), basic.getSecurityToken());
    return Optional.of(new Found(key, basic.getProjectId()));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}

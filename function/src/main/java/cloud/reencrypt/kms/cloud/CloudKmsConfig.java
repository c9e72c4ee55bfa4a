package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.config.Setting;
import com.huaweicloud.sdk.kms.v2.region.KmsRegion;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds {@link CloudKmsSettings} from the function's configuration ({@link Setting} names: user
 * data in FunctionGraph, the environment locally). Every problem is one line naming the setting.
 *
 * <ul>
 *   <li>Endpoint: {@code KMS_ENDPOINT}, else {@code REGION} through the SDK's region table ({@code
 *       https://kms.<region>.myhuaweicloud.com}, {@code .eu} for eu-west-101), else the same
 *       pattern for regions the table does not know yet.
 *   <li>Credentials: the agency's temporary AK/SK/token from the FunctionGraph context when given,
 *       else the SDK's local chain ({@link SdkCredentialChain}: environment, then profile file).
 *   <li>Project: {@code RUNTIME_PROJECT_ID}, else the context's project, else the one stored with
 *       the local credentials ({@code HUAWEICLOUD_SDK_PROJECT_ID}, profile {@code project_id}).
 *   <li>Rate: this instance's share of the deployment's budget, {@code KMS_TOTAL_TPS /
 *       MAX_INSTANCES}, or {@code KMS_MAX_TPS} when lower ({@link InstanceQuota}).
 * </ul>
 *
 * Setting both the endpoint and the project explicitly is what keeps the SDK from ever asking IAM
 * for a project or the metadata service for credentials.
 */
public final class CloudKmsConfig {
  /** FunctionGraph's longest timeout (15 minutes); no single KMS wait should be longer. */
  private static final long MAX_TIMEOUT_MS = 900_000;

  /** Huawei's DEW guidance is 3 to 5 retries; beyond 10 a call only burns the budget. */
  private static final long MAX_ATTEMPTS = 10;

  private CloudKmsConfig() {}

  /**
   * @param config a setting's value by name; null or blank when unset
   * @param agencyKey the agency credentials from the FunctionGraph context, if any
   * @param contextProjectId the FunctionGraph context's project ID, or null
   * @throws IllegalArgumentException naming the setting that is missing or malformed
   */
  public static CloudKmsSettings fromConfig(
      Function<String, String> config, Optional<Credentials> agencyKey, String contextProjectId) {
    return fromConfig(config, agencyKey, contextProjectId, SdkCredentialChain::load);
  }

  static CloudKmsSettings fromConfig(
      Function<String, String> config,
      Optional<Credentials> agencyKey,
      String contextProjectId,
      Supplier<Optional<SdkCredentialChain.Found>> localChain) {
    Optional<SdkCredentialChain.Found> local =
        agencyKey.isPresent() ? Optional.empty() : localChain.get();
    Credentials key = credentials(agencyKey, local);
    String projectId = projectId(config, contextProjectId, local);
    return new CloudKmsSettings(
        endpoint(config),
        projectId,
        key,
        Duration.ofMillis(number(config, Setting.KMS_CONNECT_TIMEOUT_MS, MAX_TIMEOUT_MS)),
        Duration.ofMillis(number(config, Setting.KMS_READ_TIMEOUT_MS, MAX_TIMEOUT_MS)),
        (int) number(config, Setting.KMS_MAX_ATTEMPTS, MAX_ATTEMPTS),
        quota(config).perInstanceTps());
  }

  private static Credentials credentials(
      Optional<Credentials> agencyKey, Optional<SdkCredentialChain.Found> local) {
    return agencyKey
        .or(() -> local.map(SdkCredentialChain.Found::key))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no KMS credentials: give the function an agency, or set"
                        + " HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or a credentials"
                        + " profile) locally"));
  }

  private static String projectId(
      Function<String, String> config,
      String contextProjectId,
      Optional<SdkCredentialChain.Found> local) {
    String projectId =
        first(
            value(config, Setting.RUNTIME_PROJECT_ID),
            contextProjectId,
            local.map(SdkCredentialChain.Found::projectId).orElse(null));
    if (projectId == null) {
      throw new IllegalArgumentException(
          "no KMS project: set RUNTIME_PROJECT_ID (or HUAWEICLOUD_SDK_PROJECT_ID locally)");
    }
    return projectId;
  }

  static InstanceQuota quota(Function<String, String> config) {
    return new InstanceQuota(
        rate(config, Setting.KMS_MAX_TPS),
        rate(config, Setting.KMS_TOTAL_TPS),
        (int) number(config, Setting.MAX_INSTANCES, Configuration.MAX_INSTANCES_LIMIT));
  }

  static URI endpoint(Function<String, String> config) {
    String explicit = value(config, Setting.KMS_ENDPOINT);
    if (explicit != null) {
      URI uri;
      try {
        uri = URI.create(explicit);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("KMS_ENDPOINT is not a URL: " + explicit);
      }
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("KMS_ENDPOINT must be an http(s) URL: " + explicit);
      }
      return uri;
    }
    String region = value(config, Setting.REGION);
    if (region == null) {
      throw new IllegalArgumentException("the kms engine needs KMS_ENDPOINT or REGION");
    }
    if (!region.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("REGION is not a region ID: " + region);
    }
    try {
      return URI.create(KmsRegion.valueOf(region).getEndpoints().get(0));
    } catch (IllegalArgumentException unknownToThisSdk) {
      return URI.create("https://kms." + region + ".myhuaweicloud.com");
    }
  }

  /** A rate in requests/s; 0 when unset. */
  private static double rate(Function<String, String> config, Setting setting) {
    String text = value(config, setting);
    if (text == null) {
      return 0;
    }
    try {
      double tps = Double.parseDouble(text);
      if (tps > 0 && !Double.isInfinite(tps)) {
        return tps;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(setting.name() + " must be a positive number: " + text);
  }

  private static long number(Function<String, String> config, Setting setting, long max) {
    String text = first(value(config, setting), setting.defaultValue());
    try {
      long number = Long.parseLong(text);
      if (number > 0 && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        setting.name() + " must be an integer from 1 to " + max + ": " + text);
  }

  private static String value(Function<String, String> config, Setting setting) {
    String value = config.apply(setting.name());
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}

package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.config.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the cloud engine needs, resolved: where KMS is, which project, whose credentials, and
 * how patient to be. {@link CloudKmsConfig} builds it from the function's configuration; tests
 * build it directly. {@link #toString()} never shows the SK or the security token.
 *
 * @param endpoint KMS's base URL, e.g. {@code https://kms.cn-north-4.myhuaweicloud.com}
 * @param projectId the project the calls are made in (the {@code {project_id}} of every path)
 * @param accessKey the AK/SK (and token) requests are signed with
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param readTimeout how long to wait for each read of the answer
 * @param maxAttempts attempts per call, the first included
 * @param maxTps this instance's client-side requests/s limit ({@link InstanceQuota}); 0 means none
 *     configured (the limiter still slows down when KMS throttles)
 */
public record CloudKmsSettings(
    URI endpoint,
    String projectId,
    Credentials accessKey,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    double maxTps) {
  public CloudKmsSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(accessKey, "accessKey");
    if (projectId == null || projectId.isBlank()) {
      throw new IllegalArgumentException("a project ID is required");
    }
    if (connectTimeout.toMillis() <= 0 || readTimeout.toMillis() <= 0) {
      throw new IllegalArgumentException("timeouts must be at least 1 ms");
    }
    if (maxAttempts < 1 || !(maxTps >= 0)) {
      throw new IllegalArgumentException("maxAttempts must be >= 1 and maxTps >= 0");
    }
  }
}

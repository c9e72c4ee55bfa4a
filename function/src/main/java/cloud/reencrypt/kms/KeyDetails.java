package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * DescribeKey's {@code key_info} and ListKeys' {@code key_details} entries. Timestamps are
 * milliseconds since the epoch as strings; fields that do not apply are empty strings, as KMS
 * returns them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeyDetails(
    String keyId,
    String domainId,
    String keyAlias,
    String realm,
    String keySpec,
    String keyUsage,
    String keyDescription,
    String creationDate,
    String scheduledDeletionDate,
    String keyState,
    String defaultKeyFlag,
    String keyType,
    String expirationTime,
    String origin,
    String keyRotationEnabled,
    String sysEnterpriseProjectId,
    String keystoreId) {}

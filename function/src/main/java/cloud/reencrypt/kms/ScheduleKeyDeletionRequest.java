package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** ScheduleKeyDeletion request; {@code pending_days} is 7 to 1096. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScheduleKeyDeletionRequest(String keyId, String pendingDays, String sequence) {}

package cloud.reencrypt.kms;

/** ScheduleKeyDeletion request; {@code pending_days} is 7 to 1096. */
public record ScheduleKeyDeletionRequest(String keyId, String pendingDays, String sequence) {}

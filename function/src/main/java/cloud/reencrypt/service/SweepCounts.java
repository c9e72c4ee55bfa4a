package cloud.reencrypt.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A sweep's object counts in its {@code status.json}, summed from its page records; failures by
 * error code are the status's {@code failures}.
 *
 * @param listed objects listed on the pages done
 * @param processed re-encrypted by this sweep (in a dry run: would be)
 * @param skipped skipped in all
 * @param skippedBy skipped by reason: {@code already_done}, {@code other_source_key}, {@code
 *     filtered}, or the use case's own reason
 * @param failed failed in all
 * @param objectsPerSecond objects handled per second since the start
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SweepCounts(
    long listed,
    long processed,
    long skipped,
    Map<String, Long> skippedBy,
    long failed,
    double objectsPerSecond) {}

package cloud.reencrypt.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A sweep's {@code plan.json}, written once when it starts; every page works from it, so a
 * configuration change mid-sweep changes nothing of it.
 *
 * @param jobId the sweep's id
 * @param request what was asked
 * @param outputBucket {@code OUTPUT_BUCKET} at the start; null means the swept bucket
 * @param outputPrefix {@code OUTPUT_PREFIX} at the start
 * @param pageSize keys per listing page
 * @param startedAt when the sweep started (ISO-8601)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SweepPlan(
    String jobId,
    SweepRequest request,
    String outputBucket,
    String outputPrefix,
    int pageSize,
    String startedAt) {}

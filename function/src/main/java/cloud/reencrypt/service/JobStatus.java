package cloud.reencrypt.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * A job's {@code status.json} under its folder, and (with its duration) its {@code report.json}
 * beside the output. Every count is derived from the committed parts, so a crash or a second
 * instance can never count a line twice.
 *
 * @param jobId the job's id
 * @param kind {@code manifest} or {@code sweep}
 * @param state one of {@link #RUNNING}, {@link #STOPPED} (temporarily: resumes when invoked again),
 *     {@link #CANCELLED}, {@link #COMMITTED}, {@link #FAILED}
 * @param reason why the job stopped or was cancelled; null otherwise
 * @param sourceBucket the manifest's bucket
 * @param sourceKey the manifest's key
 * @param sourceEtag the manifest's ETag: the job is for this content only
 * @param sourceBytes the manifest's size
 * @param outputBucket where the output is assembled
 * @param outputKey the output's key
 * @param partsDone parts committed
 * @param partsTotal parts in all
 * @param lines input lines in the committed parts
 * @param linesSucceeded lines re-encrypted
 * @param linesFailed error lines
 * @param failures error lines by KMS error code
 * @param linesPerSecond lines committed per second since the job started
 * @param instances distinct instances that committed parts
 * @param startedAt when the job was planned (ISO-8601)
 * @param updatedAt when this status was written (ISO-8601)
 * @param durationSeconds from planning to the commit of the output; in the report only
 * @param objects a sweep's object counts; null for a manifest job
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStatus(
    String jobId,
    String kind,
    String state,
    String reason,
    String sourceBucket,
    String sourceKey,
    String sourceEtag,
    Long sourceBytes,
    String outputBucket,
    String outputKey,
    Long partsDone,
    Long partsTotal,
    Long lines,
    Long linesSucceeded,
    Long linesFailed,
    Map<String, Long> failures,
    Double linesPerSecond,
    Long instances,
    String startedAt,
    String updatedAt,
    Double durationSeconds,
    SweepCounts objects) {
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";
  public static final String CANCELLED = "cancelled";
  public static final String COMMITTED = "committed";

  /** Stopped for good: the manifest changed under the job. */
  public static final String FAILED = "failed";

  /** The same status in another state, as of {@code now}. */
  public JobStatus withState(String newState, String newReason, Instant now) {
    return new JobStatus(
        jobId,
        kind,
        newState,
        newReason,
        sourceBucket,
        sourceKey,
        sourceEtag,
        sourceBytes,
        outputBucket,
        outputKey,
        partsDone,
        partsTotal,
        lines,
        linesSucceeded,
        linesFailed,
        failures,
        linesPerSecond,
        instances,
        startedAt,
        now.toString(),
        durationSeconds,
        objects);
  }
}

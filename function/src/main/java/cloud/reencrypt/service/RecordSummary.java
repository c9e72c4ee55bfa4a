package cloud.reencrypt.service;

import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;
import cloud.reencrypt.store.ObjectInfo;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The outcome of one object event, as the OBS handler reports it. Absent fields are null and left
 * out of the JSON. Component names are the JSON names, so any serializer the runtime uses (field-
 * or accessor-based) produces the same summary.
 *
 * @param bucket the source bucket
 * @param key the source key, URL-decoded
 * @param status {@code processed}, {@code skipped} or {@code failed}
 * @param reason why a record was skipped or failed
 * @param errorCode the KMS error code of a failed record, when KMS or the engine refused it
 * @param kind {@code manifest} or {@code ciphertext}, once known
 * @param lines input lines of a manifest
 * @param linesSucceeded manifest lines re-encrypted
 * @param linesFailed manifest lines that became error lines
 * @param outputBucket where the output is (or, for a skipped duplicate, already was) written
 * @param outputKey the output's key
 * @param temporary true when a record failed for a reason that may pass (KMS or OBS unavailable);
 *     null otherwise
 * @param job the manifest job's id, for a manifest larger than one part
 * @param partsDone the job's committed parts
 * @param partsTotal the job's parts in all
 */
public record RecordSummary(
    String bucket,
    String key,
    String status,
    String reason,
    String errorCode,
    String kind,
    Long lines,
    Long linesSucceeded,
    Long linesFailed,
    String outputBucket,
    String outputKey,
    Boolean temporary,
    String job,
    Long partsDone,
    Long partsTotal) {

  public static final String PROCESSED = "processed";
  public static final String SKIPPED = "skipped";
  public static final String FAILED = "failed";

  /** A job that goes on in other invocations (fanned out or handed on). */
  public static final String RUNNING = "running";

  /**
   * A record the trigger's event does not describe usably (no bucket, a bad key encoding).
   *
   * @param bucket the bucket, or null when the record names none
   * @param key the key as the record gives it, or null
   */
  public static RecordSummary unusable(String bucket, String key, String reason) {
    return notProcessed(bucket, key, FAILED, reason, null, null);
  }

  static RecordSummary skipped(ObjectEvent event, String reason) {
    return notProcessed(event.bucket(), event.key(), SKIPPED, reason, null, null);
  }

  static RecordSummary failed(ObjectEvent event, String errorCode, String reason) {
    return notProcessed(event.bucket(), event.key(), FAILED, reason, errorCode, null);
  }

  /** A failure that may pass on a later attempt (KMS or OBS unavailable, an I/O error). */
  static RecordSummary failedTemporarily(ObjectEvent event, String errorCode, String reason) {
    return notProcessed(event.bucket(), event.key(), FAILED, reason, errorCode, true);
  }

  /** A single ciphertext re-encrypted into {@code written}. */
  static RecordSummary ciphertext(ObjectEvent event, ObjectInfo written) {
    return processed(event, "ciphertext", null, written);
  }

  /** A manifest re-encrypted into {@code written}. */
  static RecordSummary manifest(ObjectEvent event, ObjectInfo written, ManifestCounts counts) {
    return processed(event, "manifest", counts, written);
  }

  /** Whether the record failed; a question about the summary, not one of its members. */
  @JsonIgnore
  public boolean isFailed() {
    return FAILED.equals(status);
  }

  private static RecordSummary notProcessed(
      String bucket,
      String key,
      String status,
      String reason,
      String errorCode,
      Boolean temporary) {
    return new RecordSummary(
        bucket, key, status, reason, errorCode, null, null, null, null, null, null, temporary, null,
        null, null);
  }

  private static RecordSummary processed(
      ObjectEvent event, String kind, ManifestCounts counts, ObjectInfo written) {
    return new RecordSummary(
        event.bucket(),
        event.key(),
        PROCESSED,
        null,
        null,
        kind,
        counts == null ? null : counts.lines(),
        counts == null ? null : counts.succeeded(),
        counts == null ? null : counts.failed(),
        written.bucket(),
        written.key(),
        null,
        null,
        null,
        null);
  }

  /** Where a manifest job stands after this invocation's share of it. */
  static RecordSummary job(ObjectEvent event, JobStatus job) {
    String status =
        switch (job.state()) {
          case JobStatus.COMMITTED -> PROCESSED;
          case JobStatus.RUNNING -> RUNNING;
          case JobStatus.CANCELLED -> SKIPPED;
          default -> FAILED;
        };
    return new RecordSummary(
        event.bucket(),
        event.key(),
        status,
        job.reason(),
        null,
        job.kind(),
        job.lines(),
        job.linesSucceeded(),
        job.linesFailed(),
        job.outputBucket(),
        job.outputKey(),
        JobStatus.STOPPED.equals(job.state()) ? true : null,
        job.jobId(),
        job.partsDone(),
        job.partsTotal());
  }

  /** The same outcome with the output location named (for a skipped duplicate). */
  RecordSummary at(OutputLocation output) {
    return new RecordSummary(
        bucket,
        key,
        status,
        reason,
        errorCode,
        kind,
        lines,
        linesSucceeded,
        linesFailed,
        output.bucket(),
        output.key(),
        temporary,
        job,
        partsDone,
        partsTotal);
  }
}

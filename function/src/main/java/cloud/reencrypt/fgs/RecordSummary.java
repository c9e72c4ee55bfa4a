package cloud.reencrypt.fgs;

import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;

/**
 * The outcome of one OBS record, as the OBS handler reports it. Absent fields are null and left out
 * of the JSON. Component names are the JSON names, so any serializer the runtime uses (field- or
 * accessor-based) produces the same summary.
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
    Boolean temporary) {

  static final String PROCESSED = "processed";
  static final String SKIPPED = "skipped";
  static final String FAILED = "failed";

  static RecordSummary skipped(ObsRecord record, String reason) {
    return notProcessed(record, SKIPPED, reason, null, null);
  }

  static RecordSummary failed(ObsRecord record, String errorCode, String reason) {
    return notProcessed(record, FAILED, reason, errorCode, null);
  }

  /** A failure that may pass on a later attempt (KMS or OBS unavailable, an I/O error). */
  static RecordSummary failedTemporarily(ObsRecord record, String errorCode, String reason) {
    return notProcessed(record, FAILED, reason, errorCode, true);
  }

  static RecordSummary ciphertext(ObsRecord record, OutputLocation output) {
    return processed(record, "ciphertext", null, output);
  }

  static RecordSummary manifest(ObsRecord record, OutputLocation output, ManifestCounts counts) {
    return processed(record, "manifest", counts, output);
  }

  private static RecordSummary notProcessed(
      ObsRecord record, String status, String reason, String errorCode, Boolean temporary) {
    return new RecordSummary(
        record.bucket(),
        record.key(),
        status,
        reason,
        errorCode,
        null,
        null,
        null,
        null,
        null,
        null,
        temporary);
  }

  private static RecordSummary processed(
      ObsRecord record, String kind, ManifestCounts counts, OutputLocation output) {
    return new RecordSummary(
        record.bucket(),
        record.key(),
        PROCESSED,
        null,
        null,
        kind,
        counts == null ? null : counts.lines(),
        counts == null ? null : counts.succeeded(),
        counts == null ? null : counts.failed(),
        output.bucket(),
        output.key(),
        null);
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
        temporary);
  }
}

package cloud.reencrypt.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A job's {@code plan.json}: what the job re-encrypts, where it goes and how it is cut. Written
 * once when the job starts; every instance works from it, so a change of configuration in the
 * middle of a job cannot move a part boundary.
 *
 * <p>A range is a run of whole lines handled by one invocation at a time; a manifest above {@code
 * FANOUT_BYTES} has several. Part {@code k} of a range holds the lines that start within {@code
 * [start + k·partBytes, start + (k+1)·partBytes)}, so a range has {@link Range#parts} parts, some
 * possibly empty (when one long line spans a whole part's bytes), and their boundaries depend only
 * on the input.
 *
 * @param startedAt when the job was planned (ISO-8601)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobPlan(
    String jobId,
    String sourceBucket,
    String sourceKey,
    String sourceEtag,
    long sourceBytes,
    String outputBucket,
    String outputKey,
    String destinationKeyId,
    String destinationAlgorithm,
    long partBytes,
    List<Range> ranges,
    String startedAt) {

  public JobPlan {
    ranges = List.copyOf(ranges);
  }

  /**
   * Passes while the manifest is the content this job planned. A manifest overwritten or deleted
   * mid-job is a new job (its own event), so this one can never finish, and must not write over the
   * new content's output.
   *
   * @param currentEtag the manifest's ETag now, null when it is gone
   */
  void requireSource(String currentEtag) {
    if (currentEtag == null) {
      throw new JobStoppedException("the manifest was deleted since the job started", false);
    }
    if (!currentEtag.equals(sourceEtag)) {
      throw new JobStoppedException(
          "the manifest changed since the job started (ETag "
              + currentEtag
              + "); its new content is a job of its own",
          false);
    }
  }

  /** Parts in all ranges. */
  public long partsTotal() {
    return ranges.stream().mapToLong(range -> range.parts(partBytes)).sum();
  }

  /**
   * Bytes {@code [start, end)} of the manifest, whose first line is line {@code firstLine}.
   *
   * @param start the offset of a line start
   * @param end the offset of a line start, or the manifest's size
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Range(long start, long end, long firstLine) {
    long parts(long partBytes) {
      return (end - start + partBytes - 1) / partBytes;
    }

    /** Where part {@code index}'s lines stop starting. */
    long partLimit(long index, long partBytes) {
      return Math.min(end, start + (index + 1) * partBytes);
    }
  }
}

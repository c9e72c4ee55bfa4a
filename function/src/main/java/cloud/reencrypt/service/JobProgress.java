package cloud.reencrypt.service;

import cloud.reencrypt.service.JobPlan.Range;
import cloud.reencrypt.service.PartRecord.PartCursor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a job has committed, read from its part records: every count in its status comes from here,
 * so a part done twice (a redelivery racing the first attempt) is still counted once.
 *
 * @param records the committed records, in range and part order, up to each range's first gap
 * @param next per range, where its first part not committed starts; empty when the range is done
 */
record JobProgress(List<PartRecord> records, List<Optional<PartCursor>> next) {

  static JobProgress read(JobFolder folder, JobPlan plan) throws IOException {
    List<PartRecord> records = new ArrayList<>();
    List<Optional<PartCursor>> next = new ArrayList<>();
    for (int r = 0; r < plan.ranges().size(); r++) {
      Range range = plan.ranges().get(r);
      PartCursor cursor = new PartCursor(r, 0, range.start(), range.firstLine());
      long parts = range.parts(plan.partBytes());
      while (cursor.index() < parts) {
        Optional<PartRecord> record = folder.record(r, cursor.index());
        if (record.isEmpty()) {
          break;
        }
        records.add(record.get());
        cursor = record.get().next();
      }
      next.add(cursor.index() < parts ? Optional.of(cursor) : Optional.empty());
    }
    return new JobProgress(List.copyOf(records), List.copyOf(next));
  }

  boolean isComplete() {
    return next.stream().allMatch(Optional::isEmpty);
  }

  /** The job's status with these counts. */
  JobStatus status(JobPlan plan, String state, String reason, Instant now) {
    long lines = records.stream().mapToLong(PartRecord::lines).sum();
    long failed = records.stream().mapToLong(PartRecord::failed).sum();
    Instant started = Instant.parse(plan.startedAt());
    double seconds = Math.max(Duration.between(started, now).toMillis(), 1) / 1000.0;
    return new JobStatus(
        plan.jobId(),
        "manifest",
        state,
        reason,
        plan.sourceBucket(),
        plan.sourceKey(),
        plan.sourceEtag(),
        plan.sourceBytes(),
        plan.outputBucket(),
        plan.outputKey(),
        (long) records.size(),
        plan.partsTotal(),
        lines,
        lines - failed,
        failed,
        CountMaps.summed(records, PartRecord::failures),
        Math.round(lines / seconds * 10) / 10.0,
        records.stream().map(PartRecord::instance).distinct().count(),
        plan.startedAt(),
        now.toString(),
        JobStatus.COMMITTED.equals(state) ? seconds : null,
        null);
  }
}

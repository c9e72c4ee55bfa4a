package cloud.reencrypt.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a sweep has done, read from its folder: every count in its status is summed from the page
 * records, so a page handled twice is still counted once.
 *
 * @param pages page items written (listed) so far
 * @param records the commit records, in page order
 */
record SweepProgress(int pages, List<SweepRecord> records) {

  /** Whether the last page is listed and every page listed is done. */
  boolean isComplete() {
    return records.size() == pages && records.stream().anyMatch(SweepRecord::last);
  }

  /** The sweep's status with these counts. */
  JobStatus status(SweepPlan plan, String state, String reason, Instant now) {
    double seconds =
        Math.max(Duration.between(Instant.parse(plan.startedAt()), now).toMillis(), 1) / 1000.0;
    SweepRequest request = plan.request();
    Map<String, Long> failures = CountMaps.summed(records, SweepRecord::failures);
    return new JobStatus(
        plan.jobId(),
        "sweep",
        state,
        reason,
        request.bucket(),
        request.prefix(),
        null,
        null,
        plan.outputBucket() == null ? request.bucket() : plan.outputBucket(),
        plan.outputPrefix(),
        (long) records.size(),
        (long) pages,
        null,
        null,
        null,
        failures,
        null,
        records.stream().map(SweepRecord::instance).distinct().count(),
        plan.startedAt(),
        now.toString(),
        JobStatus.COMMITTED.equals(state) ? seconds : null,
        counts(seconds, CountMaps.total(failures)));
  }

  private SweepCounts counts(double seconds, long failed) {
    long listed = records.stream().mapToLong(SweepRecord::listed).sum();
    Map<String, Long> skipped = CountMaps.summed(records, SweepRecord::skipped);
    return new SweepCounts(
        listed,
        records.stream().mapToLong(SweepRecord::processed).sum(),
        CountMaps.total(skipped),
        skipped,
        failed,
        Math.round(listed / seconds * 10) / 10.0);
  }
}

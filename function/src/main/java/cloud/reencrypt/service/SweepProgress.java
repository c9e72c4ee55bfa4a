package cloud.reencrypt.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
    long listed = 0;
    long processed = 0;
    Map<String, Long> skipped = new TreeMap<>();
    Map<String, Long> failures = new TreeMap<>();
    Set<String> instances = new HashSet<>();
    for (SweepRecord record : records) {
      listed += record.listed();
      processed += record.processed();
      record.skipped().forEach((why, count) -> skipped.merge(why, count, Long::sum));
      record.failures().forEach((code, count) -> failures.merge(code, count, Long::sum));
      instances.add(record.instance());
    }
    double seconds =
        Math.max(Duration.between(Instant.parse(plan.startedAt()), now).toMillis(), 1) / 1000.0;
    SweepCounts counts =
        new SweepCounts(
            listed,
            processed,
            sum(skipped),
            skipped,
            sum(failures),
            Math.round(listed / seconds * 10) / 10.0);
    SweepRequest request = plan.request();
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
        (long) instances.size(),
        plan.startedAt(),
        now.toString(),
        JobStatus.COMMITTED.equals(state) ? seconds : null,
        counts);
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}

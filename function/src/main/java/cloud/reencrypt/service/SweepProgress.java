package cloud.reencrypt.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

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
        merged(SweepRecord::failures),
        null,
        records.stream().map(SweepRecord::instance).distinct().count(),
        plan.startedAt(),
        now.toString(),
        JobStatus.COMMITTED.equals(state) ? seconds : null,
        counts(seconds));
  }

  private SweepCounts counts(double seconds) {
    long listed = records.stream().mapToLong(SweepRecord::listed).sum();
    Map<String, Long> skipped = merged(SweepRecord::skipped);
    return new SweepCounts(
        listed,
        records.stream().mapToLong(SweepRecord::processed).sum(),
        sum(skipped),
        skipped,
        sum(merged(SweepRecord::failures)),
        Math.round(listed / seconds * 10) / 10.0);
  }

  /** One count map summed over the page records, in key order. */
  private Map<String, Long> merged(Function<SweepRecord, Map<String, Long>> counts) {
    Map<String, Long> merged = new TreeMap<>();
    for (SweepRecord record : records) {
      counts.apply(record).forEach((name, count) -> merged.merge(name, count, Long::sum));
    }
    return merged;
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}

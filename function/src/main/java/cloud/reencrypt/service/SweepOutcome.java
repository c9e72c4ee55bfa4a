package cloud.reencrypt.service;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a sweep did with one object.
 *
 * @param status {@link RecordSummary#PROCESSED}, {@link RecordSummary#SKIPPED} or {@link
 *     RecordSummary#FAILED}
 * @param reason the skip reason or the failure's error code; null when processed
 */
record SweepOutcome(String status, String reason) {
  static final SweepOutcome PROCESSED = new SweepOutcome(RecordSummary.PROCESSED, null);

  static SweepOutcome skipped(String reason) {
    return new SweepOutcome(RecordSummary.SKIPPED, reason);
  }

  static SweepOutcome failed(String code) {
    return new SweepOutcome(RecordSummary.FAILED, code);
  }

  /** A page's outcomes, counted. */
  static final class Tally {
    private long listed;
    private long processed;
    private final Map<String, Long> skipped = new TreeMap<>();
    private final Map<String, Long> failures = new TreeMap<>();

    Tally() {}

    /** Goes on from a continuation's counts. */
    Tally(SweepRecord partial) {
      listed = partial.listed();
      processed = partial.processed();
      skipped.putAll(partial.skipped());
      failures.putAll(partial.failures());
    }

    /** Objects handled so far: the index of the next. */
    int handled() {
      return (int) listed;
    }

    void add(SweepOutcome outcome) {
      listed++;
      switch (outcome.status()) {
        case RecordSummary.PROCESSED -> processed++;
        case RecordSummary.SKIPPED -> skipped.merge(outcome.reason(), 1L, Long::sum);
        default -> failures.merge(outcome.reason(), 1L, Long::sum);
      }
    }

    SweepRecord record(SweepPage page, long millis) {
      return new SweepRecord(
          page.index(),
          page.nextMarker() == null,
          listed,
          processed,
          skipped,
          failures,
          JobInstance.ID,
          millis);
    }
  }
}

package cloud.reencrypt.service;

import java.util.ArrayList;
import java.util.List;
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
    private final List<SweepRecord.Decision> decisions = new ArrayList<>();

    Tally() {}

    /** Goes on from a continuation's counts. */
    Tally(SweepRecord partial) {
      listed = partial.listed();
      processed = partial.processed();
      skipped.putAll(partial.skipped());
      failures.putAll(partial.failures());
      decisions.addAll(partial.decisions());
    }

    /** Objects handled so far: the index of the next. */
    int handled() {
      return (int) listed;
    }

    /**
     * Counts an object's outcome.
     *
     * @param key the object, kept as a decision when {@code decided}
     */
    void add(String key, SweepOutcome outcome, boolean decided) {
      listed++;
      if (decided) {
        decisions.add(new SweepRecord.Decision(key, outcome.status(), outcome.reason()));
      }
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
          millis,
          decisions);
    }
  }
}

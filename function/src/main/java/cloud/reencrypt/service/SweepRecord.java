package cloud.reencrypt.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * The commit record of one sweep page ({@code pages/pNNNNNN.done.json}), written after every object
 * of the page was handled: a page counts as done exactly when its record exists, and the sweep's
 * status is summed from these records only, so a page handled twice is counted once.
 *
 * @param index the page's number
 * @param last whether the page was the listing's last
 * @param listed objects on the page
 * @param processed objects re-encrypted by this sweep (or, in a dry run, that would be)
 * @param skipped objects skipped, by reason ({@link SweepOutcome})
 * @param failures objects that failed, by KMS error code ({@code OBS} for a store failure)
 * @param instance the instance that committed the page
 * @param millis how long the page took
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SweepRecord(
    int index,
    boolean last,
    long listed,
    long processed,
    Map<String, Long> skipped,
    Map<String, Long> failures,
    String instance,
    long millis) {
  public SweepRecord {
    skipped = Map.copyOf(skipped);
    failures = Map.copyOf(failures);
  }
}

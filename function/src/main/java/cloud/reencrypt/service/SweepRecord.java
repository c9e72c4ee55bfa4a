package cloud.reencrypt.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
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
 * @param decisions in a dry run, what was decided for each object, in page order; else empty
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
    long millis,
    List<Decision> decisions) {
  public SweepRecord {
    skipped = Map.copyOf(skipped);
    failures = Map.copyOf(failures);
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
  }

  /**
   * A dry run's decision for one object.
   *
   * @param key the object's key
   * @param status {@code processed} (would be re-encrypted), {@code skipped} or {@code failed}
   * @param reason the skip reason or error code; null for {@code processed}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Decision(String key, String status, String reason) {}
}

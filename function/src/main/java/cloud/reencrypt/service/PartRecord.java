package cloud.reencrypt.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * The commit record of one part ({@code parts/rRRRR-pPPPPPP.json}), written after the part's output
 * ({@code .jsonl} beside it): a part counts as done exactly when its record exists. A crash between
 * the two leaves an output without a record, which the next attempt overwrites.
 *
 * @param range the range index
 * @param index the part's index in its range
 * @param start the offset of the part's first line in the manifest
 * @param end the offset after the part's last line: the next part's start
 * @param firstLine the number of the part's first line, from 1
 * @param lines input lines in the part
 * @param failed error lines
 * @param failures error lines by KMS error code
 * @param instance the instance that committed the part
 * @param millis how long the part took
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PartRecord(
    int range,
    long index,
    long start,
    long end,
    long firstLine,
    long lines,
    long failed,
    Map<String, Long> failures,
    String instance,
    long millis) {

  public PartRecord {
    failures = Map.copyOf(failures);
  }

  /** Where the next part of the same range starts. */
  PartCursor next() {
    return new PartCursor(range, index + 1, end, firstLine + lines);
  }

  /**
   * Where a part starts.
   *
   * @param range the range index
   * @param index the part's index in its range
   * @param start the byte offset of its first line
   * @param firstLine its first line's number
   */
  record PartCursor(int range, long index, long start, long firstLine) {}
}

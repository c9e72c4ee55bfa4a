package cloud.reencrypt.fgs;

import cloud.reencrypt.service.RecordSummary;
import java.util.List;

/**
 * What the OBS handler returns: one summary per record, in event order, and the counts by status.
 */
public record ObsSummary(List<RecordSummary> records, int processed, int skipped, int failed) {
  static ObsSummary of(List<RecordSummary> records) {
    return new ObsSummary(
        List.copyOf(records),
        count(records, RecordSummary.PROCESSED),
        count(records, RecordSummary.SKIPPED),
        count(records, RecordSummary.FAILED));
  }

  private static int count(List<RecordSummary> records, String status) {
    return (int) records.stream().filter(r -> r.status().equals(status)).count();
  }
}

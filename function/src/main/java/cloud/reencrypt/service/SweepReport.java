package cloud.reencrypt.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run's {@code report.json} in its job folder: the final status (counts by outcome, skip
 * reason and error code) and the first {@value #MAX_DECISIONS} decisions in listing order.
 *
 * @param status the dry run's status when it was done
 * @param decisions the first decisions, in listing order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SweepReport(JobStatus status, List<SweepRecord.Decision> decisions) {
  static final int MAX_DECISIONS = 1_000;

  public SweepReport {
    decisions = List.copyOf(decisions);
  }

  static SweepReport of(JobStatus status, List<SweepRecord> records) {
    List<SweepRecord.Decision> first = new ArrayList<>();
    for (SweepRecord record : records) {
      for (SweepRecord.Decision decision : record.decisions()) {
        if (first.size() == MAX_DECISIONS) {
          return new SweepReport(status, first);
        }
        first.add(decision);
      }
    }
    return new SweepReport(status, first);
  }
}

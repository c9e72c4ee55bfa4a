package cloud.reencrypt.fgs;

import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.service.RecordSummary;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;

/**
 * What the OBS handler returns: one summary per record, in event order, and the counts by status.
 *
 * <p>The FunctionGraph runtime writes the return value with Gson, field by field, null fields
 * included ({@code serializeNulls}) and annotations ignored. So the fields it writes hold no nulls:
 * each record is kept as the JSON object our mapper writes for it (present members only), beside
 * the {@link RecordSummary} values themselves in a transient field, which Gson leaves out.
 */
public final class ObsSummary {
  private final List<Map<String, Object>> records;
  private final int processed;
  private final int skipped;
  private final int failed;
  private final transient List<RecordSummary> summaries;

  private static final TypeReference<Map<String, Object>> WRITTEN = new TypeReference<>() {};

  private ObsSummary(List<RecordSummary> summaries) {
    this.summaries = List.copyOf(summaries);
    this.records = summaries.stream().map(ObsSummary::written).toList();
    this.processed = count(summaries, RecordSummary.PROCESSED);
    this.skipped = count(summaries, RecordSummary.SKIPPED);
    this.failed = count(summaries, RecordSummary.FAILED);
  }

  static ObsSummary of(List<RecordSummary> records) {
    return new ObsSummary(records);
  }

  /** The records' summaries, in event order. */
  public List<RecordSummary> records() {
    return summaries;
  }

  public int processed() {
    return processed;
  }

  public int skipped() {
    return skipped;
  }

  public int failed() {
    return failed;
  }

  private static int count(List<RecordSummary> records, String status) {
    return (int) records.stream().filter(r -> r.status().equals(status)).count();
  }

  /** A summary as the project's mapper writes it: its present members, in component order. */
  private static Map<String, Object> written(RecordSummary summary) {
    return JsonMapping.convert(summary, WRITTEN);
  }
}

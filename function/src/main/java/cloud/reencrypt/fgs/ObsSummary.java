package cloud.reencrypt.fgs;

import cloud.reencrypt.service.RecordSummary;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the OBS handler returns: one summary per record, in event order, and the counts by status.
 *
 * <p>The FunctionGraph runtime writes the return value with Gson, field by field, null fields
 * included ({@code serializeNulls}) and annotations ignored. So the fields written hold no nulls:
 * each record is kept as a map of its present members, in component order, beside the {@link
 * RecordSummary} values themselves in a transient field, which Gson leaves out.
 */
public final class ObsSummary {
  private final List<Map<String, Object>> records;
  private final int processed;
  private final int skipped;
  private final int failed;
  private final transient List<RecordSummary> summaries;

  private ObsSummary(List<RecordSummary> summaries) {
    this.summaries = List.copyOf(summaries);
    this.records = summaries.stream().map(ObsSummary::presentMembers).toList();
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

  /** The non-null components by name; reflective so a component added later is never missed. */
  private static Map<String, Object> presentMembers(RecordSummary summary) {
    Map<String, Object> members = new LinkedHashMap<>();
    for (RecordComponent component : RecordSummary.class.getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(summary);
        if (value != null) {
          members.put(component.getName(), value);
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("a record accessor cannot fail", e);
      }
    }
    return members;
  }
}

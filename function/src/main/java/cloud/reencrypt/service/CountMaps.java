package cloud.reencrypt.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Counts by name (error code, skip reason) summed over the records of a job's parts or pages. */
final class CountMaps {
  private CountMaps() {}

  /** Each record's counts added up, by name, in name order. */
  static <T> Map<String, Long> summed(List<T> records, Function<T, Map<String, Long>> counts) {
    Map<String, Long> summed = new TreeMap<>();
    for (T record : records) {
      counts.apply(record).forEach((name, count) -> summed.merge(name, count, Long::sum));
    }
    return summed;
  }

  /** All the counts of a map added up. */
  static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}

package cloud.reencrypt.service;

import java.util.Map;
import java.util.TreeMap;

/** Error lines counted by KMS error code; one per chunk or manifest, not thread-safe. */
final class Failures {
  private final Map<String, Long> byCode = new TreeMap<>();
  private long total;

  void add(String errorCode) {
    byCode.merge(errorCode, 1L, Long::sum);
    total++;
  }

  void add(Failures other) {
    other.byCode.forEach((code, count) -> byCode.merge(code, count, Long::sum));
    total += other.total;
  }

  long total() {
    return total;
  }

  Map<String, Long> byCode() {
    return byCode;
  }
}

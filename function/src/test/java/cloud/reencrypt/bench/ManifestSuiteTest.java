package cloud.reencrypt.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.fgs.local.RuntimeJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestSuiteTest {
  @Test
  void completed_summaryOfEveryLineSucceeded_isTrue() {
    assertTrue(ManifestSuite.completed(summary(ManifestSuite.LINES)));
  }

  @Test
  void completed_summaryWithFailedLinesOrNoJson_isFalse() {
    assertFalse(ManifestSuite.completed(summary(ManifestSuite.LINES - 1)));
    assertFalse(ManifestSuite.completed("{\"records\": []}"));
    assertFalse(ManifestSuite.completed("reencrypt invoke: something went wrong"));
  }

  /** What invoke prints for one manifest record, written as invoke writes it. */
  private static String summary(long succeeded) {
    Map<String, Object> record =
        Map.of("status", "processed", "lines", ManifestSuite.LINES, "linesSucceeded", succeeded);
    return RuntimeJson.write(Map.of("records", List.of(record), "processed", 1));
  }
}

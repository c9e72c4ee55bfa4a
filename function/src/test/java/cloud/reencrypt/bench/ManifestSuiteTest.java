package cloud.reencrypt.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestSuiteTest {
  @Test
  void completed_reportOfACommittedJobOfEveryLine_isTrue() {
    assertTrue(JobFixture.completed(report("committed", JobFixture.LINES)));
  }

  @Test
  void completed_reportRunningOrShortOrNotJson_isFalse() {
    assertFalse(JobFixture.completed(report("running", JobFixture.LINES)));
    assertFalse(JobFixture.completed(report("committed", JobFixture.LINES - 1)));
    assertFalse(JobFixture.completed("not json".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void functionSettings_clearTheRateLimitsAndPartSizes() {
    assertTrue(ManifestSuite.functionSettings().contains("KMS_MAX_TPS"));
    assertTrue(ManifestSuite.functionSettings().contains("KMS_TOTAL_TPS"));
    assertTrue(ManifestSuite.functionSettings().contains("PART_BYTES"));
    assertTrue(ManifestSuite.functionSettings().contains("FANOUT_BYTES"));
  }

  /** A job's report.json, as the job writes it, with the members the check reads. */
  private static byte[] report(String state, long succeeded) {
    return ("{\"job_id\":\"j\",\"state\":\""
            + state
            + "\",\"lines\":"
            + JobFixture.LINES
            + ",\"lines_succeeded\":"
            + succeeded
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}

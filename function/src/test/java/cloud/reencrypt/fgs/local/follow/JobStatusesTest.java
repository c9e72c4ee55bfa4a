package cloud.reencrypt.fgs.local.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.testing.JacksonOracle;
import org.junit.jupiter.api.Test;

/** The driver's progress phrase for each kind of job status. */
class JobStatusesTest {
  @Test
  void describe_manifestJob_partsAndLinesPerSecond() {
    String status =
        "{\"job_id\":\"m-1\",\"state\":\"running\",\"parts_done\":3,\"parts_total\":10,"
            + "\"lines_per_second\":1234.6}";

    assertEquals(
        "job m-1 running 3/10 parts, 1235 lines/s",
        JobStatuses.describe("b/m-1", JacksonOracle.read(status)));
  }

  @Test
  void describe_sweep_pagesObjectsAndObjectsPerSecond() {
    String status =
        "{\"job_id\":\"s-1\",\"kind\":\"sweep\",\"state\":\"running\",\"parts_done\":2,"
            + "\"parts_total\":3,\"objects\":{\"listed\":2000,\"objects_per_second\":241.4}}";

    assertEquals(
        "job s-1 running 2/3 pages, 2000 objects, 241 objects/s",
        JobStatuses.describe("b/s-1", JacksonOracle.read(status)));
  }

  @Test
  void describe_membersMissing_questionMarks() {
    assertEquals(
        "job b/x ? ?/? parts, ? lines/s", JobStatuses.describe("b/x", JacksonOracle.read("{}")));
  }
}

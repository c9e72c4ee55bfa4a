package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.testing.ChainStore.CrashPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run writes nothing but its own job state, and decides what the real sweep then does. */
class SweepDryRunTest {
  @TempDir Path root;

  @Test
  void dryRun_mixedBucket_changesNoByteOutsideItsJobAndMatchesTheRealSweep() throws Exception {
    SweepScenario scenario = SweepTest.scenario(root, "dry", 500, 60);
    Path bucket = root.resolve("dry");
    Map<String, String> before = snapshot(bucket);

    JobStatus dry =
        SweepTest.sweep(
            scenario, scenario.chain(() -> 600_000), invocation -> CrashPlan.NONE, true);

    Map<String, String> after = snapshot(bucket);
    assertEquals(before.keySet(), after.keySet());
    assertEquals(
        List.of(),
        before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).toList());
    assertEquals(JobStatus.COMMITTED, dry.state());
    JobStatus real =
        SweepTest.sweep(scenario, scenario.chain(() -> 600_000), invocation -> CrashPlan.NONE);
    assertEquals(real.objects().processed(), dry.objects().processed());
    assertEquals(real.objects().skippedBy(), dry.objects().skippedBy());
    assertEquals(real.failures(), dry.failures());
    assertTrue(dry.objects().processed() > 0);
  }

  @Test
  void dryRun_report_listsTheCountsAndTheFirstThousandDecisions() throws Exception {
    SweepScenario scenario = SweepTest.scenario(root, "report", 1_200, 200);

    JobStatus dry =
        SweepTest.sweep(
            scenario, scenario.chain(() -> 600_000), invocation -> CrashPlan.NONE, true);

    SweepFolder folder =
        new SweepFolder(
            new WorkLocation(SweepScenario.BUCKET, SweepScenario.WORK_PREFIX)
                .job(scenario.store, dry.jobId()));
    SweepReport report = folder.report().orElseThrow();
    assertEquals(SweepReport.MAX_DECISIONS, report.decisions().size());
    assertEquals(dry.objects(), report.status().objects());
    long processed =
        report.decisions().stream().filter(d -> d.status().equals("processed")).count();
    assertTrue(processed > 0 && processed < SweepReport.MAX_DECISIONS, "processed: " + processed);
  }

  /**
   * Every file under the store's root (objects and the store's metadata beside them) but those of
   * the work location, with its bytes.
   */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    String work = "/" + SweepScenario.BUCKET + "/" + SweepScenario.WORK_PREFIX;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        if (!("/" + dir.relativize(file)).contains(work)) {
          files.put(dir.relativize(file).toString(), new String(Files.readAllBytes(file)));
        }
      }
    }
    return files;
  }
}

package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.service.SweepScenario.Kind;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.testing.ChainStore.CrashPlan;
import cloud.reencrypt.testing.JobChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps on the directory store, driven as chains of invocations, with and without crashes. */
class SweepTest {
  @TempDir Path root;

  static SweepScenario scenario(Path root, String name, int objects, int pageSize)
      throws Exception {
    Path dir = Files.createDirectories(root.resolve(name).resolve(SweepScenario.BUCKET));
    ObjectStore store = ObjectStores.directory(dir.getParent());
    SweepScenario scenario = new SweepScenario(store, objects, pageSize);
    scenario.fill();
    return scenario;
  }

  private SweepScenario scenario(String name, int objects, int pageSize) throws Exception {
    return scenario(root, name, objects, pageSize);
  }

  static JobStatus sweep(SweepScenario scenario, JobChain chain, CrashPlanSource crashes)
      throws Exception {
    return sweep(scenario, chain, crashes, false);
  }

  static JobStatus sweep(
      SweepScenario scenario, JobChain chain, CrashPlanSource crashes, boolean dryRun)
      throws Exception {
    JobStatus started = scenario.sweeps().start(SweepScenario.request(dryRun), scenario.pageSize);
    chain.run(SweepScenario.firstPage(started), crashes::plan);
    return scenario.status(started.jobId());
  }

  @Test
  void sweep_tenThousandMixedObjectsOverPrefixes_reEncryptsEligibleOnceThenSkipsAll()
      throws Exception {
    SweepScenario scenario = scenario("mixed", 10_000, SweepStart.PAGE_SIZE);

    JobStatus first = sweep(scenario, scenario.chain(() -> 600_000), invocation -> CrashPlan.NONE);

    scenario.assertSweptOnce(first);
    // The listing also meets the outputs, which it leaves out of the pages' objects.
    assertTrue(first.partsTotal() >= 10, "pages: " + first.partsTotal());
    scenario.assertOutputs();
    JobStatus second = sweep(scenario, scenario.chain(() -> 600_000), invocation -> CrashPlan.NONE);
    assertNotEquals(first.jobId(), second.jobId());
    scenario.assertSweptAgain(second);
  }

  @Test
  void sweep_crashesAtRandomStoreOperations_endWithTheUninterruptedCounts() throws Exception {
    SweepScenario reference = scenario("reference", 300, 40);
    SweepCounts expected =
        sweep(reference, reference.chain(() -> 600_000), invocation -> CrashPlan.NONE).objects();
    Random random = new Random(20261204);
    for (int round = 0; round < 6; round++) {
      SweepScenario scenario = scenario("crash" + round, 300, 40);
      long[] points = random.longs(4 + random.nextInt(8), 1, 120).toArray();
      JobChain chain = scenario.chain(() -> 600_000);

      JobStatus status =
          sweep(
              scenario,
              chain,
              invocation ->
                  invocation < points.length
                      ? CrashPlan.at(points[(int) invocation])
                      : CrashPlan.NONE);

      assertTrue(chain.crashes() > 0, "no crash point was reached");
      assertEquals(JobStatus.COMMITTED, status.state());
      assertEquals(withoutRate(expected), withoutRate(status.objects()), "round " + round);
      scenario.assertOutputs();
    }
  }

  @Test
  void sweep_invocationShortOfTime_handsOnAndEndsWithTheSameCounts() throws Exception {
    SweepScenario scenario = scenario("short", 120, 50);
    int[] calls = {0};
    JobChain chain = scenario.chain(() -> ++calls[0] % 7 == 0 ? 1_000 : 600_000);

    JobStatus status = sweep(scenario, chain, invocation -> CrashPlan.NONE);

    assertEquals(JobStatus.COMMITTED, status.state());
    assertEquals(120, status.objects().listed());
    assertEquals(
        scenario.count(Kind.CIPHERTEXT) + scenario.count(Kind.MANIFEST),
        status.objects().processed());
    scenario.assertOutputs();
  }

  @Test
  void sweep_startedWhileAnEqualSweepRuns_answersTheRunningSweep() throws Exception {
    SweepScenario scenario = scenario("equal", 30, 10);
    JobStatus first = scenario.sweeps().start(SweepScenario.request(false), 10);

    JobStatus again = scenario.sweeps().start(SweepScenario.request(false), 10);
    JobStatus dryRun = scenario.sweeps().start(SweepScenario.request(true), 10);

    assertEquals(first.jobId(), again.jobId());
    assertNotEquals(first.jobId(), dryRun.jobId());
    assertTrue(JobId.isSweep(first.jobId()) && first.jobId().length() == 34, first.jobId());
  }

  @Test
  void sweep_cancelled_handlesNoFurtherPage() throws Exception {
    SweepScenario scenario = scenario("cancel", 60, 10);
    JobStatus started = scenario.sweeps().start(SweepScenario.request(false), 10);
    new JobControl(
            scenario.store,
            new WorkLocation(SweepScenario.BUCKET, SweepScenario.WORK_PREFIX),
            java.time.Clock.systemUTC())
        .cancel(started.jobId());

    scenario.chain(() -> 600_000).run(SweepScenario.firstPage(started));

    JobStatus status = scenario.status(started.jobId());
    assertEquals(JobStatus.CANCELLED, status.state());
    assertEquals(0, status.partsDone());
  }

  private static SweepCounts withoutRate(SweepCounts counts) {
    return new SweepCounts(
        counts.listed(),
        counts.processed(),
        counts.skipped(),
        counts.skippedBy(),
        counts.failed(),
        0);
  }

  /** Per invocation, when it dies. */
  @FunctionalInterface
  interface CrashPlanSource {
    CrashPlan plan(long invocation);
  }
}

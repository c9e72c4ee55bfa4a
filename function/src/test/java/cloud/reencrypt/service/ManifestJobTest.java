package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KeyIdRequest;
import cloud.reencrypt.kms.local.LocalKmsEngine;
import cloud.reencrypt.store.ForwardingObjectStore;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.store.StoredObject;
import cloud.reencrypt.testing.ChainStore;
import cloud.reencrypt.testing.ChainStore.CrashPlan;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JobChain;
import cloud.reencrypt.testing.LocalKmsServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Manifest jobs on the directory store, driven as a chain of invocations: parts, fan-out, hand-on,
 * crashes at any store operation, racing assemblers, a key disabled mid-job and cancellation.
 */
class ManifestJobTest {
  private static final String BUCKET = "jobs";

  @TempDir Path root;

  private JobScenario scenario(int lines, long part, long fanout) throws Exception {
    return scenario(lines, part, fanout, DemoKms.engine());
  }

  private JobScenario scenario(
      int lines, long part, long fanout, cloud.reencrypt.kms.KmsEngine engine) throws Exception {
    Path objects = Files.createDirectories(root.resolve("objects"));
    Files.createDirectories(objects.resolve(BUCKET));
    ObjectStore store = ObjectStores.directory(objects);
    return new JobScenario(store, BUCKET, engine, lines, part, fanout);
  }

  @Test
  void job_manifestOverPartsAndRanges_outputHasEveryLineOnceInOrder() throws Exception {
    JobScenario job = scenario(400, 2048, 12_000);
    ObjectEvent event = job.upload();

    List<RecordSummary> summaries = job.chain().run(event);

    job.assertCommitted();
    JobStatus status = job.control().status(job.jobId(event)).orElseThrow();
    assertTrue(status.partsTotal() > 12, "many parts: " + status.partsTotal());
    assertTrue(
        summaries.stream().anyMatch(s -> s.key().contains("/ranges/")),
        "ranges were handed out as work items");
    assertTrue(summaries.stream().noneMatch(RecordSummary::isFailed), summaries.toString());
  }

  @Test
  void job_sourceNamedLikeTheJobsReport_keepsItsOutput() throws Exception {
    JobScenario job = scenario(60, 1024, 1 << 20);
    String lookalike = JobScenario.KEY + ".report.json";
    byte[] ciphertext = DemoKms.encrypt(DemoKms.AES, "x").getBytes(StandardCharsets.UTF_8);
    ObjectInfo source = job.store.write(BUCKET, lookalike, Map.of(), out -> out.write(ciphertext));
    job.chain().run(new ObjectEvent(BUCKET, lookalike, source.etag(), "ObjectCreated:Put"));
    byte[] output = job.read(BUCKET, "reencrypted/" + lookalike);

    ObjectEvent event = job.upload();
    job.chain().run(event);

    job.assertOutput();
    assertEquals(JobStatus.COMMITTED, job.control().status(job.jobId(event)).orElseThrow().state());
    assertArrayEquals(output, job.read(BUCKET, "reencrypted/" + lookalike));
  }

  @Test
  void job_manifestReplacedBeforeAnOldJobAssembles_oldJobFailsAndKeepsTheNewOutput()
      throws Exception {
    JobScenario job = scenario(60, 1024, 3_000);
    ObjectEvent old = job.upload();
    // Each of the old job's instances dies at the assembly; their retries come late.
    List<RecordSummary> oldRun =
        new JobChain(
                job.store,
                (instance, next) -> {
                  ChainStore dies = new ChainStore(instance, info -> {}, CrashPlan.on("compose"));
                  try {
                    return job.useCase(dies, () -> 600_000).process(next);
                  } catch (ChainStore.Crash assembling) {
                    return RecordSummary.skipped(next, "died at the assembly");
                  }
                })
            .run(old);
    String lastRange =
        oldRun.stream()
            .map(RecordSummary::key)
            .filter(key -> key.contains("/ranges/"))
            .reduce((a, b) -> b)
            .orElseThrow();
    byte[] replaced =
        ("{\"cipher_text\":\"" + DemoKms.encrypt(DemoKms.AES, "new") + "\"}\n")
            .getBytes(StandardCharsets.UTF_8);
    ObjectInfo current =
        job.store.write(BUCKET, JobScenario.KEY, Map.of(), out -> out.write(replaced));
    job.chain().run(new ObjectEvent(BUCKET, JobScenario.KEY, current.etag(), "ObjectCreated:Put"));

    job.chain().run(new ObjectEvent(BUCKET, lastRange, null, "ObjectCreated:Put"));

    String output = new String(job.read(BUCKET, JobScenario.OUTPUT_KEY), StandardCharsets.UTF_8);
    assertEquals(1, output.lines().count(), output);
    assertEquals(
        current.etag(),
        job.store
            .head(BUCKET, JobScenario.OUTPUT_KEY)
            .orElseThrow()
            .userMetadata("reencrypt-source-etag")
            .orElseThrow());
    assertEquals(JobStatus.FAILED, job.control().status(job.jobId(old)).orElseThrow().state());
  }

  @Test
  void job_manyPartsInOneInvocation_readsEachPartRecordOnce() throws Exception {
    JobScenario job = scenario(400, 1024, 1 << 20);
    ObjectEvent event = job.upload();
    AtomicInteger recordReads = new AtomicInteger();
    ObjectStore counting =
        new ForwardingObjectStore(job.store) {
          @Override
          public StoredObject open(String bucket, String key) throws ObjectStoreException {
            if (key.contains("/parts/") && key.endsWith(".json")) {
              recordReads.incrementAndGet();
            }
            return super.open(bucket, key);
          }
        };

    job.useCase(counting, () -> 600_000).process(event);

    job.assertCommitted();
    long parts = job.control().status(job.jobId(event)).orElseThrow().partsTotal();
    assertTrue(parts > 30, "many parts: " + parts);
    // A look-up of the next part's record (absent) after each part; never a re-read of a known one.
    assertTrue(recordReads.get() <= 2 * parts + 2, recordReads + " record reads for " + parts);
  }

  @Test
  void job_redeliveredAfterCommit_isSkippedAndLeavesTheSameState() throws Exception {
    JobScenario job = scenario(120, 1024, 1 << 20);
    ObjectEvent event = job.upload();
    job.chain().run(event);
    byte[] output = job.read(BUCKET, JobScenario.OUTPUT_KEY);

    List<RecordSummary> again = job.chain().run(event);

    assertEquals(RecordSummary.SKIPPED, again.get(0).status());
    assertEquals(new String(output), new String(job.read(BUCKET, JobScenario.OUTPUT_KEY)));
    job.assertCommitted();
  }

  @Test
  void job_crashesAtRandomStoreOperations_endLikeAnUninterruptedRun() throws Exception {
    Random random = new Random(20261204);
    for (int round = 0; round < 12; round++) {
      JobScenario job = scenario(150, 1024, 6_000);
      ObjectEvent event = job.upload();
      int crashes = 1 + random.nextInt(6);
      long[] points = random.longs(crashes, 1, 300).toArray();
      JobChain chain = job.chain();

      chain.run(
          event,
          invocation ->
              invocation < points.length ? CrashPlan.at(points[(int) invocation]) : CrashPlan.NONE);

      job.assertCommitted();
      clear();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 24})
  void job_crashDuringOrAfterAssembly_endsLikeAnUninterruptedRun(long later) throws Exception {
    JobScenario job = scenario(60, 1024, 1 << 20);
    ObjectEvent event = job.upload();
    JobChain chain = job.chain();

    CrashPlan once = CrashPlan.after("compose", later);
    chain.run(event, invocation -> chain.crashes() == 0 ? once : CrashPlan.NONE);

    assertEquals(1, chain.crashes(), "the crash point was never reached");
    job.assertCommitted();
  }

  @Test
  void job_crashes_neverShowAPartialOutput() throws Exception {
    Random random = new Random(7);
    JobScenario job = scenario(150, 1024, 6_000);
    ObjectEvent event = job.upload();
    List<Boolean> seen = new ArrayList<>();
    JobChain chain =
        new JobChain(
            job.store,
            (instance, next) -> {
              try {
                return job.useCase(instance, () -> 600_000).process(next);
              } catch (ChainStore.Crash crash) {
                seen.add(outputIsWholeOrAbsent(job));
                throw crash;
              }
            });

    chain.run(
        event,
        invocation -> invocation < 40 ? CrashPlan.at(1 + random.nextInt(60)) : CrashPlan.NONE);

    assertTrue(chain.crashes() > 10, "crashes: " + chain.crashes());
    assertFalse(seen.contains(false), "an output was visible before its commit");
    job.assertCommitted();
  }

  private static boolean outputIsWholeOrAbsent(JobScenario job) {
    try {
      if (job.outputExists()) {
        job.assertOutput();
      }
      return true;
    } catch (Exception | AssertionError e) {
      return false;
    }
  }

  @Test
  void job_invocationShortOfTime_handsOnAfterEachPart() throws Exception {
    JobScenario job = scenario(100, 1024, 1 << 20);
    ObjectEvent event = job.upload();

    List<RecordSummary> summaries = job.chain(() -> 2_000).run(event);

    long continuations = summaries.stream().filter(s -> s.key().contains("/continue/")).count();
    JobStatus status = job.control().status(job.jobId(event)).orElseThrow();
    assertEquals(status.partsTotal() - 1, continuations);
    assertEquals(RecordSummary.RUNNING, summaries.get(0).status());
    job.assertCommitted();
  }

  @Test
  void job_twoInstancesAssembleAtOnce_leaveOneOutputAndNoError() throws Exception {
    for (int round = 0; round < 5; round++) {
      JobScenario job = scenario(80, 1024, 1 << 20);
      ObjectEvent event = job.upload();
      completePartsOnly(job, event);
      CountDownLatch start = new CountDownLatch(1);

      List<CompletableFuture<RecordSummary>> racers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        racers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  return job.useCase(job.store, () -> 600_000).process(event);
                }));
      }
      start.countDown();

      for (CompletableFuture<RecordSummary> racer : racers) {
        RecordSummary summary = racer.join();
        assertFalse(summary.isFailed(), summary.toString());
      }
      job.assertCommitted();
      clear();
    }
  }

  /** Runs the job until every part is committed, stopping it short of its assembly. */
  private static void completePartsOnly(JobScenario job, ObjectEvent event) throws Exception {
    new JobChain(
            job.store,
            (instance, next) -> {
              if (next.key().equals(JobScenario.OUTPUT_KEY)) {
                throw new AssertionError("assembled too early");
              }
              ChainStore noAssembly = new ChainStore(instance, info -> {}, CrashPlan.on("compose"));
              try {
                return job.useCase(noAssembly, () -> 600_000).process(next);
              } catch (ChainStore.Crash assembling) {
                return RecordSummary.skipped(next, "stopped short of the assembly");
              }
            })
        .run(event);
    assertFalse(job.outputExists());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void job_keyDisabledMidJob_stopsWithoutCommittingAndFinishesAfterEnable() throws Exception {
    Path keystore = LocalKmsServer.copyDemoKeystore(Files.createDirectories(root.resolve("kms")));
    LocalKmsEngine engine = LocalKmsEngine.open(keystore);
    JobScenario job = scenario(100, 1024, 1 << 20, engine);
    ObjectEvent event = job.upload();
    JobChain chain =
        handingOnAfterEachPart(job, () -> engine.disableKey(new KeyIdRequest(DemoKms.AES, null)));

    List<RecordSummary> summaries = chain.run(event);

    assertTrue(
        summaries.stream()
            .anyMatch(s -> s.job() != null && s.isFailed() && Boolean.TRUE.equals(s.temporary())),
        summaries.toString());
    JobStatus stopped = job.control().status(job.jobId(event)).orElseThrow();
    assertEquals(JobStatus.STOPPED, stopped.state());
    assertTrue(stopped.reason().contains("KMS.0209"), stopped.reason());
    assertFalse(job.outputExists());

    engine.enableKey(new KeyIdRequest(DemoKms.AES, null));
    job.chain().run(event);

    job.assertCommitted();
  }

  @Test
  void job_cancelled_startsNoPartAndCommitsNothing() throws Exception {
    JobScenario job = scenario(100, 1024, 1 << 20);
    ObjectEvent event = job.upload();
    JobChain chain = handingOnAfterEachPart(job, () -> job.control().cancel(job.jobId(event)));

    chain.run(event);

    JobStatus status = job.control().status(job.jobId(event)).orElseThrow();
    assertEquals(JobStatus.CANCELLED, status.state());
    assertTrue(status.partsDone() < status.partsTotal());
    assertFalse(job.outputExists());
  }

  private void clear() throws java.io.IOException {
    try (var paths = Files.walk(root.resolve("objects"))) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  /** Something that happens to a job from outside, between two of its invocations. */
  @FunctionalInterface
  private interface Intervention {
    void run() throws Exception;
  }

  /**
   * A chain whose invocations are short of time, so each commits one part and hands on, with {@code
   * intervention} made just before the third invocation: the job is then under way.
   */
  private static JobChain handingOnAfterEachPart(JobScenario job, Intervention intervention) {
    int[] invocations = {0};
    return new JobChain(
        job.store,
        (instance, next) -> {
          if (invocations[0]++ == 2) {
            intervention.run();
          }
          return job.useCase(instance, () -> 2_000).process(next);
        });
  }
}

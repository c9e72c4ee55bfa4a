package cloud.reencrypt.bench;

import cloud.reencrypt.config.Setting;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.wiring.LocalKms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code bench manifest}: records/s of a 1,000,000-line symmetric manifest (AES_256 data, 32-byte
 * plaintexts, about 200 MB) run as a job: {@code invoke --follow} plans it, cuts it into parts
 * (default {@code PART_BYTES}) and ranges (default {@code FANOUT_BYTES}), feeds every object its
 * writes commit back to {@code --workers} worker processes ({@code --worker-heap 128m}) until the
 * job is assembled. Wall clock of the whole process, JVM starts and assembly included, with 1 and 2
 * workers, against the fastest bare AES-GCM pair ({@link BarePairs#aesGcmReused}) in this JVM, in
 * the same run, alternating. Every setting of the function is cleared from the child's environment
 * but the keystore and the destination key, so {@code KMS_MAX_TPS} and {@code KMS_TOTAL_TPS} are
 * off. Target: 2 workers at least 0.2 of the pair (on a 2-core machine).
 */
final class ManifestSuite implements BenchSuite {
  private static final double TARGET = 0.20;
  private static final int TARGET_WORKERS = 2;

  private final String toolMain;

  /**
   * @param toolMain the main class of the tool whose {@code invoke} is timed
   */
  ManifestSuite(String toolMain) {
    this.toolMain = toolMain;
  }

  @Override
  public String name() {
    return "manifest";
  }

  /** Wall clock: how long a job's output takes to come out, as a user waiting for it sees it. */
  @Override
  public CostClock defaultClock() {
    return CostClock.WALL;
  }

  @Override
  public String summary() {
    return "Records/s of a 1,000,000-line manifest job (invoke --follow, 1 and 2 workers) vs the"
        + " bare pair";
  }

  @Override
  public List<BenchCase> prepare(Path workDir) throws Exception {
    Path keystore = workDir.resolve("keystore.json");
    KmsEngine engine = LocalKms.engine(keystore);
    String key = EngineSuite.createKey(engine, "AES_256", "bench-manifest");
    JobFixture job = JobFixture.write(workDir, engine, key);
    ChildJvm jvm =
        new ChildJvm(
            Map.of("REENCRYPT_KEYSTORE", keystore.toString(), "DESTINATION_KEY_ID", key),
            functionSettings());
    List<BenchCase> cases = new ArrayList<>();
    for (int workers = 1; workers <= TARGET_WORKERS; workers++) {
      cases.add(
          BenchCase.against(
              "invoke --follow --workers " + workers + ", 1,000,000-line job (records/s)",
              run(jvm, job, workers),
              EngineSuite.AES_PAIR + ", this JVM",
              BarePairs.aesGcmReused(EngineSuite.PAYLOAD),
              workers == TARGET_WORKERS ? TARGET : Double.NaN));
    }
    return cases;
  }

  @Override
  public List<CaseResult> measure(Path workDir, MeterSettings settings, Meter.Progress progress)
      throws Exception {
    progress.report("writing the 1,000,000-line manifest");
    return ProcessMeter.measureAll(prepare(workDir), settings, progress);
  }

  /** One whole job, from a store holding only the manifest. */
  private Workload run(ChildJvm jvm, JobFixture job, int workers) {
    List<String> invoke =
        List.of(
            "invoke",
            "--objects",
            job.objects.toString(),
            "--event",
            job.event.toString(),
            "--follow",
            "--workers",
            Integer.toString(workers),
            "--worker-heap",
            "128m");
    return () -> {
      JobFixture.removeOutputs(job.objects);
      ChildJvm.Cost cost = jvm.run(List.of(), toolMain, invoke);
      if (!job.completed()) {
        throw new IllegalStateException("the job did not commit every line: " + cost.stdout());
      }
      return cost.times(JobFixture.LINES);
    };
  }

  /** Every setting the function reads, to clear from the child's environment. */
  static Set<String> functionSettings() {
    return Arrays.stream(Setting.values()).map(Setting::name).collect(Collectors.toSet());
  }
}

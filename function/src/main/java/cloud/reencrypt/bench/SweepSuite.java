package cloud.reencrypt.bench;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.service.JobStatus;
import cloud.reencrypt.wiring.LocalKms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bench sweep}: objects/s of a sweep of {@value SweepFixture#OBJECTS} small AES_256
 * ciphertexts in a directory store ({@code sweep --workers N}: pages of 1,000 keys as work items on
 * N worker processes), with 1 and 2 workers, against the same objects handled as single-object
 * events by one function instance in one process ({@link SingleInvokesMain}). Both sides are whole
 * processes timed on the wall clock, JVM starts included, alternating in the same run, with every
 * function setting cleared but the keystore and the destination key. No target: the issue asks for
 * the figures.
 */
final class SweepSuite implements BenchSuite {
  private static final int MAX_WORKERS = 2;

  private final String toolMain;
  private final int objects;

  /**
   * @param toolMain the main class of the tool whose {@code sweep} is timed
   */
  SweepSuite(String toolMain) {
    this(toolMain, SweepFixture.OBJECTS);
  }

  /** A suite over another number of objects: for a quick check of the workloads themselves. */
  SweepSuite(String toolMain, int objects) {
    this.toolMain = toolMain;
    this.objects = objects;
  }

  @Override
  public String name() {
    return "sweep";
  }

  /** Wall clock: how long the bucket takes to be re-encrypted, as a user waiting sees it. */
  @Override
  public CostClock defaultClock() {
    return CostClock.WALL;
  }

  @Override
  public String summary() {
    return "Objects/s of a 10,000-object sweep (1 and 2 workers) vs single-object events in one"
        + " process";
  }

  @Override
  public List<BenchCase> prepare(Path workDir) throws Exception {
    return cases(workDir, step -> {});
  }

  @Override
  public List<CaseResult> measure(Path workDir, MeterSettings settings, Meter.Progress progress)
      throws Exception {
    return ProcessMeter.measureAll(cases(workDir, progress), settings, progress);
  }

  private List<BenchCase> cases(Path workDir, Meter.Progress progress) throws Exception {
    Path keystore = workDir.resolve("keystore.json");
    KmsEngine engine = LocalKms.engine(keystore);
    String key = EngineSuite.createKey(engine, "AES_256", "bench-sweep");
    Path store =
        SweepFixture.write(
            workDir,
            engine,
            key,
            objects,
            written ->
                progress.report(String.format("wrote %,d of %,d objects", written, objects)));
    ChildJvm jvm =
        new ChildJvm(
            Map.of("REENCRYPT_KEYSTORE", keystore.toString(), "DESTINATION_KEY_ID", key),
            ManifestSuite.functionSettings());
    Workload singles = singleInvokes(jvm, store);
    List<BenchCase> cases = new ArrayList<>();
    for (int workers = 1; workers <= MAX_WORKERS; workers++) {
      cases.add(
          BenchCase.against(
              String.format("sweep --workers %d, %,d objects (objects/s)", workers, objects),
              sweep(jvm, store, workers),
              String.format("%,d single-object OBS events, one instance in one process", objects),
              singles,
              Double.NaN));
    }
    return cases;
  }

  private Workload sweep(ChildJvm jvm, Path store, int workers) {
    List<String> sweep =
        List.of(
            "sweep",
            "--bucket",
            JobFixture.BUCKET,
            "--prefix",
            SweepFixture.PREFIX,
            "--objects",
            store.toString(),
            "--workers",
            Integer.toString(workers));
    return () -> {
      JobFixture.removeOutputs(store);
      ChildJvm.Cost cost = jvm.run(List.of(), toolMain, sweep);
      JobStatus status =
          JsonMapping.read(
              JsonMapping.reader(JobStatus.class), cost.stdout().getBytes(StandardCharsets.UTF_8));
      if (status.objects().processed() != objects) {
        throw new IllegalStateException("the sweep did not process every object: " + cost.stdout());
      }
      return cost.times(objects);
    };
  }

  private Workload singleInvokes(ChildJvm jvm, Path store) {
    List<String> args = List.of(store.toString(), JobFixture.BUCKET, SweepFixture.PREFIX);
    return () -> {
      JobFixture.removeOutputs(store);
      ChildJvm.Cost cost = jvm.run(List.of(), SingleInvokesMain.class.getName(), args);
      if (!cost.stdout().strip().equals(Integer.toString(objects))) {
        throw new IllegalStateException("processed " + cost.stdout().strip() + " objects");
      }
      return cost.times(objects);
    };
  }
}

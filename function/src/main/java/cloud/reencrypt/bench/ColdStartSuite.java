package cloud.reencrypt.bench;

import cloud.reencrypt.kms.cloud.SdkFloorMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench coldstart}: whole-process {@code invoke} runs (a fresh JVM each) against the JVM
 * floor (a trivial main in a fresh JVM), alternating in the same run, for the local engine and for
 * the cloud engine (Huawei's KMS SDK against {@code serve}, started before any timing, on
 * loopback); then the split an initializer makes, per engine and event kind: the initializer, and
 * the first request after it against a warm request of the same kind in the same process ({@link
 * StartupSplit}).
 *
 * <p>Targets (issue 9): local engine within 5× the floor, cloud engine within 3.5×, the first
 * request after the initializer within 3× a warm one. The cloud engine's APIG run is also compared,
 * without a target, with the shortest program a user of the SDK would write ({@link SdkFloorMain}:
 * one call, nothing of this project), which shows how much of its cost is the SDK's alone. AppCDS
 * rows show what an archive would add; the deployed function runs the plain jar. Timed on the wall
 * clock by default.
 */
final class ColdStartSuite implements BenchSuite {
  private static final double LOCAL_TARGET = 1.0 / 5;
  private static final double CLOUD_TARGET = 1.0 / 3.5;
  private static final String FLOOR = "trivial main (JVM floor)";
  private ColdStartFixture fixture;

  private final String toolMain;
  private final boolean appCds;

  /**
   * @param toolMain the main class of the tool whose {@code invoke} is timed
   * @param appCds whether to add the AppCDS case, whose archive needs a class path of jars only
   */
  ColdStartSuite(String toolMain, boolean appCds) {
    this.toolMain = toolMain;
    this.appCds = appCds;
  }

  @Override
  public String name() {
    return "coldstart";
  }

  /**
   * Wall clock: a cold start is a latency, and the function overlaps the JDK's provider set-up with
   * its other start-up work on a second core, which CPU time would count twice over.
   */
  @Override
  public CostClock defaultClock() {
    return CostClock.WALL;
  }

  @Override
  public String summary() {
    return "Whole-process invoke (local engine, KMS SDK → serve) vs a trivial-main JVM and a bare"
        + " SDK program; initializer, first and warm request";
  }

  @Override
  public List<BenchCase> prepare(Path workDir) throws Exception {
    fixture = new ColdStartFixture(workDir);
    ChildJvm local = new ChildJvm(fixture.localEngine());
    ChildJvm cloud = new ChildJvm(fixture.cloudEngine());
    List<String> apig = List.of("invoke", "--event", fixture.apigEvent.toString());
    Baseline floor =
        new Baseline(FLOOR, () -> local.run(List.of(), TrivialMain.class.getName(), List.of()));
    Baseline sdkAlone =
        new Baseline(
            "bare SDK program: KmsClient, one EncryptData → serve",
            () -> cloud.run(List.of(), SdkFloorMain.class.getName(), List.of()));
    List<BenchCase> cases = new ArrayList<>();
    cases.add(invoke("invoke, APIG re-encrypt, local engine", local, apig, floor, LOCAL_TARGET));
    if (appCds) {
      cases.add(appCds(workDir, local, apig, floor));
    }
    String cloudApig = "invoke, APIG re-encrypt, KMS SDK → serve";
    cases.add(invoke(cloudApig, cloud, apig, floor, CLOUD_TARGET));
    cases.add(invoke(cloudApig, cloud, apig, sdkAlone, Double.NaN));
    cases.add(obsCase(cloud, floor));
    return cases;
  }

  /** The OBS event on the directory store; each run first deletes the previous output. */
  private BenchCase obsCase(ChildJvm cloud, Baseline floor) {
    return BenchCase.against(
        "invoke --objects, OBS object on the directory store, KMS SDK → serve",
        () -> {
          fixture.removeOutputs();
          return cloud.run(List.of(), toolMain, obsInvoke());
        },
        floor.label(),
        floor.run(),
        CLOUD_TARGET);
  }

  /** The local engine's invoke with a dynamic AppCDS archive, made here by one run. */
  private BenchCase appCds(Path workDir, ChildJvm local, List<String> apig, Baseline floor)
      throws Exception {
    Path archive = workDir.resolve("app.jsa");
    local.run(List.of("-XX:ArchiveClassesAtExit=" + archive), toolMain, apig);
    List<String> cds = List.of("-XX:SharedArchiveFile=" + archive);
    return BenchCase.against(
        "invoke, APIG re-encrypt, local engine, AppCDS",
        () -> local.run(cds, toolMain, apig),
        floor.label(),
        floor.run(),
        1.0 / 3);
  }

  @Override
  public List<CaseResult> measure(Path workDir, MeterSettings settings, Meter.Progress progress)
      throws Exception {
    progress.report("preparing keys, events, objects, serve and the AppCDS archive");
    try {
      List<CaseResult> results =
          new ArrayList<>(ProcessMeter.measureAll(prepare(workDir), settings, progress));
      for (StartupSplit split : splits()) {
        results.addAll(split.measure(settings.rounds(), fixture::removeOutputs, progress));
      }
      return results;
    } finally {
      close();
    }
  }

  /** Stops the fixture's {@code serve}. */
  void close() {
    fixture.close();
  }

  private List<StartupSplit> splits() {
    ChildJvm local = new ChildJvm(fixture.localEngine());
    ChildJvm cloud = new ChildJvm(fixture.cloudEngine());
    List<String> apig = List.of("apig", fixture.apigEvent.toString());
    List<String> obs = List.of("obs", fixture.obsEvents.toString(), fixture.objects.toString());
    return List.of(
        new StartupSplit("APIG re-encrypt, local engine", local, apig),
        new StartupSplit("APIG re-encrypt, KMS SDK → serve", cloud, apig),
        new StartupSplit("OBS object on the directory store, KMS SDK → serve", cloud, obs));
  }

  private List<String> obsInvoke() {
    return List.of(
        "invoke",
        "--event",
        fixture.obsEvent(0).toString(),
        "--objects",
        fixture.objects.toString());
  }

  private BenchCase invoke(
      String label, ChildJvm jvm, List<String> args, Baseline baseline, double target) {
    return BenchCase.against(
        label, () -> jvm.run(List.of(), toolMain, args), baseline.label(), baseline.run(), target);
  }

  /** A fresh-JVM program the invoke runs are compared with. */
  private record Baseline(String label, Workload run) {}
}

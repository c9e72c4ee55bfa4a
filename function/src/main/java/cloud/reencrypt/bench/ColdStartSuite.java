package cloud.reencrypt.bench;

import cloud.reencrypt.cli.Main;
import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.local.LocalKmsEngine;
import cloud.reencrypt.mapping.JsonMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code bench coldstart}: one whole-process {@code invoke} of an API Gateway re-encrypt (AES_256
 * data, a fresh JVM each time) against the JVM floor, a trivial main in a fresh JVM, alternating in
 * the same run. Target (issue 3): the invoke within 3× the floor, a ratio of at least 33 %. Rows:
 * the plain jar; with an AppCDS archive made by one training run ({@code
 * -XX:ArchiveClassesAtExit}); and AppCDS with C1 only ({@code -XX:TieredStopAtLevel=1}). Timed on
 * the wall clock by default; with {@code --clock cpu} a run costs its process's CPU time, so other
 * load on the machine does not count, but the background crypto warm-up counts in full.
 */
final class ColdStartSuite implements BenchSuite {
  private static final double TARGET = 1.0 / 3;

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
    return "Whole-process invoke of one APIG re-encrypt against a trivial-main JVM";
  }

  @Override
  public List<BenchCase> prepare(Path workDir) throws Exception {
    Path keystore = workDir.resolve("keystore.json");
    Path event = writeEvent(workDir, LocalKmsEngine.open(keystore));
    ChildJvm jvm = new ChildJvm(Map.of("REENCRYPT_KEYSTORE", keystore.toString()));
    List<String> invoke = List.of("invoke", "--event", event.toString());
    Path archive = workDir.resolve("app.jsa");
    jvm.run(List.of("-XX:ArchiveClassesAtExit=" + archive), Main.class.getName(), invoke);
    String cds = "-XX:SharedArchiveFile=" + archive;
    Workload floor = () -> jvm.run(List.of(), TrivialMain.class.getName(), List.of());
    return List.of(
        coldStart("invoke, APIG re-encrypt", jvm, List.of(), invoke, floor),
        coldStart("invoke, AppCDS", jvm, List.of(cds), invoke, floor),
        coldStart(
            "invoke, AppCDS + C1 only",
            jvm,
            List.of(cds, "-XX:TieredStopAtLevel=1"),
            invoke,
            floor));
  }

  @Override
  public List<CaseResult> measure(Path workDir, MeterSettings settings, Meter.Progress progress)
      throws Exception {
    progress.report("preparing keys, event and the AppCDS archive");
    return ProcessMeter.measureAll(prepare(workDir), settings, progress);
  }

  private static BenchCase coldStart(
      String label, ChildJvm jvm, List<String> options, List<String> invoke, Workload floor) {
    return BenchCase.against(
        label,
        () -> jvm.run(options, Main.class.getName(), invoke),
        "trivial main (JVM floor)",
        floor,
        TARGET);
  }

  private static Path writeEvent(Path workDir, LocalKmsEngine engine) throws Exception {
    String key = EngineSuite.createKey(engine, "AES_256", "bench-coldstart");
    String cipherText =
        engine
            .encryptData(new EncryptDataRequest(key, "cold start payload", null, null, null))
            .cipherText();
    String body = "{\"cipher_text\":\"" + cipherText + "\",\"destination_key_id\":\"" + key + "\"}";
    Path event = workDir.resolve("apig-event.json");
    Files.writeString(
        event, JsonMapping.write(EventTemplates.apig("POST", "/kms/re-encrypt", body)));
    return event;
  }
}

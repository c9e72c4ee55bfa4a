package cloud.reencrypt.bench;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.local.crypto.BlockCipher;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.mapping.JsonReadException;
import cloud.reencrypt.wiring.LocalKms;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bench manifest}: records/s of a 1,000,000-line symmetric manifest (AES_256 data, 32-byte
 * plaintexts) through {@code invoke --objects} in a fresh JVM with a 128 MB heap, whole process
 * included, against the bare AES-GCM decrypt + encrypt pair in this JVM, in the same run. Target
 * (issue 3): at least 50 % of the pair. Each round removes the previous output first, so every run
 * does the whole manifest.
 */
final class ManifestSuite implements BenchSuite {
  static final int LINES = 1_000_000;
  private static final double TARGET = 0.50;
  static final String BUCKET = "bench";
  private static final String KEY = "manifests/million.jsonl";

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

  /**
   * Wall clock: the manifest's records/s is the elapsed time of a whole process whose workers use
   * every core, as a user waiting for the output sees it.
   */
  @Override
  public CostClock defaultClock() {
    return CostClock.WALL;
  }

  @Override
  public String summary() {
    return "Records/s of a 1,000,000-line manifest through invoke (-Xmx128m) vs the bare pair";
  }

  @Override
  public List<BenchCase> prepare(Path workDir) throws Exception {
    Path keystore = workDir.resolve("keystore.json");
    KmsEngine engine = LocalKms.engine(keystore);
    String key = EngineSuite.createKey(engine, "AES_256", "bench-manifest");
    Path objects = workDir.resolve("objects");
    writeManifest(objects.resolve(BUCKET).resolve(KEY), engine, key);
    Path event = workDir.resolve("obs-event.json");
    Files.writeString(
        event, JsonMapping.write(EventTemplates.obs(ObsShape.S3, BUCKET, KEY, "", 0)));
    ChildJvm jvm =
        new ChildJvm(Map.of("REENCRYPT_KEYSTORE", keystore.toString(), "DESTINATION_KEY_ID", key));
    List<String> invoke =
        List.of("invoke", "--event", event.toString(), "--objects", objects.toString());
    Workload subject =
        () -> {
          removeOutputs(objects);
          ChildJvm.Cost cost = jvm.run(List.of("-Xmx128m"), toolMain, invoke);
          if (!completed(cost.stdout())) {
            throw new IllegalStateException("the manifest did not complete: " + cost.stdout());
          }
          return cost.times(LINES);
        };
    return List.of(
        BenchCase.against(
            "invoke --objects, 1,000,000-line AES_256 manifest, -Xmx128m (records/s)",
            subject,
            "AES-GCM decrypt + AES-GCM encrypt, this JVM",
            BarePairs.gcmToGcm(BlockCipher.AES, BlockCipher.AES, EngineSuite.PAYLOAD),
            TARGET));
  }

  @Override
  public List<CaseResult> measure(Path workDir, MeterSettings settings, Meter.Progress progress)
      throws Exception {
    progress.report("writing the 1,000,000-line manifest");
    return ProcessMeter.measureAll(prepare(workDir), settings, progress);
  }

  private static void writeManifest(Path manifest, KmsEngine engine, String key)
      throws IOException {
    Files.createDirectories(manifest.getParent());
    String plaintext = "0123456789abcdef0123456789abcdef";
    String cipherText =
        engine.encryptData(new EncryptDataRequest(key, plaintext, null, null, null)).cipherText();
    byte[] line =
        ("{\"cipher_text\":\"" + cipherText + "\"}\n").getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(manifest), 1 << 16)) {
      for (int i = 0; i < LINES; i++) {
        out.write(line);
      }
    }
  }

  /**
   * Deletes earlier outputs and the directory store's metadata under {@code objects}, so the next
   * run is not skipped as done. The cold-start suite's objects use the same bucket.
   */
  static void removeOutputs(Path objects) throws IOException {
    for (Path dir :
        List.of(objects.resolve(BUCKET).resolve("reencrypted"), objects.resolve(".metadata"))) {
      if (Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
    }
  }

  /** Whether invoke's summary says every line of the one manifest succeeded. */
  static boolean completed(String summary) {
    try {
      JsonNode tree = JsonMapping.read(JsonMapping.reader(JsonNode.class), summary);
      JsonNode succeeded = tree.path("records").path(0).path("linesSucceeded");
      return succeeded.canConvertToExactIntegral() && succeeded.longValue() == LINES;
    } catch (JsonReadException e) {
      return false;
    }
  }
}

package cloud.reencrypt.bench;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.service.JobStatus;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStores;
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
 * The 1,000,000-line manifest {@code bench manifest} runs as a job, in a directory store: written
 * through the store, so it has its ETag recorded as an OBS object has (a file without one would be
 * hashed whole at every ranged read of a part), and its OBS event with that ETag and size. Outputs
 * and job state are removed before each run, the manifest and its record kept.
 */
final class JobFixture {
  static final int LINES = 1_000_000;
  static final String BUCKET = "bench";
  static final String KEY = "manifests/million.jsonl";
  static final String OUTPUT_PREFIX = "reencrypted/";
  static final String WORK_PREFIX = ".reencrypt-work/";
  private static final String PLAINTEXT = "0123456789abcdef0123456789abcdef";

  final Path objects;
  final Path event;

  private JobFixture(Path objects, Path event) {
    this.objects = objects;
    this.event = event;
  }

  /** Writes the manifest (AES_256 ciphertexts of 32-byte plaintexts under {@code key}). */
  static JobFixture write(Path workDir, KmsEngine engine, String key) throws IOException {
    Path objects = Files.createDirectories(workDir.resolve("objects").resolve(BUCKET)).getParent();
    String cipherText =
        engine.encryptData(new EncryptDataRequest(key, PLAINTEXT, null, null, null)).cipherText();
    byte[] line =
        ("{\"cipher_text\":\"" + cipherText + "\"}\n").getBytes(StandardCharsets.US_ASCII);
    ObjectInfo manifest =
        ObjectStores.directory(objects)
            .write(BUCKET, KEY, Map.of(), out -> writeLines(out, line, LINES));
    Path event = workDir.resolve("obs-event.json");
    Files.writeString(
        event,
        JsonMapping.write(
            EventTemplates.obs(ObsShape.S3, BUCKET, KEY, manifest.etag(), manifest.size())));
    return new JobFixture(objects, event);
  }

  private static void writeLines(OutputStream target, byte[] line, int lines) throws IOException {
    OutputStream out = new BufferedOutputStream(target, 1 << 16);
    for (int i = 0; i < lines; i++) {
      out.write(line);
    }
    out.flush();
  }

  /** Whether the job's report says it committed every line. */
  boolean completed() throws IOException {
    Path report = objects.resolve(BUCKET).resolve(OUTPUT_PREFIX + KEY + ".report.json");
    return Files.isRegularFile(report) && completed(Files.readAllBytes(report));
  }

  static boolean completed(byte[] report) {
    try {
      JobStatus status = JsonMapping.read(JsonMapping.reader(JobStatus.class), report);
      return JobStatus.COMMITTED.equals(status.state())
          && Long.valueOf(LINES).equals(status.linesSucceeded());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Deletes outputs and job state under {@code objects} (files and their metadata records), so the
   * next run is neither skipped as done nor resumed. The cold-start suite's objects use the same
   * bucket and output prefix.
   */
  static void removeOutputs(Path objects) throws IOException {
    for (String folder : List.of(OUTPUT_PREFIX, WORK_PREFIX)) {
      delete(objects.resolve(BUCKET).resolve(folder));
      delete(objects.resolve(".metadata").resolve(BUCKET).resolve(folder));
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

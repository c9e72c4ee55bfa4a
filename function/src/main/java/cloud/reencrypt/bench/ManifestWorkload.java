package cloud.reencrypt.bench;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.service.KeyAllowList;
import cloud.reencrypt.service.ManifestProcessor;
import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;
import cloud.reencrypt.service.ReEncryptService;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * One in-memory manifest through {@link ManifestProcessor} on an engine, as the OBS handler runs it
 * (every key allowed, the destination key as the configured default), its output discarded. A run
 * fails unless every line succeeded, so a broken engine cannot look fast.
 */
final class ManifestWorkload {
  private ManifestWorkload() {}

  /**
   * @param cipherText every line's ciphertext
   * @param concurrency {@code MANIFEST_CONCURRENCY}: lines re-encrypted at once
   */
  static Workload of(
      KmsEngine engine, String cipherText, String destination, int lines, int concurrency) {
    byte[] line = ("{\"cipher_text\":\"" + cipherText + "\"}\n").getBytes(StandardCharsets.UTF_8);
    byte[] manifest = new byte[line.length * lines];
    for (int i = 0; i < lines; i++) {
      System.arraycopy(line, 0, manifest, i * line.length, line.length);
    }
    ReEncryptService service =
        new ReEncryptService(
            engine,
            new KeyAllowList("source", Set.of()),
            new KeyAllowList("destination", Set.of()));
    ManifestProcessor processor =
        new ManifestProcessor(service, Optional.of(destination), "SYMMETRIC_DEFAULT", concurrency);
    return () -> {
      ManifestCounts counts =
          processor.process(new ByteArrayInputStream(manifest), OutputStream.nullOutputStream());
      if (counts.succeeded() != lines) {
        throw new IllegalStateException("manifest lines failed: " + counts.failures());
      }
      return counts;
    };
  }
}

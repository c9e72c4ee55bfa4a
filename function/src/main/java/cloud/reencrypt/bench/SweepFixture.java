package cloud.reencrypt.bench;

import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The bucket {@code bench sweep} sweeps, in a directory store: {@value #OBJECTS} small AES_256
 * ciphertexts (32-byte plaintexts) under {@value #PREFIX}, over four folders, written through the
 * store so that each has its ETag recorded as an OBS object has. Outputs and job state are removed
 * before each run ({@link JobFixture#removeOutputs}), the sources kept.
 */
final class SweepFixture {
  static final int OBJECTS = 10_000;
  static final String PREFIX = "src/";
  private static final int REPORT_EVERY = 1000;
  private static final String PLAINTEXT = "0123456789abcdef0123456789abcdef";

  private SweepFixture() {}

  /**
   * Writes {@code count} objects; returns the directory store's root.
   *
   * @param written told the count so far every {@value #REPORT_EVERY} objects (each write is
   *     durable, so this takes minutes)
   */
  static Path write(Path workDir, KmsEngine engine, String key, int count, IntConsumer written)
      throws IOException {
    Path objects =
        Files.createDirectories(workDir.resolve("objects").resolve(JobFixture.BUCKET)).getParent();
    ObjectStore store = ObjectStores.directory(objects);
    for (int n = 0; n < count; n++) {
      byte[] cipherText =
          engine
              .encryptData(new EncryptDataRequest(key, PLAINTEXT, null, null, null))
              .cipherText()
              .getBytes(StandardCharsets.US_ASCII);
      String name = String.format("%sf%d/obj-%05d.ct", PREFIX, n % 4, n);
      store.write(JobFixture.BUCKET, name, Map.of(), out -> out.write(cipherText));
      if ((n + 1) % REPORT_EVERY == 0) {
        written.accept(n + 1);
      }
    }
    return objects;
  }
}

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

/**
 * The bucket {@code bench sweep} sweeps, in a directory store: {@value #OBJECTS} small AES_256
 * ciphertexts (32-byte plaintexts) under {@value #PREFIX}, over four folders, written through the
 * store so that each has its ETag recorded as an OBS object has. Outputs and job state are removed
 * before each run ({@link JobFixture#removeOutputs}), the sources kept.
 */
final class SweepFixture {
  static final int OBJECTS = 10_000;
  static final String PREFIX = "src/";
  private static final String PLAINTEXT = "0123456789abcdef0123456789abcdef";

  private SweepFixture() {}

  /** Writes {@code count} objects; returns the directory store's root. */
  static Path write(Path workDir, KmsEngine engine, String key, int count) throws IOException {
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
    }
    return objects;
  }
}

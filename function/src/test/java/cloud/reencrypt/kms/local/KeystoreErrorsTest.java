package cloud.reencrypt.kms.local;

import static cloud.reencrypt.kms.local.TestKeystores.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keystore's failures (KMS.0101) say what went wrong but never where the file is: the servers
 * send these messages to their HTTP clients.
 */
class KeystoreErrorsTest {
  @TempDir Path directory;

  @Test
  void createKey_directoryMissing_failsWithoutThePath() {
    Path file = directory.resolve("missing").resolve("secret-store.json");
    LocalKmsEngine engine = TestKeystores.engine(file);

    KmsException failure =
        assertKmsError("KMS.0101", () -> engine.createKey(Requests.createKey("k", null)));

    assertTrue(failure.getMessage().contains("NoSuchFileException"), failure.getMessage());
    assertNamesNoPath(failure);
  }

  @Test
  void open_pathIsADirectory_failsWithoutThePath() throws IOException {
    Path file = Files.createDirectory(directory.resolve("secret-store.json"));

    KmsException failure = assertKmsError("KMS.0101", () -> LocalKeystore.open(file));

    assertTrue(failure.getMessage().contains("cannot read it"), failure.getMessage());
    assertNamesNoPath(failure);
  }

  private void assertNamesNoPath(KmsException failure) {
    assertFalse(failure.getMessage().contains(directory.toString()), failure.getMessage());
    assertFalse(failure.getMessage().contains("secret-store"), failure.getMessage());
  }
}

package cloud.reencrypt.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.reencrypt.kms.KmsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.function.Executable;

/** Test support: copies of the committed demo keystore, engines on them, KMS error checks. */
final class TestKeystores {
  /** 2026-01-01T00:00:00Z: key creation and deletion dates in tests are fixed. */
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1767225600000L), ZoneOffset.UTC);

  private TestKeystores() {}

  /** The committed demo keystore, {@code events/keystore.json} at the repository root. */
  static Path demo() {
    return Path.of(System.getProperty("reencrypt.repo.root", ".."), "events", "keystore.json");
  }

  /** A copy of the demo keystore in {@code directory}, so tests may change it. */
  static Path copyOfDemo(Path directory) throws IOException {
    Path copy = directory.resolve("keystore.json");
    Files.copy(demo(), copy);
    return copy;
  }

  static LocalKmsEngine engine(Path keystore) {
    return new LocalKmsEngine(LocalKeystore.open(keystore), CLOCK);
  }

  /** Asserts that {@code call} fails with exactly KMS error {@code code}; returns the failure. */
  static KmsException assertKmsError(String code, Executable call) {
    KmsException failure = assertThrows(KmsException.class, call);
    assertEquals(code, failure.errorCode(), failure.getMessage());
    return failure;
  }
}

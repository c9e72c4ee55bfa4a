package cloud.reencrypt.kms.local.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Runs the {@code openssl} binary for interop tests; skips them visibly when it is absent. */
final class OpenSsl {
  private static Boolean available;

  private OpenSsl() {}

  static synchronized void assumeAvailable(Path dir) {
    if (available == null) {
      try {
        run(dir, "version");
        available = true;
      } catch (IOException | AssertionError e) {
        available = false;
      }
    }
    Assumptions.assumeTrue(
        available, "the openssl binary is not on PATH: OpenSSL interop tests are skipped");
  }

  /** Runs {@code openssl args...} in {@code dir}; returns stdout, fails with stderr on error. */
  static byte[] run(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Path out = dir.resolve("openssl.out");
    Path err = dir.resolve("openssl.err");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    process.getOutputStream().close();
    int status;
    try {
      status = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      throw new IOException("interrupted while waiting for openssl", e);
    }
    if (status != 0) {
      throw new AssertionError(
          String.join(" ", command)
              + " exited "
              + status
              + ": "
              + Files.readString(err, StandardCharsets.UTF_8));
    }
    return Files.readAllBytes(out);
  }
}

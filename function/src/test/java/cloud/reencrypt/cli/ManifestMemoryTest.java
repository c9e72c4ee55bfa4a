package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.RepoPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000,000-line manifest completes through {@code invoke --objects} in a child JVM limited to a
 * 128 MB heap: the manifest streams in and out, never whole in memory.
 */
class ManifestMemoryTest {
  private static final int LINES = 1_000_000;

  @TempDir Path dir;

  @Test
  void invoke_millionLineManifestWith128MbHeap_completes() throws Exception {
    Path manifest = dir.resolve("objects/bulk/manifests/million.jsonl");
    Files.createDirectories(manifest.getParent());
    byte[] line =
        ("{\"cipher_text\":\"" + DemoKms.encrypt(DemoKms.AES, "bulk") + "\"}\n")
            .getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(manifest), 1 << 16)) {
      for (int i = 0; i < LINES; i++) {
        out.write(line);
      }
    }
    Path event = dir.resolve("event.json");
    Main.run(
        List.of("generate-event", "obs", "--bucket", "bulk", "--key", "manifests/million.jsonl"),
        new java.io.PrintStream(Files.newOutputStream(event), true, StandardCharsets.UTF_8),
        System.err);

    Process child = childJvm(event).start();
    byte[] stdout = child.getInputStream().readAllBytes();
    assertEquals(0, child.waitFor(), new String(stdout, StandardCharsets.UTF_8));

    JsonNode record = JacksonOracle.read(stdout).get("records").get(0);
    assertEquals("processed", record.get("status").asText(), record.toString());
    assertEquals(LINES, record.get("lines").asLong());
    assertEquals(LINES, record.get("linesSucceeded").asLong());
    assertEquals(
        LINES, countLines(dir.resolve("objects/bulk/reencrypted/manifests/million.jsonl")));
  }

  private ProcessBuilder childJvm(Path event) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "invoke",
            "--event",
            event.toString(),
            "--objects",
            dir.resolve("objects").toString());
    builder.environment().put("REENCRYPT_KEYSTORE", RepoPaths.demoKeystore().toString());
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    return builder;
  }

  private static long countLines(Path file) throws IOException {
    long count = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            count++;
          }
        }
      }
    }
    return count;
  }
}

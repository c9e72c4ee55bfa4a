package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000,000-line manifest (about 140 MB: a job of parts in three ranges at the default sizes)
 * completes through {@code invoke --objects --follow --workers 2} with a 128 MB heap per worker:
 * parts stream in and out, and the output is composed from them, never whole in memory.
 */
class ManifestMemoryTest {
  private static final int LINES = 1_000_000;

  @TempDir Path dir;

  @Test
  void follow_millionLineJobWithTwo128MbWorkers_completesEveryLine() throws Exception {
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

    try (FollowProcess run =
        FollowProcess.start(
            event, dir.resolve("objects"), Map.of(), "--workers", "2", "--worker-heap", "128m")) {
      assertEquals(0, run.waitFor(), run.err());
    }

    Path output = dir.resolve("objects/bulk/reencrypted/manifests/million.jsonl");
    assertEquals(LINES, countLines(output));
    JsonNode report =
        JacksonOracle.read(
            dir.resolve("objects/bulk/reencrypted/manifests/million.jsonl.report.json"));
    assertEquals("committed", report.get("state").asText());
    assertEquals(LINES, report.get("lines_succeeded").asLong());
    assertTrue(report.get("parts_total").asLong() > 16, report.toString());
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

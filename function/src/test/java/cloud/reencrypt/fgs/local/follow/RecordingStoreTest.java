package cloud.reencrypt.fgs.local.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.store.ObjectUpload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingStoreTest {
  private static final String BUCKET = "bucket";

  @TempDir Path dir;
  private final List<ObjectInfo> reported = new ArrayList<>();
  private RecordingStore store;

  @BeforeEach
  void openStore() throws IOException {
    Files.createDirectories(dir.resolve(BUCKET));
    store = new RecordingStore(ObjectStores.directory(dir), reported::add);
  }

  @Test
  void upload_committed_reportedOnceWithWhatWasWritten() throws IOException {
    ObjectInfo written;
    try (ObjectUpload upload = store.upload(BUCKET, "a/b.txt", Map.of("x", "1"))) {
      upload.stream().write("content".getBytes(StandardCharsets.UTF_8));
      assertTrue(reported.isEmpty());
      written = upload.commit();
    }

    assertEquals(List.of(written), reported);
    assertEquals(7, written.size());
    assertEquals("content", Files.readString(dir.resolve(BUCKET).resolve("a/b.txt")));
  }

  @Test
  void upload_abortedOrAbandoned_reportsNothing() throws IOException {
    try (ObjectUpload upload = store.upload(BUCKET, "aborted.txt", Map.of())) {
      upload.stream().write(1);
      upload.abort();
    }
    try (ObjectUpload upload = store.upload(BUCKET, "abandoned.txt", Map.of())) {
      upload.stream().write(1);
    }

    assertTrue(reported.isEmpty(), reported.toString());
    assertTrue(store.head(BUCKET, "aborted.txt").isEmpty());
  }

  @Test
  void writeAndCompose_committed_eachReportedOnce() throws IOException {
    ObjectInfo part = store.write(BUCKET, "part", Map.of(), out -> out.write('p'));
    ObjectInfo whole = store.compose(BUCKET, "whole", Map.of(), List.of(part, part));

    assertEquals(List.of(part, whole), reported);
    assertEquals(2, whole.size());
  }

  @Test
  void write_contentThrows_reportsNothing() {
    assertThrows(
        IOException.class,
        () ->
            store.write(
                BUCKET,
                "failed",
                Map.of(),
                out -> {
                  out.write('x');
                  throw new IOException("the source broke");
                }));

    assertTrue(reported.isEmpty(), reported.toString());
  }
}

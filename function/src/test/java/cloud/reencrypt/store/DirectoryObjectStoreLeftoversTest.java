package cloud.reencrypt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectStoreException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed run leaves, and writes that can never succeed, on the directory store. */
class DirectoryObjectStoreLeftoversTest {
  private static final Instant LONG_AGO =
      Instant.now().minus(StagingSweep.STALE_AFTER).minus(Duration.ofMinutes(5));

  @TempDir Path root;
  Path staging;

  @BeforeEach
  void createBucket() throws IOException {
    Files.createDirectories(root.resolve("bucket"));
    staging = Files.createDirectories(root.resolve(".staging"));
  }

  @Test
  void newStore_staleStagedFilesOfAKilledRun_areRemoved() throws IOException {
    Path upload = staged("upload-123.part", LONG_AGO);
    Path metadata = staged("metadata-456.part", LONG_AGO);

    new DirectoryObjectStore(root);

    assertFalse(Files.exists(upload));
    assertFalse(Files.exists(metadata));
  }

  @Test
  void newStore_freshStagedFileOrFilesNotOurs_areKept() throws IOException {
    Path live = staged("upload-789.part", Instant.now());
    Path foreign = staged("notes.txt", LONG_AGO);
    Path directory = Files.createDirectory(staging.resolve("upload-dir.part"));
    Files.setLastModifiedTime(directory, FileTime.from(LONG_AGO));

    new DirectoryObjectStore(root);

    assertTrue(Files.exists(live));
    assertTrue(Files.exists(foreign));
    assertTrue(Files.isDirectory(directory));
  }

  @Test
  void newStore_uploadInProgressFromAnotherStore_stillCommits() throws IOException {
    DirectoryObjectStore first = new DirectoryObjectStore(root);
    try (ObjectUpload upload = first.upload("bucket", "k", Map.of())) {
      upload.stream().write(1);
      new DirectoryObjectStore(root);
      upload.commit();
    }

    assertTrue(first.head("bucket", "k").isPresent());
  }

  @Test
  void write_keySegmentTooLongForTheFileSystem_isRefusedNotRetryable() throws IOException {
    DirectoryObjectStore store = new DirectoryObjectStore(root);
    String key = "dir/" + "n".repeat(FileErrors.MAX_NAME_BYTES + 1);

    ObjectStoreException e =
        assertThrows(
            ObjectStoreException.class,
            () -> store.write("bucket", key, Map.of(), o -> o.write(1)));

    assertEquals(Reason.INVALID_ARGUMENT, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("too long for the file system"), e.getMessage());
    assertEquals(List.of(), list(staging));
  }

  @Test
  void write_directorySegmentTooLongForTheFileSystem_isRefusedNotRetryable() {
    DirectoryObjectStore store = new DirectoryObjectStore(root);
    String key = "d".repeat(FileErrors.MAX_NAME_BYTES + 1) + "/file";

    ObjectStoreException e =
        assertThrows(
            ObjectStoreException.class,
            () -> store.write("bucket", key, Map.of(), o -> o.write(1)));

    assertEquals(Reason.INVALID_ARGUMENT, e.reason(), e.getMessage());
  }

  private Path staged(String name, Instant modified) throws IOException {
    Path file = Files.writeString(staging.resolve(name), "partial");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private static List<Path> list(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.toList();
    }
  }
}

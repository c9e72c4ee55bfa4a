package cloud.reencrypt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers (and deletes) racing on one key, with a reader watching: every observed object must be
 * one writer's whole content, carrying that writer's metadata and the content's own ETag; with
 * deletes, the object may also be absent, and no write may fail because a delete removed its
 * folders.
 */
class DirectoryObjectStoreConcurrencyTest {
  private static final int WRITERS = 6;
  private static final int ROUNDS = 5;
  private static final int CHUNK = 4096;
  private static final int CHUNKS = 32;

  /** A key below folders, which deletes remove and writes create again. */
  private static final String NESTED = "jobs/j1/state";

  @TempDir Path root;

  @Test
  void write_concurrentWritersOnOneKey_neverExposeMixedContentOrMetadata() throws Exception {
    Files.createDirectory(root.resolve("bucket"));
    ObjectStore store = ObjectStores.directory(root);
    store.write("bucket", "k", Map.of("writer", "0"), out -> writeContent(out, 0));
    List<Callable<Void>> writers = new ArrayList<>();
    for (int w = 1; w <= WRITERS; w++) {
      int writer = w;
      writers.add(() -> writeRounds(store, writer, "k"));
    }

    int reads = race(writers, () -> assertConsistent(store, "k"));

    assertTrue(reads > 0);
    assertConsistent(store, "k");
    try (var staged = Files.list(root.resolve(".staging"))) {
      assertEquals(0, staged.count());
    }
  }

  @Test
  void writeAndDelete_racingOnNestedKey_leaveWholeObjectWithItsMetadataOrNothing()
      throws Exception {
    Files.createDirectory(root.resolve("bucket"));
    ObjectStore store = ObjectStores.directory(root);
    List<Callable<Void>> changers =
        List.of(
            () -> writeRounds(store, 1, NESTED),
            () -> writeRounds(store, 2, NESTED),
            () -> deleteRounds(store));

    int reads = race(changers, () -> assertConsistentOrAbsent(store));

    assertTrue(reads > 0);
    assertConsistentOrAbsent(store);
  }

  /**
   * Runs the changers and a reader that checks the store over and over, all starting together; once
   * every changer has finished (rethrowing the first failure), the reader stops. Returns how many
   * checks the reader made.
   */
  private static int race(List<Callable<Void>> changers, Check check) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean changing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(changers.size() + 1);
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (Callable<Void> changer : changers) {
        running.add(pool.submit(() -> afterStart(start, changer)));
      }
      Future<Integer> reader = pool.submit(() -> checkWhile(start, changing, check));
      start.countDown();
      for (Future<Void> changer : running) {
        changer.get();
      }
      changing.set(false);
      return reader.get();
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void afterStart(CountDownLatch start, Callable<Void> changer) throws Exception {
    start.await();
    return changer.call();
  }

  private static int checkWhile(CountDownLatch start, AtomicBoolean changing, Check check)
      throws Exception {
    start.await();
    int checks = 0;
    do {
      check.run();
      checks++;
    } while (changing.get());
    return checks;
  }

  private static Void writeRounds(ObjectStore store, int writer, String key) throws IOException {
    for (int round = 0; round < ROUNDS; round++) {
      store.write(
          "bucket",
          key,
          Map.of("writer", String.valueOf(writer)),
          out -> writeContent(out, writer));
    }
    return null;
  }

  private static Void deleteRounds(ObjectStore store) throws IOException {
    for (int round = 0; round < 4 * ROUNDS; round++) {
      store.delete("bucket", NESTED);
    }
    return null;
  }

  private static void writeContent(java.io.OutputStream out, int writer) throws IOException {
    byte[] chunk = new byte[CHUNK];
    Arrays.fill(chunk, (byte) writer);
    for (int i = 0; i < CHUNKS; i++) {
      out.write(chunk);
    }
  }

  /** An absent object is fine while deletes run; half of one is not. */
  private static void assertConsistentOrAbsent(ObjectStore store) throws IOException {
    try {
      assertConsistent(store, NESTED);
    } catch (ObjectStoreException e) {
      assertEquals(ObjectStoreException.Reason.NOT_FOUND, e.reason(), e.getMessage());
    }
  }

  private static void assertConsistent(ObjectStore store, String key) throws IOException {
    try (StoredObject object = store.open("bucket", key)) {
      byte[] content = object.content().readAllBytes();
      assertEquals(CHUNK * CHUNKS, content.length);
      byte writer = content[0];
      for (byte b : content) {
        assertEquals(writer, b, "content mixes two writers");
      }
      assertEquals(String.valueOf(writer), object.info().userMetadata("writer").orElseThrow());
      assertEquals(Md5.hex(new java.io.ByteArrayInputStream(content)), object.info().etag());
    }
  }

  @FunctionalInterface
  private interface Check {
    void run() throws IOException;
  }
}

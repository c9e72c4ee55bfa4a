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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers racing on one key, with a reader watching: every observed object must be one writer's
 * whole content, carrying that writer's metadata and the content's own ETag.
 */
class DirectoryObjectStoreConcurrencyTest {
  private static final int WRITERS = 6;
  private static final int ROUNDS = 5;
  private static final int CHUNK = 4096;
  private static final int CHUNKS = 32;

  @TempDir Path root;

  @Test
  void write_concurrentWritersOnOneKey_neverExposeMixedContentOrMetadata() throws Exception {
    Files.createDirectory(root.resolve("bucket"));
    ObjectStore store = ObjectStores.directory(root);
    store.write("bucket", "k", Map.of("writer", "0"), out -> writeContent(out, 0));
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 1; w <= WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> writeRounds(store, start, writer)));
      }
      Future<Integer> reader = pool.submit(() -> readWhile(store, start, writing));
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get();
      }
      writing.set(false);
      assertTrue(reader.get() > 0);
      assertConsistent(store);
      try (var staged = Files.list(root.resolve(".staging"))) {
        assertEquals(0, staged.count());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void writeRounds(ObjectStore store, CountDownLatch start, int writer)
      throws Exception {
    start.await();
    for (int round = 0; round < ROUNDS; round++) {
      store.write(
          "bucket",
          "k",
          Map.of("writer", String.valueOf(writer)),
          out -> writeContent(out, writer));
    }
    return null;
  }

  private static int readWhile(ObjectStore store, CountDownLatch start, AtomicBoolean writing)
      throws Exception {
    start.await();
    int reads = 0;
    do {
      assertConsistent(store);
      reads++;
    } while (writing.get());
    return reads;
  }

  private static void writeContent(java.io.OutputStream out, int writer) throws IOException {
    byte[] chunk = new byte[CHUNK];
    Arrays.fill(chunk, (byte) writer);
    for (int i = 0; i < CHUNKS; i++) {
      out.write(chunk);
    }
  }

  private static void assertConsistent(ObjectStore store) throws IOException {
    try (StoredObject object = store.open("bucket", "k")) {
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
}

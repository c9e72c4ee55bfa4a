package cloud.reencrypt.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many writers on one keystore file, threads and separate processes at once: every key survives and
 * the file stays valid.
 */
class KeystoreConcurrencyTest {
  private static final int THREADS = 6;
  private static final int KEYS_PER_WRITER = 6;

  @TempDir Path directory;

  @Test
  void createKey_manyThreadsOnSeveralEngines_keepsEveryKey() throws Exception {
    Path keystore = TestKeystores.copyOfDemo(directory);
    Set<String> created = new HashSet<>(runThreads(keystore, "thread"));
    assertEquals(THREADS * KEYS_PER_WRITER, created.size());
    assertKeystoreHolds(keystore, created);
  }

  @Test
  void createKey_twoProcessesAndThreadsAtOnce_keepsEveryKey() throws Exception {
    Path keystore = TestKeystores.copyOfDemo(directory);
    List<Process> processes = new ArrayList<>();
    for (String name : List.of("process-a", "process-b")) {
      processes.add(startWriter(keystore, name));
    }
    Set<String> created = new HashSet<>(runThreads(keystore, "thread"));
    for (Process process : processes) {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, process.waitFor(), output);
      List<String> lines = output.lines().filter(KeyIds::isValid).toList();
      assertEquals(KEYS_PER_WRITER, lines.size(), output);
      created.addAll(lines);
    }
    assertEquals((THREADS + 2) * KEYS_PER_WRITER, created.size());
    assertKeystoreHolds(keystore, created);
  }

  private List<String> runThreads(Path keystore, String prefix) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        // Every thread has its own engine on the same file, as separate servers would.
        LocalKmsEngine engine = TestKeystores.engine(keystore);
        String alias = prefix + "-" + t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < KEYS_PER_WRITER; i++) {
                    created.add(KeystoreWorkload.createAndUse(engine, alias + "-" + i));
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    return List.copyOf(created);
  }

  private static Process startWriter(Path keystore, String prefix) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            KeystoreWriterProcess.class.getName(),
            keystore.toString(),
            prefix,
            Integer.toString(KEYS_PER_WRITER))
        .redirectErrorStream(true)
        .start();
  }

  private void assertKeystoreHolds(Path keystore, Set<String> created) throws IOException {
    KeystoreSnapshot reread = LocalKeystore.open(keystore).snapshot();
    assertTrue(reread.keys().keySet().containsAll(created));
    assertTrue(reread.keys().keySet().containsAll(DemoKeys.ALL));
    assertEquals(DemoKeys.ALL.size() + created.size(), reread.keys().size());
    Set<String> aliases = new HashSet<>();
    reread.allKeys().forEach(key -> assertTrue(aliases.add(key.alias()), key.alias()));
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(
          Set.of("keystore.json", "keystore.json.lock"),
          files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
    }
  }
}

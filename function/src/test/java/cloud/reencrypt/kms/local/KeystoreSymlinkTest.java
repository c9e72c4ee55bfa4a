package cloud.reencrypt.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keystore reached through a symbolic link is one file: its target is written and locked. */
class KeystoreSymlinkTest {
  @TempDir Path directory;

  @Test
  void createKey_throughASymlink_writesTheTargetAndKeepsTheLink() throws IOException {
    Path real = Files.createDirectory(directory.resolve("sec")).resolve("ks.json");
    Files.copy(TestKeystores.demo(), real);
    Path link = Files.createSymbolicLink(directory.resolve("link.json"), Path.of("sec/ks.json"));

    String keyId =
        TestKeystores.engine(link)
            .createKey(Requests.createKey("via-link", null))
            .keyInfo()
            .keyId();

    assertTrue(Files.isSymbolicLink(link));
    assertTrue(LocalKeystore.open(real).snapshot().keys().containsKey(keyId));
    assertEquals(Set.of("link.json", "sec"), names(directory));
    assertEquals(Set.of("ks.json", "ks.json.lock"), names(real.getParent()));
  }

  @Test
  void createKey_throughADanglingSymlink_createsTheTarget() throws IOException {
    Files.createDirectory(directory.resolve("sec"));
    Path link = Files.createSymbolicLink(directory.resolve("link.json"), Path.of("sec/new.json"));

    TestKeystores.engine(link).createKey(Requests.createKey("first", null));

    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.isRegularFile(directory.resolve("sec/new.json")));
    assertEquals(1, LocalKeystore.open(link).snapshot().keys().size());
  }

  @Test
  void locked_linkAndTargetSpellings_excludeEachOther() throws Exception {
    Path target = TestKeystores.copyOfDemo(directory);
    Path link = Files.createSymbolicLink(directory.resolve("link.json"), target.getFileName());
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () -> new KeystoreFile(link).locked(() -> hold(holding, release)));
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    CountDownLatch entered = new CountDownLatch(1);
    CompletableFuture<Void> other =
        CompletableFuture.runAsync(() -> new KeystoreFile(target).locked(() -> countDown(entered)));

    // While the link's writer holds the lock, the target's writer waits for it.
    assertFalse(entered.await(300, TimeUnit.MILLISECONDS));
    release.countDown();
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    holder.get(10, TimeUnit.SECONDS);
    other.get(10, TimeUnit.SECONDS);
  }

  private static Object hold(CountDownLatch holding, CountDownLatch release) {
    holding.countDown();
    try {
      return release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Object countDown(CountDownLatch latch) {
    latch.countDown();
    return null;
  }

  private static Set<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}

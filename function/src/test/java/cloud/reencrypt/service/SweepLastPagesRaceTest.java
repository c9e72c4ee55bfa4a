package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ForwardingObjectStore;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.testing.DemoKms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two last pages of a sweep finishing together, interleaved on purpose: page 0's instance stops
 * right after its Nth reading of the page records while page 1's instance runs to its end, then
 * goes on. Whatever the pause point, the sweep ends {@code committed}: a page that read the records
 * before the other's commit never leaves {@code running} as the last word. The timeout only guards
 * against a hang.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SweepLastPagesRaceTest {
  private static final String PAGES = "/pages/";

  @TempDir Path root;

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void sweep_lastPagesCommitTogether_statusEndsCommitted(int pauseAfterReading) throws Exception {
    SweepScenario scenario = SweepTest.scenario(root, "race", 0, 2);
    for (int n = 0; n < 4; n++) {
      byte[] content = DemoKms.encrypt(DemoKms.AES, "p" + n).getBytes(StandardCharsets.UTF_8);
      scenario.store.write(SweepScenario.BUCKET, "x/" + n, Map.of(), out -> out.write(content));
    }
    SweepRequest request =
        new SweepRequest(
            SweepScenario.BUCKET,
            "x/",
            DemoKms.SM4,
            "SYMMETRIC_DEFAULT",
            List.of(),
            null,
            null,
            false);
    JobStatus started = scenario.sweeps().start(request, 2);
    CountDownLatch paused = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    ObjectStore pausing = pausingAfterReading(scenario.store, pauseAfterReading, paused, resume);

    CompletableFuture<RecordSummary> first =
        CompletableFuture.supplyAsync(
            () -> scenario.useCase(pausing, () -> 600_000).process(page(started, 0)));
    CompletableFuture.anyOf(first, CompletableFuture.runAsync(() -> await(paused))).join();
    RecordSummary last = scenario.useCase(scenario.store, () -> 600_000).process(page(started, 1));
    resume.countDown();
    first.join();

    assertTrue(paused.getCount() == 0, "page 0 never read the records " + pauseAfterReading + "x");
    assertTrue(!last.isFailed(), last.toString());
    JobStatus status = scenario.status(started.jobId());
    assertEquals(JobStatus.COMMITTED, status.state());
    assertEquals(2, status.partsDone());
    assertEquals(4, status.objects().processed());
  }

  private static ObjectEvent page(JobStatus started, int index) {
    String key =
        String.format(
            "%sjobs/%s/pages/p%06d.json", SweepScenario.WORK_PREFIX, started.jobId(), index);
    return new ObjectEvent(SweepScenario.BUCKET, key, null, "ObjectCreated:Put");
  }

  /** The store, pausing its caller right after the Nth listing of a sweep's page records. */
  private static ObjectStore pausingAfterReading(
      ObjectStore store, int readings, CountDownLatch paused, CountDownLatch resume) {
    AtomicInteger seen = new AtomicInteger();
    return new ForwardingObjectStore(store) {
      @Override
      public ListPage list(String bucket, String prefix, String marker, int maxKeys)
          throws ObjectStoreException {
        ListPage page = super.list(bucket, prefix, marker, maxKeys);
        if (prefix.endsWith(PAGES) && seen.incrementAndGet() == readings) {
          paused.countDown();
          await(resume);
        }
        return page;
      }
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

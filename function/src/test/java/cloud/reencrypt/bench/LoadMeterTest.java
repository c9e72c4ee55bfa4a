package cloud.reencrypt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The load meter's bookkeeping: which rows it measures, on how many threads, which get targets.
 * Rates and latencies are real wall-clock measurements, so they are checked for shape, not value.
 */
class LoadMeterTest {
  private final AtomicLong calls = new AtomicLong();
  private final Set<String> threads = ConcurrentHashMap.newKeySet();

  private Workload counting() {
    return () -> {
      calls.incrementAndGet();
      threads.add(Thread.currentThread().getName());
      return Boolean.TRUE;
    };
  }

  @Test
  void measureAll_eachCaseAtEachClientCount_targetsOnlyTheTargetRowOfATargetedCase()
      throws Exception {
    LoadSuite suite = suite(List.of(1, 3));
    List<BenchCase> cases =
        List.of(
            BenchCase.against("targeted", counting(), "floor", counting(), 0.5),
            BenchCase.alone("alone", counting()));
    List<String> steps = new ArrayList<>();

    List<LoadResult> results =
        new LoadMeter(
                new MeterSettings(Duration.ofMillis(2), Duration.ofMillis(2), 3, CostClock.WALL),
                suite)
            .measureAll(cases, steps::add);

    assertEquals(4, results.size());
    assertEquals(List.of(1, 3, 1, 3), results.stream().map(LoadResult::clients).toList());
    assertEquals(
        List.of(false, true, false, false), results.stream().map(LoadResult::targeted).toList());
    assertEquals(100, results.get(1).minOpsPerSecond());
    assertEquals(0, results.get(0).minOpsPerSecond());
    LoadResult targeted = results.get(1);
    assertTrue(targeted.subject().opsPerSecond() > 0);
    assertTrue(targeted.subject().p50Millis() <= targeted.subject().p99Millis());
    assertFalse(Double.isNaN(targeted.ratio()));
    assertNull(results.get(3).baseline());
    assertTrue(Double.isNaN(results.get(3).ratio()));
    assertEquals(3, threads.size(), "three clients ran on three threads");
    assertTrue(steps.contains("measuring targeted, 3 clients"));
  }

  @Test
  void measureAll_batchedCase_oneRowAtTheTargetCountOnItsOwnClientsCountingItsUnits()
      throws Exception {
    LoadSuite suite = suite(List.of(1, 3));
    AtomicLong running = new AtomicLong();
    AtomicLong most = new AtomicLong();
    Workload manifest =
        () -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          Thread.sleep(1);
          running.decrementAndGet();
          return Boolean.TRUE;
        };
    BenchCase batched = BenchCase.batched("manifest", manifest, 1000, 1, "floor", counting());

    List<LoadResult> results =
        new LoadMeter(
                new MeterSettings(Duration.ofMillis(2), Duration.ofMillis(20), 3, CostClock.WALL),
                suite)
            .measureAll(List.of(batched), step -> {});

    assertEquals(List.of(3), results.stream().map(LoadResult::clients).toList());
    assertEquals(1, most.get(), "the subject ran on its own single client");
    // At most one run a millisecond on one client: more than 1,000 ops/s only through the units.
    assertTrue(results.get(0).subject().opsPerSecond() > 1000, results.get(0).toString());
  }

  @Test
  void meetsTargets_needsBothTheRatioAndTheFloor() {
    BenchCase c = BenchCase.against("c", counting(), "b", counting(), 0.7);
    LoadResult.Rate fast = new LoadResult.Rate(3_000, 1, 2);
    LoadResult.Rate slow = new LoadResult.Rate(1_000, 1, 2);
    assertTrue(new LoadResult(c, 16, fast, fast, 0.8, true, 2_000).meetsTargets());
    assertFalse(new LoadResult(c, 16, fast, fast, 0.6, true, 2_000).meetsTargets());
    assertFalse(new LoadResult(c, 16, slow, fast, 0.8, true, 2_000).meetsTargets());
  }

  @Test
  void markdown_targetedRow_showsBothTargetsAndTheVerdict() {
    BenchCase c = BenchCase.against("sym", counting(), "floor", counting(), 0.7);
    String table =
        LoadTable.markdown(
            List.of(
                new LoadResult(
                    c,
                    16,
                    new LoadResult.Rate(2_500, 1.5, 6.25),
                    new LoadResult.Rate(3_000, 1.25, 5),
                    0.83,
                    true,
                    2_000)));
    assertTrue(
        table.contains(
            "| sym | 16 | 2,500 | 1.50 | 6.25 | floor | 3,000 | 1.25 | 5.00 | 83 % |"
                + " ≥ 70 %, ≥ 2,000 req/s | yes |"),
        table);
  }

  private static LoadSuite suite(List<Integer> clients) {
    return new LoadSuite() {
      @Override
      public List<Integer> clients() {
        return clients;
      }

      @Override
      public int targetClients() {
        return clients.get(clients.size() - 1);
      }

      @Override
      public double minOpsPerSecond() {
        return 100;
      }

      @Override
      public String name() {
        return "test";
      }

      @Override
      public String summary() {
        return "test";
      }

      @Override
      public List<BenchCase> prepare(Path workDir) {
        return List.of();
      }

      @Override
      public void close() {}
    };
  }
}

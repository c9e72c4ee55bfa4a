package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.store.ForwardingObjectStore;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Equal sweeps started at the same moment are one sweep: every start answers the same id and one
 * plan is written; different sweeps started at once never run more than the cap. The timeout only
 * guards against a hang.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SweepStartRaceTest {
  @TempDir Path root;

  @Test
  void start_twoEqualStartsSeeEachOthersClaim_oneSweepForBoth() throws Exception {
    SweepScenario scenario = SweepTest.scenario(root, "claims", 20, 10);
    // Both starts list the claims only once both claims are written: both must give way once.
    CyclicBarrier bothClaimed = new CyclicBarrier(2);
    ThreadLocal<int[]> listings = ThreadLocal.withInitial(() -> new int[1]);
    ObjectStore store =
        beforeListingClaims(
            scenario.store,
            () -> {
              if (++listings.get()[0] == 2) {
                bothClaimed.await(1, TimeUnit.MINUTES);
              }
            });

    Set<String> ids = startAtOnce(scenario, store, 2);

    assertEquals(1, ids.size(), ids.toString());
    assertEquals(1, plans(scenario), "plans written");
  }

  @Test
  void start_manyEqualStartsAtOnce_oneSweepForAll() throws Exception {
    for (int round = 0; round < 3; round++) {
      SweepScenario scenario = SweepTest.scenario(root, "many" + round, 20, 10);

      Set<String> ids = startAtOnce(scenario, scenario.store, 6);

      assertEquals(1, ids.size(), "round " + round + ": " + ids);
      assertEquals(1, plans(scenario), "round " + round + ": plans written");
    }
  }

  @Test
  void start_differentSweepsAtOnceAtTheCap_neverMoreRunningThanTheCap() throws Exception {
    for (int round = 0; round < 3; round++) {
      SweepScenario scenario = SweepTest.scenario(root, "cap" + round, 20, 10);
      SweepStart sweeps = new SweepStart(scenario.store, scenario.settings(), Clock.systemUTC());
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Boolean>> racers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        SweepRequest request = prefixed(SweepScenario.PREFIXES.get(i % 4) + i);
        racers.add(CompletableFuture.supplyAsync(() -> startedOrAtCap(sweeps, request, go)));
      }
      go.countDown();

      long started = racers.stream().filter(CompletableFuture::join).count();
      assertTrue(started >= 1 && started <= 2, "round " + round + ": " + started + " started");
      assertEquals(started, plans(scenario), "round " + round + ": plans written");
    }
  }

  private static SweepRequest prefixed(String prefix) {
    SweepRequest all = SweepScenario.request(false);
    return new SweepRequest(
        all.bucket(),
        prefix,
        all.destinationKeyId(),
        all.destinationAlgorithm(),
        all.sourceKeyIds(),
        null,
        null,
        false);
  }

  /** Whether the start started a sweep; false when refused at the cap of two. */
  private static boolean startedOrAtCap(
      SweepStart sweeps, SweepRequest request, CountDownLatch go) {
    try {
      go.await();
      sweeps.start(request, 10, 2);
      return true;
    } catch (KmsException e) {
      assertEquals(409, e.httpStatus(), e.getMessage());
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void start_equalStartDiedAfterItsClaim_blocksOnlyWhileTheClaimIsYoung() throws Exception {
    SweepScenario scenario = SweepTest.scenario(root, "died", 20, 10);
    Instant claimed = Instant.parse("2026-12-04T12:00:00Z");
    WorkLocation work = new WorkLocation(SweepScenario.BUCKET, SweepScenario.WORK_PREFIX);
    String dead = JobId.forSweep();
    new SweepIndex(scenario.store, work, Clock.fixed(claimed, ZoneOffset.UTC))
        .claim(SweepScenario.request(false), dead, Integer.MAX_VALUE);

    KmsException young =
        assertThrows(KmsException.class, () -> startAt(scenario, claimed.plusSeconds(5)));
    JobStatus later = startAt(scenario, claimed.plus(SweepIndex.STARTING).plusSeconds(1));

    assertEquals(409, young.httpStatus());
    assertNotEquals(dead, later.jobId());
    assertEquals(1, plans(scenario));
  }

  private static JobStatus startAt(SweepScenario scenario, Instant now) throws Exception {
    return new SweepStart(scenario.store, scenario.settings(), Clock.fixed(now, ZoneOffset.UTC))
        .start(SweepScenario.request(false), 10);
  }

  private static Set<String> startAtOnce(SweepScenario scenario, ObjectStore store, int starts) {
    SweepStart sweeps = new SweepStart(store, scenario.settings(), Clock.systemUTC());
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<JobStatus>> racers = new ArrayList<>();
    for (int i = 0; i < starts; i++) {
      racers.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                  return sweeps.start(SweepScenario.request(false), 10);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    go.countDown();
    return racers.stream().map(r -> r.join().jobId()).collect(Collectors.toSet());
  }

  private static long plans(SweepScenario scenario) throws Exception {
    String jobs = SweepScenario.WORK_PREFIX + "jobs/";
    return scenario.store.list(SweepScenario.BUCKET, jobs, null, 1000).objects().stream()
        .map(ObjectInfo::key)
        .filter(key -> key.endsWith("/plan.json"))
        .count();
  }

  /** Runs before each listing of a request's claims. */
  @FunctionalInterface
  private interface Hook {
    void run() throws Exception;
  }

  private static ObjectStore beforeListingClaims(ObjectStore store, Hook hook) {
    return new ForwardingObjectStore(store) {
      @Override
      public ListPage list(String bucket, String prefix, String marker, int maxKeys)
          throws ObjectStoreException {
        if (prefix.contains("/sweeps/")) {
          try {
            hook.run();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        return super.list(bucket, prefix, marker, maxKeys);
      }
    };
  }
}

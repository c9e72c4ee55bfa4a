package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.obs.ObsObjectStore;
import cloud.reencrypt.testing.ChainStore.CrashPlan;
import cloud.reencrypt.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sweep on the store a deployment meets: the OBS store through Huawei's SDK against S3Proxy, so
 * listing pages (marker paging), heads, ranged reads and writes are real HTTP.
 */
@Timeout(900) // a hang guard only
class SweepOnObsTest {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  @Test
  void sweep_twoThousandMixedObjectsOnObs_reEncryptsEligibleOnceThenSkipsAll() throws Exception {
    S3.createBucket(SweepScenario.BUCKET);
    ObjectStore store = ObsObjectStore.connect(S3.endpoint(), S3.credentials());
    SweepScenario scenario = new SweepScenario(store, 2_000, SweepStart.PAGE_SIZE);
    scenario.fill();

    JobStatus first =
        SweepTest.sweep(scenario, scenario.chain(() -> 600_000), invocation -> CrashPlan.NONE);

    scenario.assertSweptOnce(first);
    scenario.assertOutputs();
    JobStatus second =
        SweepTest.sweep(scenario, scenario.chain(() -> 600_000), invocation -> CrashPlan.NONE);
    assertNotEquals(first.jobId(), second.jobId());
    scenario.assertSweptAgain(second);
  }
}

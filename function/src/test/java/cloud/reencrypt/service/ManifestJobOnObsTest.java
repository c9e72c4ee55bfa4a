package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.server.ServeStats;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.store.obs.ObsObjectStore;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.LocalKmsServer;
import cloud.reencrypt.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifest jobs on the real parts a deployment meets: the OBS store against S3Proxy (ranged reads,
 * listing, deletes, compose), and the cloud engine through Huawei's SDK against {@code serve
 * --max-tps 50}, the account's quota, with the deployment's budget set to it.
 */
@Timeout(600) // a hang guard only
class ManifestJobOnObsTest {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  @TempDir Path root;

  @Test
  void job_onObs_fansOutAndAssemblesEveryLineOnceInOrder() throws Exception {
    ObjectStore store = ObsObjectStore.connect(S3.endpoint(), S3.credentials());
    JobScenario job = new JobScenario(store, S3.createBucket(), DemoKms.engine(), 300, 2048, 9_000);
    ObjectEvent event = job.upload();

    List<RecordSummary> summaries = job.chain().run(event);

    job.assertCommitted();
    assertTrue(summaries.stream().anyMatch(s -> s.key().contains("/ranges/")), "fanned out");
    assertTrue(summaries.stream().noneMatch(RecordSummary::isFailed), summaries.toString());
  }

  @Test
  void job_cloudEngineAgainstServeMaxTps50_finishesEveryLineWithinTheQuota() throws Exception {
    Files.createDirectories(root.resolve("jobs"));
    ObjectStore store = ObjectStores.directory(root);
    try (LocalKmsServer kms = LocalKmsServer.start(Clock.systemUTC(), 50)) {
      JobScenario job =
          new JobScenario(
              store, "jobs", kms.cloudEngine(Map.of("KMS_TOTAL_TPS", "50")), 300, 2048, 1 << 20);
      job.concurrency = 16;
      ObjectEvent event = job.upload();

      job.chain().run(event);

      job.assertCommitted();
      ServeStats stats = kms.stats();
      assertTrue(stats.peakAnswered() <= 50, "peak " + stats.peakAnswered());
      assertEquals(
          300 - job.errorLines() + 0, stats.answered() - 0, "one answered call per good line");
    }
  }
}

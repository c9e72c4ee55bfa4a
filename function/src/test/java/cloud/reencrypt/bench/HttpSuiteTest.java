package cloud.reencrypt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's workloads work through the SDK against its server; timing is the meter's job. */
class HttpSuiteTest {
  @TempDir Path workDir;

  @Test
  void prepare_reEncryptManifestAndSlowlorisCases_runThroughTheSdkAgainstServeUntilClosed()
      throws Exception {
    HttpSuite suite = new HttpSuite();
    List<BenchCase> cases = suite.prepare(workDir);

    assertEquals(4, cases.size());
    for (BenchCase benchCase : cases.subList(0, 2)) {
      ReEncryptResponse response = (ReEncryptResponse) benchCase.subject().run();
      assertNotNull(response.cipherText(), benchCase.label());
      assertEquals(Boolean.TRUE, benchCase.baseline().run(), benchCase.label());
    }
    assertEquals(0.70, cases.get(0).targetRatio());
    assertTrue(Double.isNaN(cases.get(1).targetRatio()));
    BenchCase manifest = cases.get(2);
    ManifestCounts counts = (ManifestCounts) manifest.subject().run();
    assertEquals(manifest.units(), counts.succeeded());
    assertEquals(1, manifest.subjectClients());
    BenchCase slowloris = cases.get(3);
    assertEquals(Boolean.TRUE, slowloris.subject().run(), slowloris.label());
    assertEquals(Boolean.TRUE, slowloris.baseline().run(), slowloris.label());
    assertEquals(List.of(1, 4, 16), suite.clients());
    assertEquals(16, suite.targetClients());
    assertEquals(2_000, suite.minOpsPerSecond());

    suite.close();
    for (BenchCase benchCase : List.of(cases.get(0), slowloris)) {
      KmsException stopped = assertThrows(KmsException.class, () -> benchCase.subject().run());
      assertEquals(503, stopped.httpStatus(), benchCase.label());
    }
  }
}

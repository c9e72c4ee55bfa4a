package cloud.reencrypt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cloud.reencrypt.kms.ReEncryptResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's workloads work (each runs once here); timing them is the bench command's job. */
class EngineSuiteTest {
  @TempDir Path workDir;

  @Test
  void prepare_fourReEncryptionCases_eachWorkloadRunsAndTheEngineAnswers() throws Exception {
    List<BenchCase> cases = new EngineSuite().prepare(workDir);

    assertEquals(4, cases.size());
    for (BenchCase benchCase : cases) {
      ReEncryptResponse response = (ReEncryptResponse) benchCase.subject().run();
      assertNotNull(response.cipherText(), benchCase.label());
      assertNotNull(benchCase.baseline().run(), benchCase.label());
    }
    assertEquals(List.of(0.6, 0.6, 0.9, 0.9), cases.stream().map(BenchCase::targetRatio).toList());
  }
}

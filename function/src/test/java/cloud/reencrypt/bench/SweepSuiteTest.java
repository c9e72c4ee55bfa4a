package cloud.reencrypt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench sweep}'s workloads on a small bucket, as real processes: each side re-encrypts every
 * object (or the workload throws), and a second run finds the outputs removed and does it again.
 * The timeout only guards against a hang.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SweepSuiteTest {
  private static final int OBJECTS = 12;

  @TempDir Path workDir;

  @Test
  void workloads_smallBucket_eachSideProcessesEveryObjectEveryRun() throws Exception {
    List<BenchCase> cases = new SweepSuite(Main.class.getName(), OBJECTS).prepare(workDir);

    assertEquals(2, cases.size());
    for (BenchCase benchCase : cases) {
      for (Workload side : List.of(benchCase.subject(), benchCase.baseline())) {
        for (int run = 0; run < 2; run++) {
          ChildJvm.Cost cost = (ChildJvm.Cost) side.run();
          assertEquals(OBJECTS, cost.operations(), benchCase.label());
        }
      }
    }
    assertEquals(OBJECTS, outputs(), "outputs of the last run");
    assertTrue(cases.get(1).label().startsWith("sweep --workers 2"), cases.get(1).label());
  }

  private long outputs() throws Exception {
    Path outputs = workDir.resolve("objects").resolve(JobFixture.BUCKET).resolve("reencrypted");
    try (Stream<Path> files = Files.walk(outputs)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}

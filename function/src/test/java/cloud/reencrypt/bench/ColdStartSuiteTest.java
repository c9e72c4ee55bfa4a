package cloud.reencrypt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.cli.Main;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench coldstart}'s whole-process cases, each side run once as a real process: every invoke
 * answers (APIG 200, the OBS object processed), the bare SDK program gets a ciphertext from {@code
 * serve}, and the floor prints its line. A side that fails throws. The timeout only guards against
 * a hang.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ColdStartSuiteTest {
  @TempDir Path workDir;

  @Test
  void prepare_everyCase_bothSidesRunAndAnswer() throws Exception {
    ColdStartSuite suite = new ColdStartSuite(Main.class.getName(), false);
    try {
      List<BenchCase> cases = suite.prepare(workDir);

      assertEquals(4, cases.size());
      for (BenchCase benchCase : cases) {
        String subject = stdout(benchCase.subject());
        String expected = benchCase.label().contains("OBS") ? "\"processed\"" : "\"statusCode\"";
        assertTrue(subject.contains(expected), benchCase.label() + ": " + subject);
        assertTrue(subject.contains(benchCase.label().contains("OBS") ? "1" : "200"), subject);
        String baseline = stdout(benchCase.baseline()).strip();
        assertTrue(
            baseline.equals("{}") || Integer.parseInt(baseline) > 100,
            benchCase.baselineLabel() + ": " + baseline);
      }
      BenchCase againstSdk = cases.get(2);
      assertTrue(againstSdk.baselineLabel().startsWith("bare SDK program"));
      assertTrue(Double.isNaN(againstSdk.targetRatio()));
    } finally {
      suite.close();
    }
  }

  private static String stdout(Workload side) throws Exception {
    return ((ChildJvm.Cost) side.run()).stdout();
  }
}

package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench command's argument handling; the benchmark itself never runs in the test suite. */
class BenchCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void bench_help_listsEngineSuiteAndOptions() {
    assertEquals(0, run("bench", "--help"));
    String usage = out.toString(StandardCharsets.UTF_8);
    assertTrue(usage.contains("engine"), usage);
    assertTrue(usage.contains("--clock cpu|wall"), usage);
  }

  @Test
  void bench_noSuite_isUsageError() {
    assertEquals(2, run("bench"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("name a suite"));
  }

  @Test
  void bench_unknownSuiteOrBadOption_isUsageError() {
    assertEquals(2, run("bench", "nosuch"));
    assertEquals(2, run("bench", "engine", "--round", "fast"));
    assertEquals(2, run("bench", "engine", "--rounds", "0"));
    assertEquals(2, run("bench", "engine", "--clock", "sundial"));
    assertEquals(2, run("bench", "engine", "--warmup"));
    String errors = err.toString(StandardCharsets.UTF_8);
    assertTrue(errors.contains("unknown suite nosuch"), errors);
    assertTrue(errors.contains("--clock must be cpu or wall"), errors);
  }
}

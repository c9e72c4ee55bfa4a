package cloud.reencrypt.bench;

import java.util.List;
import java.util.Optional;

/** Every suite {@code bench} knows; add a new suite here. */
public final class BenchSuites {
  private BenchSuites() {}

  /**
   * @param toolMain the main class of the tool whose subcommands the whole-process suites time
   *     ({@code invoke}); the caller names it, so that this package depends on no command-line code
   */
  public static List<BenchSuite> all(String toolMain) {
    return List.of(
        new EngineSuite(),
        new ColdStartSuite(toolMain, true),
        new ManifestSuite(toolMain),
        new SweepSuite(toolMain),
        new HttpSuite());
  }

  public static Optional<BenchSuite> named(String toolMain, String name) {
    return all(toolMain).stream().filter(s -> s.name().equals(name)).findFirst();
  }
}

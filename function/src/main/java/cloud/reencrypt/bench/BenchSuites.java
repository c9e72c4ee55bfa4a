package cloud.reencrypt.bench;

import java.util.List;
import java.util.Optional;

/** Every suite {@code bench} knows; add a new suite here. */
public final class BenchSuites {
  private static final List<BenchSuite> ALL =
      List.of(new EngineSuite(), new ColdStartSuite(), new ManifestSuite(), new HttpSuite());

  private BenchSuites() {}

  public static List<BenchSuite> all() {
    return ALL;
  }

  public static Optional<BenchSuite> named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}

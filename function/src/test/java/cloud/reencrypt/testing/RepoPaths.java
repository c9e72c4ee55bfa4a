package cloud.reencrypt.testing;

import java.nio.file.Path;

/** Paths in the repository, for tests that use the committed fixtures and the packaged jar. */
public final class RepoPaths {
  private RepoPaths() {}

  /** The repository root (surefire sets {@code reencrypt.repo.root}; otherwise the parent dir). */
  public static Path root() {
    return Path.of(System.getProperty("reencrypt.repo.root", "..")).toAbsolutePath().normalize();
  }

  public static Path events() {
    return root().resolve("events");
  }

  public static Path demoKeystore() {
    return events().resolve("keystore.json");
  }
}

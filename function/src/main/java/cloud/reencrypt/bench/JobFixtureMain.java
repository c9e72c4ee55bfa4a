package cloud.reencrypt.bench;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.wiring.LocalKms;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code bench manifest}'s job into a directory and keeps it, for measurements run by hand
 * on it (docs/measure-resume.py): {@code DIR/keystore.json} with one AES_256 key, whose ID goes to
 * {@code DIR/key}, the 1,000,000-line manifest in the directory store {@code DIR/objects}, and its
 * OBS event {@code DIR/obs-event.json}.
 */
public final class JobFixtureMain {
  private JobFixtureMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: JobFixtureMain DIR");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    KmsEngine engine = LocalKms.engine(dir.resolve("keystore.json"));
    String key = EngineSuite.createKey(engine, "AES_256", "bench-manifest");
    JobFixture.write(dir, engine, key);
    Files.writeString(dir.resolve("key"), key);
    System.out.println(dir);
  }
}

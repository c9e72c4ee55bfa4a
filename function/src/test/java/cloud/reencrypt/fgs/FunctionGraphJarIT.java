package cloud.reencrypt.fgs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.obs.ObsObjectStore;
import cloud.reencrypt.testing.EventFixture;
import cloud.reencrypt.testing.EventFixtures;
import cloud.reencrypt.testing.FixtureAssertions;
import cloud.reencrypt.testing.FixtureObjects;
import cloud.reencrypt.testing.GsonRuntime;
import cloud.reencrypt.testing.GsonRuntimeMain;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.RepoPaths;
import cloud.reencrypt.testing.S3ProxyServer;
import com.google.gson.Gson;
import com.huawei.services.runtime.Context;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every committed event against {@code reencrypt-function-fgs.jar} as FunctionGraph would run it: a
 * child JVM whose classpath is that jar, the runtime stand-in (which the platform supplies), Gson
 * and the runtime emulator, nothing else; each handler loaded by its handler string and called by
 * the runtime's convention ({@link GsonRuntime}). A class the package left out but a handler loads
 * fails its fixture. OBS events read and write a real S3-protocol server (S3Proxy), through the OBS
 * SDK inside the jar. Runs after {@code package} (surefire's integration-test execution).
 */
class FunctionGraphJarIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  private static final String BUCKET = "demo-bucket";

  @TempDir static Path standIn;
  private static Process child;
  private static PrintStream requests;
  private static BufferedReader answers;

  @BeforeAll
  static void startInstance() throws Exception {
    S3.createBucket(BUCKET);
    Path jar = RepoPaths.root().resolve("function/target/reencrypt-function-fgs.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is built by package");
    copyClasses(codeSource(Context.class), "com/huawei/services/runtime");
    copyClasses(codeSource(GsonRuntimeMain.class), "cloud/reencrypt/testing/GsonRuntime");
    copyClasses(codeSource(GsonRuntimeMain.class), "cloud/reencrypt/testing/EnvironmentContext");
    String classpath =
        String.join(
            File.pathSeparator,
            jar.toString(),
            standIn.toString(),
            codeSource(Gson.class).toString());
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            classpath,
            GsonRuntimeMain.class.getName());
    environment(builder.environment());
    child = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
    requests = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
    answers =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stopInstance() throws Exception {
    if (child != null) {
      requests.close();
      child.waitFor();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EventFixtures
  void functionGraphPackage_committedEvent_returnsExpected(EventFixture fixture) throws Exception {
    try (ObjectStore store = ObsObjectStore.connect(S3.endpoint(), S3.credentials())) {
      boolean apig = FixtureAssertions.isApig(fixture);
      if (!apig) {
        resetBucket(store);
      }
      String handler = "cloud.reencrypt.fgs." + (apig ? "ApigHandler" : "ObsHandler");
      requests.println(handler + ".handleRequest\t" + fixture.file().toAbsolutePath());
      String answer = answers.readLine();
      assertTrue(answer != null && answer.startsWith("OK "), fixture.name() + ": " + answer);
      String[] parts = answer.split(" ", 3);
      String json = new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8);
      FixtureAssertions.assertResult(fixture, JacksonOracle.read(json), parts[1], store);
    }
  }

  /** The platform's process: our configuration, none of FunctionGraph's markers. */
  private static void environment(Map<String, String> environment) {
    environment.keySet().removeIf(name -> name.startsWith("RUNTIME_"));
    environment.put("REENCRYPT_KEYSTORE", RepoPaths.demoKeystore().toString());
    environment.put("OBS_ENDPOINT", S3.endpoint());
    environment.put("OBS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
    environment.put("OBS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
  }

  /** Every fixture starts from the committed sample objects and no outputs. */
  private static void resetBucket(ObjectStore store) throws Exception {
    S3.clear(BUCKET);
    for (FixtureObjects.SampleObject object : FixtureObjects.all()) {
      store.write(object.bucket(), object.key(), Map.of(), out -> Files.copy(object.file(), out));
    }
  }

  private static Path codeSource(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Copies the class files under a root whose path starts with the prefix. */
  private static void copyClasses(Path root, String prefix) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> root.relativize(f).toString().replace('\\', '/').startsWith(prefix))
              .toList();
    }
    for (Path file : files) {
      Path target = standIn.resolve(root.relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.copy(file, target);
    }
  }
}

package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.local.DemoKeys;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sweep}'s arguments: each is checked before the sweep starts, so a bad one exits 2 and
 * leaves no job in the work location; the destination defaults as for the OBS handler. The timeout
 * only guards against a hang.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SweepArgumentsTest {
  private static final String BUCKET = "data";

  @TempDir Path objects;

  @BeforeEach
  void ciphertexts() throws Exception {
    Files.createDirectories(objects.resolve(BUCKET));
    try (ObjectStore store = ObjectStores.directory(objects)) {
      for (int n = 0; n < 3; n++) {
        byte[] content = DemoKms.encrypt(DemoKms.SM4, "p" + n).getBytes(StandardCharsets.UTF_8);
        store.write(BUCKET, "in/" + n, Map.of(), out -> out.write(content));
      }
    }
  }

  /** Bad arguments, each with what its one error line says. */
  static Stream<Arguments> badArguments() {
    String longPrefix = "p".repeat(1025);
    return Stream.of(
        Arguments.of(List.of("--workers", "99"), "--workers must be a whole number from 1 to 64"),
        Arguments.of(List.of("--worker-heap", "zz"), "--worker-heap must be a size such as 128m"),
        Arguments.of(List.of("--destination-key-id", "bogus"), "'bogus' is not a KMS key ID"),
        Arguments.of(List.of("--source-key-id", DemoKms.AES + ",x"), "'x' is not a KMS key ID"),
        Arguments.of(List.of("--bucket", "../etc"), "invalid bucket name '../etc'"),
        Arguments.of(List.of("--prefix", longPrefix), "longer than 1024 bytes"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void sweep_badArgument_exits2WithOneLineAndWritesNothing(List<String> bad, String message)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("sweep", "--objects", objects.toString()));
    if (!bad.contains("--bucket")) {
      args.addAll(List.of("--bucket", BUCKET));
    }
    if (!bad.contains("--destination-key-id")) {
      args.addAll(List.of("--destination-key-id", DemoKms.AES));
    }
    args.addAll(bad);
    List<Path> before = tree(objects);

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertEquals(2, run.status(), run.err());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertEquals(before, tree(objects));
  }

  @Test
  void sweep_noDestinationOnTheDemoKeystore_sweepsIntoTheDemoAesKey() throws Exception {
    Map<String, String> env = Map.of("DESTINATION_KEY_ID", "", "REENCRYPT_ENGINE", "");
    List<String> args =
        List.of("sweep", "--bucket", BUCKET, "--objects", objects.toString(), "--dry-run");

    JsonNode status;
    try (FollowProcess run = FollowProcess.command(env, args)) {
      assertEquals(0, run.waitFor(), run.err());
      status = run.report();
    }

    assertEquals(3, status.get("objects").get("processed").asLong(), status.toString());
    Path plan =
        objects.resolve(BUCKET).resolve(".reencrypt-work/jobs/" + status.get("job_id").asText());
    JsonNode request = JacksonOracle.read(Files.readString(plan.resolve("plan.json")));
    assertEquals(DemoKeys.AES_256, request.get("request").get("destination_key_id").asText());
  }

  @Test
  void sweep_withoutObjectsOrEndpoint_exits1HintingAtObjects() throws Exception {
    Map<String, String> env = Map.of("OBS_ENDPOINT", "");
    List<String> args = List.of("sweep", "--bucket", BUCKET, "--destination-key-id", DemoKms.AES);

    try (FollowProcess run = FollowProcess.command(env, args)) {
      assertEquals(1, run.waitFor(), run.err());
      assertTrue(run.err().contains("OBS_ENDPOINT is required"), run.err());
      assertTrue(run.err().contains("(or give --objects DIR)"), run.err());
      assertFalse(run.err().contains("invoke"), run.err());
    }
  }

  /** Every file and directory under {@code root}: a job would add its work location's. */
  private static List<Path> tree(Path root) throws Exception {
    try (Stream<Path> entries = Files.walk(root)) {
      return entries.sorted().toList();
    }
  }
}

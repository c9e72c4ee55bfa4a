package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.local.DemoKeys;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.store.obs.ObsObjectStore;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.S3ProxyServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep} end to end: the driver and its workers as real processes on a directory store, then
 * {@code status --job}. The timeout only guards against a hang.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SweepCommandTest {
  private static final String BUCKET = "data";

  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  @TempDir Path dir;

  /**
   * {@code sweep} of bucket {@value #BUCKET} in the directory store, into SM4, with more options.
   */
  private static List<String> sweepInto(Path objects, String... more) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "sweep",
            "--bucket",
            BUCKET,
            "--objects",
            objects.toString(),
            "--destination-key-id",
            DemoKms.SM4));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void sweep_bucketOfCiphertexts_runsToItsEndAndStatusAgrees() throws Exception {
    Path objects = Files.createDirectories(dir.resolve("objects").resolve("data")).getParent();
    try (ObjectStore store = ObjectStores.directory(objects)) {
      for (int n = 0; n < 30; n++) {
        byte[] content =
            (n % 10 == 9 ? "not a ciphertext" : DemoKms.encrypt(DemoKms.AES, "p" + n))
                .getBytes(StandardCharsets.UTF_8);
        store.write(BUCKET, (n % 2 == 0 ? "a/" : "b/c/") + n, Map.of(), out -> out.write(content));
      }
    }
    List<String> args = sweepInto(objects, "--workers", "2");

    JsonNode status;
    try (FollowProcess run = FollowProcess.command(Map.of(), args)) {
      assertEquals(0, run.waitFor(), run.err());
      status = run.report();
    }

    assertEquals("committed", status.get("state").asText(), status.toString());
    assertEquals("sweep", status.get("kind").asText());
    assertEquals(30, status.get("objects").get("listed").asLong());
    assertEquals(27, status.get("objects").get("processed").asLong());
    assertEquals(3, status.get("objects").get("failed").asLong());
    assertTrue(Files.isRegularFile(objects.resolve("data/reencrypted/a/0")));
    CliRun again =
        CliRun.of(
            "status", "--job", status.get("job_id").asText(), "--objects", objects.toString());
    assertEquals(0, again.status(), again.err());
    assertEquals(status.get("objects"), JacksonOracle.read(again.out()).get("objects"));
  }

  @Test
  void sweep_repeatedSourceKeyId_admitsEveryKeyGivenAndSkipsOthers() throws Exception {
    Path objects = Files.createDirectories(dir.resolve("objects").resolve("data")).getParent();
    List<String> keys = List.of(DemoKms.AES, DemoKms.SM4, DemoKeys.AES_256_CBC_DATAKEY);
    try (ObjectStore store = ObjectStores.directory(objects)) {
      for (int n = 0; n < 12; n++) {
        byte[] content = DemoKms.encrypt(keys.get(n % 3), "p" + n).getBytes(StandardCharsets.UTF_8);
        store.write(BUCKET, "k/" + n, Map.of(), out -> out.write(content));
      }
    }
    List<String> args =
        sweepInto(
            objects, "--source-key-id", DemoKms.AES, "--source-key-id", DemoKms.SM4, "--dry-run");

    JsonNode status;
    try (FollowProcess run = FollowProcess.command(Map.of(), args)) {
      assertEquals(0, run.waitFor(), run.err());
      status = run.report();
    }

    JsonNode counts = status.get("objects");
    assertEquals(8, counts.get("processed").asLong(), status.toString());
    assertEquals(4, counts.get("skipped_by").get("other_source_key").asLong(), status.toString());
  }

  @Test
  void sweep_withoutObjects_sweepsTheBucketOnObsAndStatusFindsIt() throws Exception {
    String bucket = S3.createBucket();
    ObjectStore obs = ObsObjectStore.connect(S3.endpoint(), S3.credentials());
    for (int n = 0; n < 20; n++) {
      byte[] content = DemoKms.encrypt(DemoKms.AES, "p" + n).getBytes(StandardCharsets.UTF_8);
      obs.write(bucket, "in/" + n, Map.of(), out -> out.write(content));
    }
    Map<String, String> env =
        Map.of(
            "OBS_ENDPOINT", S3.endpoint(),
            "OBS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
            "OBS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY,
            "DESTINATION_KEY_ID", DemoKms.SM4);
    List<String> args = List.of("sweep", "--bucket", bucket, "--workers", "2");

    JsonNode status;
    String errors;
    try (FollowProcess run = FollowProcess.command(env, args)) {
      assertEquals(0, run.waitFor(), run.err());
      status = run.report();
      errors = run.err();
    }

    assertEquals("committed", status.get("state").asText(), status.toString());
    assertEquals(20, status.get("objects").get("processed").asLong(), status.toString());
    assertTrue(
        errors.contains("job " + status.get("job_id").asText() + " committed"),
        "progress: " + errors);
    assertTrue(S3.exists(bucket, "reencrypted/in/19"));
    Map<String, String> statusEnv = new HashMap<>(env);
    statusEnv.put("WORK_BUCKET", bucket);
    try (FollowProcess again =
        FollowProcess.command(
            statusEnv, List.of("status", "--job", status.get("job_id").asText()))) {
      assertEquals(0, again.waitFor(), again.err());
      assertEquals(status.get("objects"), again.report().get("objects"));
    }
  }
}

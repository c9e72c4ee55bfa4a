package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status --job ID --objects DIR}: finds a job's status in any bucket of the store. */
class StatusCommandTest {
  private static final String ID = "m-0123456789abcdef0123456789abcdef-0011223344556677";

  @TempDir Path dir;

  private void jobStatus(String bucket, String state) throws Exception {
    Files.createDirectories(dir.resolve(bucket));
    byte[] json =
        ("{\"job_id\":\""
                + ID
                + "\",\"kind\":\"manifest\",\"state\":\""
                + state
                + "\","
                + "\"parts_done\":3,\"parts_total\":8}")
            .getBytes(StandardCharsets.UTF_8);
    try (ObjectStore store = ObjectStores.directory(dir)) {
      store.write(
          bucket, ".reencrypt-work/jobs/" + ID + "/status.json", Map.of(), out -> out.write(json));
    }
  }

  @Test
  void status_jobInAnyBucket_printsItsStatus() throws Exception {
    Files.createDirectories(dir.resolve("a-bucket"));
    jobStatus("work", "running");

    CliRun run = CliRun.of("status", "--job", ID, "--objects", dir.toString());

    assertEquals(0, run.status(), run.err());
    JsonNode status = JacksonOracle.read(run.out());
    assertEquals(ID, status.get("job_id").asText());
    assertEquals("running", status.get("state").asText());
    assertEquals(8, status.get("parts_total").asInt());
  }

  @Test
  void status_cancelMarker_showsTheJobCancelled() throws Exception {
    jobStatus("work", "running");
    try (ObjectStore store = ObjectStores.directory(dir)) {
      store.write("work", ".reencrypt-work/jobs/" + ID + "/cancel", Map.of(), out -> {});
    }

    CliRun run = CliRun.of("status", "--job", ID, "--objects", dir.toString());

    assertEquals("cancelled", JacksonOracle.read(run.out()).get("state").asText());
  }

  @Test
  void status_unknownJob_exits1() throws Exception {
    Files.createDirectories(dir.resolve("work"));

    CliRun run = CliRun.of("status", "--job", ID, "--objects", dir.toString());

    assertEquals(1, run.status());
    assertTrue(run.err().contains("no job"), run.err());
  }

  @Test
  void status_notAJobId_exits2() {
    CliRun run = CliRun.of("status", "--job", "../../etc", "--objects", dir.toString());

    assertEquals(2, run.status(), run.err());
  }

  @Test
  void status_withoutObjectsOrEndpoint_exits1HintingAtObjects() throws Exception {
    List<String> args = List.of("status", "--job", ID);

    try (FollowProcess run = FollowProcess.command(Map.of("OBS_ENDPOINT", ""), args)) {
      assertEquals(1, run.waitFor(), run.err());
      assertTrue(run.err().contains("OBS_ENDPOINT is required"), run.err());
      assertTrue(run.err().contains("(or give --objects DIR)"), run.err());
      assertFalse(run.err().contains("invoke"), run.err());
    }
  }
}

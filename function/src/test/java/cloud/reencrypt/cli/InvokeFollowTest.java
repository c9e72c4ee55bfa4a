package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.service.JobStatus;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.FixtureAssertions;
import cloud.reencrypt.testing.FixtureObjects;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.RepoPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code invoke --follow} end to end: the driver and its workers as real processes on a real
 * directory store. The timeout only guards against a hang.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class InvokeFollowTest {
  @TempDir Path dir;

  @Test
  void follow_singleCiphertextEvent_outputDecryptsAndItsOwnEventIsSkipped() throws Exception {
    Path objects = Files.createDirectories(dir.resolve("objects"));
    FixtureObjects.copyTo(objects);
    Path event = RepoPaths.events().resolve("obs/s3-ciphertext.json");

    try (FollowProcess run = FollowProcess.start(event, objects, Map.of())) {
      assertEquals(0, run.waitFor(), run.err());
      JsonNode report = run.report();

      assertTrue(report.get("succeeded").asBoolean(), report.toString());
      JsonNode initial = report.get("initial");
      assertEquals("processed", initial.get("records").get(0).get("status").asText());
      try (ObjectStore store = ObjectStores.directory(objects)) {
        FixtureAssertions.assertOutputs(initial, store);
      }
      assertEquals(1, report.get("events").get("fedBack").asInt(), report.toString());
      assertEquals(2, report.get("events").get("done").asInt(), report.toString());
      assertEquals(1, report.get("records").get("skipped").asInt(), report.toString());
      assertTrue(
          Pattern.compile(
                  "\\(demo-bucket/reencrypted/ciphertexts/aes-data.txt\\) done on worker \\d+ .*:"
                      + " skipped")
              .matcher(run.err())
              .find(),
          run.err());
      assertTrue(run.err().contains("follow: finished: events: 2 done"), run.err());
    }
  }

  @Test
  void follow_jobStatusStopped_exit1WithTheStatusInReportAndProgress() throws Exception {
    Path objects = Files.createDirectories(dir.resolve("objects"));
    FixtureObjects.copyTo(objects);
    JobStatus stopped =
        new JobStatus(
            "job-1",
            "manifest",
            JobStatus.STOPPED,
            "KMS unavailable",
            "demo-bucket",
            "manifests/big.jsonl",
            "e",
            1000L,
            "demo-bucket",
            "reencrypted/manifests/big.jsonl",
            3L,
            10L,
            300L,
            300L,
            0L,
            Map.of(),
            1234.5,
            1L,
            null,
            null,
            null,
            null);
    Path status = objects.resolve("demo-bucket/.reencrypt-work/jobs/job-1/status.json");
    Files.createDirectories(status.getParent());
    Files.writeString(status, JsonMapping.write(stopped));
    Path event = RepoPaths.events().resolve("obs/s3-ciphertext.json");

    try (FollowProcess run = FollowProcess.start(event, objects, Map.of())) {
      assertEquals(1, run.waitFor(), run.err());
      JsonNode report = run.report();

      assertFalse(report.get("succeeded").asBoolean(), report.toString());
      assertEquals(0, report.get("failures").size(), report.toString());
      assertEquals("stopped", report.get("jobs").get(0).get("state").asText(), report.toString());
      assertTrue(run.err().contains("job job-1 stopped 3/10 parts, 1235 lines/s"), run.err());
    }
  }

  @Test
  void follow_twoWorkersAndOutputsInAnotherBucket_fedBackEventsRunOnBothWorkers() throws Exception {
    Path objects = dir.resolve("objects");
    Files.createDirectories(objects.resolve("outputs"));
    List<String> keys = List.of("a.txt", "b.txt", "c.txt");
    for (String key : keys) {
      put(objects, "source", key, DemoKms.encrypt(DemoKms.AES, "fan-in " + key));
    }
    Path manifest = objects.resolve("source/lines.jsonl");
    writeManifest(manifest, 500, DemoKms.encrypt(DemoKms.SM4, "fan-in line"));
    List<String> all = new ArrayList<>(List.of("lines.jsonl"));
    all.addAll(keys);
    Path event = obsEvent(all);

    try (FollowProcess run =
        FollowProcess.start(event, objects, Map.of("OUTPUT_BUCKET", "outputs"), "--workers", "2")) {
      assertEquals(0, run.waitFor(), run.err());
      JsonNode report = run.report();

      assertEquals(4, report.get("initial").get("processed").asInt(), report.toString());
      try (ObjectStore store = ObjectStores.directory(objects)) {
        FixtureAssertions.assertOutputs(report.get("initial"), store);
      }
      assertEquals(4, report.get("events").get("fedBack").asInt(), report.toString());
      assertEquals(5, report.get("events").get("done").asInt(), report.toString());
      assertEquals(4, report.get("records").get("skipped").asInt(), report.toString());
      JsonNode workers = report.get("workers");
      assertEquals(2, workers.size(), report.toString());
      for (JsonNode worker : workers) {
        assertTrue(worker.get("events").asInt() >= 1, report.toString());
      }
      assertNotEquals(workers.get(0).get("pid"), workers.get(1).get("pid"));
      assertTrue(
          Pattern.compile("\\(outputs/reencrypted/[a-z.]+\\) started on worker 2 ")
              .matcher(run.err())
              .find(),
          run.err());
    }
  }

  @Test
  void follow_workerKilledWhileHandlingEvent_eventRedeliveredAndOutputCorrect() throws Exception {
    Path objects = dir.resolve("objects");
    int lines = 30_000;
    writeManifest(
        objects.resolve("source/slow.jsonl"), lines, DemoKms.encrypt(DemoKms.AES, "slow"));
    Path event = obsEvent(List.of("slow.jsonl"));

    try (FollowProcess run = FollowProcess.start(event, objects, Map.of())) {
      Matcher started =
          run.awaitErr(Pattern.compile("event 1 \\(.*\\) started on worker 1 \\(pid (\\d+)\\)"));
      long pid = Long.parseLong(started.group(1));
      ProcessHandle worker =
          run.handle()
              .descendants()
              .filter(handle -> handle.pid() == pid)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no worker process " + pid + run.err()));
      assertTrue(worker.destroyForcibly());
      worker.onExit().get();

      assertEquals(0, run.waitFor(), run.err());
      JsonNode report = run.report();
      assertTrue(run.err().contains("was killed by signal 9 while handling event 1"), run.err());
      assertEquals(1, report.get("events").get("redelivered").asInt(), report.toString());
      assertTrue(report.get("workers").get(0).get("ended").asText().contains("killed"));
      JsonNode record = report.get("initial").get("records").get(0);
      assertEquals("processed", record.get("status").asText(), record.toString());
      assertEquals(lines, record.get("linesSucceeded").asInt(), record.toString());
      assertManifestOutput(objects.resolve("source/reencrypted/slow.jsonl"), lines, "slow");
    }
  }

  @Test
  void follow_jobWorkersKilledAsTheyStartWork_commitsEveryLineOnce() throws Exception {
    Path objects = dir.resolve("objects");
    int lines = 100_000;
    writeManifest(objects.resolve("source/big.jsonl"), lines, DemoKms.encrypt(DemoKms.AES, "big"));
    byte[] source = Files.readAllBytes(objects.resolve("source/big.jsonl"));
    Path event = obsEvent(List.of("big.jsonl"));
    Map<String, String> small = Map.of("PART_BYTES", "262144", "FANOUT_BYTES", "2097152");

    try (FollowProcess run =
        FollowProcess.start(event, objects, small, "--workers", "2", "--retries", "3")) {
      // Each kill lands on a worker just as it starts real work: the first event or a range.
      Pattern working =
          Pattern.compile(
              "\\((?:[^)]*event\\.json|[^)]*/(?:ranges|continue)/[^)]*)\\) started on"
                  + " worker \\d+ \\(pid (\\d+)\\)");
      for (int kill = 0; kill < 3; kill++) {
        long pid = Long.parseLong(run.awaitErr(working).group(1));
        run.handle()
            .descendants()
            .filter(worker -> worker.pid() == pid)
            .forEach(ProcessHandle::destroyForcibly);
      }

      assertEquals(0, run.waitFor(), run.err());
      JsonNode job = run.report().get("jobs").get(0);
      assertEquals("committed", job.get("state").asText(), job.toString());
      assertEquals(lines, job.get("lines_succeeded").asInt(), job.toString());
      assertTrue(run.err().contains("was killed by signal 9 while handling"), run.err());
      assertTrue(run.report().get("events").get("redelivered").asInt() >= 3, run.err());
      assertManifestOutput(objects.resolve("source/reencrypted/big.jsonl"), lines, "big");
      assertArrayEquals(source, Files.readAllBytes(objects.resolve("source/big.jsonl")));
    }
  }

  @Test
  void follow_eventOutlastsRuntimeTimeout_killedRedeliveredThenFailsWithExit1() throws Exception {
    Path objects = dir.resolve("objects");
    writeRsaManifest(objects.resolve("source/slow.jsonl"), 30_000);
    Path event = obsEvent(List.of("slow.jsonl"));

    // 30,000 RSA-2048 private-key operations take well over ten times the 1-s timeout on any
    // machine; the function checks its deadline between parts, not inside one.
    try (FollowProcess run =
        FollowProcess.start(event, objects, Map.of("RUNTIME_TIMEOUT", "1"), "--retries", "1")) {
      assertEquals(1, run.waitFor(), run.err());
      JsonNode report = run.report();

      assertFalse(report.get("succeeded").asBoolean(), report.toString());
      assertTrue(report.get("initial").isNull(), report.toString());
      assertEquals(1, report.get("events").get("redelivered").asInt(), report.toString());
      assertEquals(1, report.get("events").get("failed").asInt(), report.toString());
      JsonNode failure = report.get("failures").get(0);
      assertEquals(2, failure.get("attempts").asInt(), failure.toString());
      assertTrue(
          failure.get("reason").asText().contains("killed after RUNTIME_TIMEOUT (1 s)"),
          failure.toString());
      assertTrue(run.err().contains("failed for good"), run.err());
    }
  }

  /** Lines under the demo RSA key: each costs a private-key decryption. */
  private static void writeRsaManifest(Path file, int lines) throws IOException {
    String cipherText = DemoKms.encrypt(DemoKms.RSA_2048, "slow", null, "RSAES_OAEP_SHA_256");
    Files.createDirectories(file.getParent());
    String line =
        JsonMapping.write(
            Map.of(
                "cipher_text",
                cipherText,
                "source_key_id",
                DemoKms.RSA_2048,
                "source_encryption_algorithm",
                "RSAES_OAEP_SHA_256"));
    Files.writeString(file, (line + "\n").repeat(lines), StandardCharsets.US_ASCII);
  }

  @Test
  void invokeFollow_badArguments_exit2WithOneLine() throws Exception {
    Files.writeString(dir.resolve("e.json"), "{}");
    Files.createDirectories(dir.resolve("objects"));

    CliRun noObjects = invoke("--follow");
    CliRun noWorkers = invoke("--objects", "objects", "--follow", "--workers", "0");
    CliRun notFollowing = invoke("--objects", "objects", "--workers", "2");
    CliRun badHeap = invoke("--objects", "objects", "--follow", "--worker-heap", "lots");

    assertEquals(2, noObjects.status(), noObjects.err());
    assertTrue(noObjects.oneErrorLine(), noObjects.err());
    assertTrue(noObjects.err().contains("--follow needs --objects DIR"), noObjects.err());
    assertEquals(2, noWorkers.status(), noWorkers.err());
    assertTrue(noWorkers.oneErrorLine(), noWorkers.err());
    assertTrue(noWorkers.err().contains("--workers must be a whole number from 1"));
    assertEquals(2, notFollowing.status(), notFollowing.err());
    assertTrue(notFollowing.err().contains("--workers needs --follow"), notFollowing.err());
    assertEquals(2, badHeap.status(), badHeap.err());
  }

  @Test
  void invokeHelp_follow_namesTheOptionsAndTheHiddenWorker() {
    CliRun invoke = CliRun.of("invoke", "--help");
    CliRun overview = CliRun.of("--help");

    assertTrue(invoke.out().contains("--follow"), invoke.out());
    assertTrue(invoke.out().contains("--workers N"), invoke.out());
    assertTrue(invoke.out().contains("follow-worker"), invoke.out());
    assertFalse(overview.out().contains("follow-worker"), overview.out());
  }

  /** {@code invoke --event DIR/e.json} with arguments, where "objects" stands for DIR/objects. */
  private CliRun invoke(String... args) {
    List<String> all =
        new ArrayList<>(List.of("invoke", "--event", dir.resolve("e.json").toString()));
    for (String arg : args) {
      all.add(arg.equals("objects") ? dir.resolve("objects").toString() : arg);
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  private static void put(Path objects, String bucket, String key, String content)
      throws IOException {
    Path file = objects.resolve(bucket).resolve(key);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static void writeManifest(Path file, int lines, String cipherText) throws IOException {
    Files.createDirectories(file.getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      for (int i = 0; i < lines; i++) {
        out.write("{\"cipher_text\":\"" + cipherText + "\"}\n");
      }
    }
  }

  /** One classic OBS event with a record for each key of bucket {@code source}. */
  private Path obsEvent(List<String> keys) throws IOException {
    List<Object> records = new ArrayList<>();
    for (String key : keys) {
      records.addAll(
          (List<?>) EventTemplates.obs(ObsShape.S3, "source", key, "", 0).get("Records"));
    }
    return Files.writeString(
        dir.resolve("event.json"), RuntimeJson.write(Map.of("Records", records)));
  }

  /** Every output line re-encrypted, a sample decrypted back to the plaintext. */
  private static void assertManifestOutput(Path output, int lines, String plaintext)
      throws IOException {
    List<String> out = Files.readAllLines(output);
    assertEquals(lines, out.size());
    String expected =
        Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < lines; i += 997) {
      JsonNode line = JacksonOracle.read(out.get(i));
      assertFalse(line.has("error"), line.toString());
      assertEquals(
          expected,
          DemoKms.plaintexts()
              .of(
                  line.get("key_id").asText(),
                  "SYMMETRIC_DEFAULT",
                  null,
                  line.get("cipher_text").asText()),
          "line " + (i + 1));
    }
  }
}

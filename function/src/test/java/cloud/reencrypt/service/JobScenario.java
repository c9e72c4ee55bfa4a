package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.StoredObject;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.JobChain;
import cloud.reencrypt.testing.Plaintexts;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * A manifest job as the job tests run it: a manifest of ciphertexts with error lines mixed in,
 * uploaded to a bucket, and the checks that its output is what an uninterrupted single pass gives:
 * every line once, in order, successes decrypting to the same plaintext under the destination key,
 * error lines byte for byte.
 */
final class JobScenario {
  static final String KEY = "exports/keys.jsonl";
  static final String OUTPUT_KEY = "reencrypted/" + KEY;
  static final String WORK_PREFIX = ".reencrypt-work/";

  final ObjectStore store;
  final String bucket;
  final KmsEngine engine;
  final long partBytes;
  final long fanoutBytes;
  final byte[] manifest;
  int concurrency = 2;
  private final List<String> reference;

  JobScenario(ObjectStore store, String bucket, KmsEngine engine, int lines, long part, long fan)
      throws IOException {
    this.store = store;
    this.bucket = bucket;
    this.engine = engine;
    this.partBytes = part;
    this.fanoutBytes = fan;
    this.manifest = manifest(lines).getBytes(StandardCharsets.UTF_8);
    this.reference = singlePass(manifest);
  }

  /** Line n: an error every 29th (missing cipher_text) and 31st (not JSON), else p{n} under AES. */
  private static String manifest(int lines) {
    StringBuilder text = new StringBuilder();
    for (int n = 1; n <= lines; n++) {
      if (n % 29 == 0) {
        text.append("{}");
      } else if (n % 31 == 0) {
        text.append("not json");
      } else {
        text.append("{\"cipher_text\":\"")
            .append(DemoKms.encrypt(DemoKms.AES, "p" + n))
            .append("\"}");
      }
      text.append(n % 7 == 0 ? "\r\n" : "\n");
    }
    return text.toString();
  }

  /** Uploads the manifest; the event FunctionGraph would deliver for it. */
  ObjectEvent upload() throws IOException {
    ObjectInfo info = store.write(bucket, KEY, Map.of(), out -> out.write(manifest));
    return new ObjectEvent(bucket, KEY, info.etag(), "ObjectCreated:Put");
  }

  ObjectSettings settings() {
    return new ObjectSettings(
        Optional.empty(),
        "reencrypted/",
        DemoKms.SM4,
        "SYMMETRIC_DEFAULT",
        OptionalLong.empty(),
        concurrency,
        Optional.empty(),
        WORK_PREFIX,
        partBytes,
        fanoutBytes);
  }

  ReEncryptService service() {
    return new ReEncryptService(
        engine, new KeyAllowList("source", Set.of()), new KeyAllowList("destination", Set.of()));
  }

  /** The use case on an instance's store, with the invocation's remaining time. */
  ObjectReEncryption useCase(ObjectStore instance, IntSupplier remainingMillis) {
    return new ObjectReEncryption(instance, service(), settings(), remainingMillis);
  }

  /** A chain whose invocations have plenty of time. */
  JobChain chain() {
    return chain(() -> 600_000);
  }

  JobChain chain(IntSupplier remainingMillis) {
    return new JobChain(
        store, (instance, event) -> useCase(instance, remainingMillis).process(event));
  }

  JobControl control() {
    return new JobControl(
        store, new WorkLocation(bucket, WORK_PREFIX), java.time.Clock.systemUTC());
  }

  String jobId(ObjectEvent event) {
    return JobId.forManifest(bucket, KEY, event.etag());
  }

  /** The reference output, on the local demo engine whatever engine the job runs on. */
  private static List<String> singlePass(byte[] input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReEncryptService local =
        new ReEncryptService(
            DemoKms.engine(),
            new KeyAllowList("source", Set.of()),
            new KeyAllowList("destination", Set.of()));
    new ManifestProcessor(local, Optional.of(DemoKms.SM4), "SYMMETRIC_DEFAULT", 2)
        .process(new ByteArrayInputStream(input), out);
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** The output is complete and right, the source untouched, the job committed and tidied. */
  void assertCommitted() throws IOException {
    assertOutput();
    assertArrayEquals(manifest, read(bucket, KEY), "the source must be intact");
    JobStatus status =
        JsonMapping.read(
            JsonMapping.reader(JobStatus.class), read(bucket, OUTPUT_KEY + ".report.json"));
    assertEquals(JobStatus.COMMITTED, status.state());
    assertEquals(reference.size(), status.lines());
    assertEquals(errorLines(), status.linesFailed());
    assertEquals(status.partsTotal(), status.partsDone());
    assertEquals(List.of(WORK_PREFIX + "jobs/" + status.jobId() + "/status.json"), workObjects());
  }

  /** Output lines: one per input line, in order; each equal in meaning to the single pass. */
  void assertOutput() throws IOException {
    List<String> lines =
        new String(read(bucket, OUTPUT_KEY), StandardCharsets.UTF_8).lines().toList();
    assertEquals(reference.size(), lines.size());
    // Every keystore here is a copy of the demo keystore: its SM4 key decrypts any output.
    Plaintexts plaintexts = DemoKms.plaintexts();
    for (int i = 0; i < lines.size(); i++) {
      if (reference.get(i).startsWith("{\"line\"")) {
        assertEquals(reference.get(i), lines.get(i), "error line " + (i + 1));
        continue;
      }
      JsonNode line = JacksonOracle.read(lines.get(i));
      assertEquals(DemoKms.SM4, line.get("key_id").asText());
      String plain = plaintexts.of(DemoKms.SM4, null, null, line.get("cipher_text").asText());
      String expected = "p" + (i + 1);
      assertEquals(
          Base64.getEncoder().encodeToString(expected.getBytes(StandardCharsets.UTF_8)), plain);
    }
  }

  long errorLines() {
    return reference.stream().filter(line -> line.startsWith("{\"line\"")).count();
  }

  boolean outputExists() throws IOException {
    return store.head(bucket, OUTPUT_KEY).isPresent();
  }

  List<String> workObjects() throws IOException {
    List<String> keys = new ArrayList<>();
    String marker = null;
    do {
      ObjectStore.ListPage page = store.list(bucket, WORK_PREFIX, marker, 1000);
      page.objects().forEach(object -> keys.add(object.key()));
      marker = page.nextMarker();
    } while (marker != null);
    return keys;
  }

  byte[] read(String inBucket, String key) throws IOException {
    try (StoredObject object = store.open(inBucket, key)) {
      return object.content().readAllBytes();
    }
  }
}

package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.StoredObject;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.JobChain;
import cloud.reencrypt.testing.Plaintexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * A bucket as the sweep tests find it: objects over several prefixes, of five kinds by number
 * ({@link #kind}): AES ciphertexts to re-encrypt, manifests of AES ciphertexts, non-ciphertexts
 * (which fail as their events would), SM4 ciphertexts (outside the source-key filter) and AES
 * ciphertexts already re-encrypted by their event before the sweep.
 */
final class SweepScenario {
  static final String BUCKET = "data";
  static final String WORK_PREFIX = ".reencrypt-work/";
  static final String OUTPUT_PREFIX = "reencrypted/";
  static final List<String> PREFIXES = List.of("a/", "b/deep/", "c/", "logs/2026/");

  final ObjectStore store;
  final int objects;
  final int pageSize;
  private final Map<String, Integer> kinds = new TreeMap<>();

  SweepScenario(ObjectStore store, int objects, int pageSize) {
    this.store = store;
    this.objects = objects;
    this.pageSize = pageSize;
  }

  enum Kind {
    CIPHERTEXT,
    MANIFEST,
    NOT_CIPHERTEXT,
    OTHER_KEY,
    DONE
  }

  static Kind kind(int n) {
    if (n % 50 == 7) {
      return Kind.MANIFEST;
    }
    return switch (n % 10) {
      case 3 -> Kind.NOT_CIPHERTEXT;
      case 5 -> Kind.OTHER_KEY;
      case 1 -> Kind.DONE;
      default -> Kind.CIPHERTEXT;
    };
  }

  static String key(int n) {
    String name = String.format("obj-%05d", n);
    return PREFIXES.get(n % PREFIXES.size()) + name + (kind(n) == Kind.MANIFEST ? ".jsonl" : ".ct");
  }

  /** Writes every object, and re-encrypts the {@code DONE} ones through their events. */
  void fill() throws IOException {
    ObjectReEncryption events = useCase(store, () -> 600_000);
    for (int n = 0; n < objects; n++) {
      byte[] content = content(n).getBytes(StandardCharsets.UTF_8);
      var info = store.write(BUCKET, key(n), Map.of(), out -> out.write(content));
      if (kind(n) == Kind.DONE) {
        events.process(new ObjectEvent(BUCKET, info.key(), info.etag(), "ObjectCreated:Put"));
      }
    }
  }

  private static String content(int n) {
    return switch (kind(n)) {
      case MANIFEST -> manifestLine(n, 1) + "\n" + manifestLine(n, 2) + "\n";
      case NOT_CIPHERTEXT -> "plain text " + n;
      case OTHER_KEY -> DemoKms.encrypt(DemoKms.SM4, "p" + n);
      default -> DemoKms.encrypt(DemoKms.AES, "p" + n);
    };
  }

  private static String manifestLine(int n, int line) {
    return "{\"cipher_text\":\"" + DemoKms.encrypt(DemoKms.AES, "p" + n + "." + line) + "\"}";
  }

  long count(Kind kind) {
    long count = 0;
    for (int n = 0; n < objects; n++) {
      count += kind(n) == kind ? 1 : 0;
    }
    return count;
  }

  ObjectSettings settings() {
    return new ObjectSettings(
        Optional.empty(),
        OUTPUT_PREFIX,
        DemoKms.SM4,
        "SYMMETRIC_DEFAULT",
        OptionalLong.empty(),
        2,
        Optional.empty(),
        WORK_PREFIX,
        8 << 20,
        64 << 20);
  }

  static ReEncryptService service() {
    return new ReEncryptService(
        DemoKms.engine(),
        new KeyAllowList("source", Set.of()),
        new KeyAllowList("destination", Set.of()));
  }

  ObjectReEncryption useCase(ObjectStore instance, IntSupplier remainingMillis) {
    return new ObjectReEncryption(instance, service(), settings(), remainingMillis);
  }

  SweepStart sweeps() {
    return new SweepStart(store, settings(), Clock.systemUTC());
  }

  /** Re-encrypt AES ciphertexts only, into SM4. */
  static SweepRequest request(boolean dryRun) {
    return new SweepRequest(
        BUCKET, "", DemoKms.SM4, "SYMMETRIC_DEFAULT", List.of(DemoKms.AES), null, null, dryRun);
  }

  JobChain chain(IntSupplier remainingMillis) {
    return new JobChain(
        store, (instance, event) -> useCase(instance, remainingMillis).process(event));
  }

  /** The event of a sweep's first page, which starts its work. */
  static ObjectEvent firstPage(JobStatus started) {
    String key = WORK_PREFIX + "jobs/" + started.jobId() + "/pages/p000000.json";
    return new ObjectEvent(BUCKET, key, null, "ObjectCreated:Put");
  }

  JobStatus status(String id) throws IOException {
    return new JobControl(store, new WorkLocation(BUCKET, WORK_PREFIX), Clock.systemUTC())
        .status(id)
        .orElseThrow();
  }

  /** A sweep that handled every object once: the counts by kind, all pages done. */
  void assertSweptOnce(JobStatus status) {
    assertEquals(JobStatus.COMMITTED, status.state());
    SweepCounts counts = status.objects();
    assertEquals(objects, counts.listed());
    assertEquals(count(Kind.CIPHERTEXT) + count(Kind.MANIFEST), counts.processed());
    assertEquals(
        Map.of(
            SweepObjects.ALREADY_DONE, count(Kind.DONE),
            SweepObjects.OTHER_SOURCE_KEY, count(Kind.OTHER_KEY)),
        counts.skippedBy());
    assertEquals(count(Kind.NOT_CIPHERTEXT), counts.failed());
    assertEquals(status.partsTotal(), status.partsDone());
  }

  /** A sweep after a complete one: every eligible object is already done, nothing is written. */
  void assertSweptAgain(JobStatus status) {
    assertEquals(JobStatus.COMMITTED, status.state());
    SweepCounts counts = status.objects();
    assertEquals(0, counts.processed());
    assertEquals(
        Map.of(
            SweepObjects.ALREADY_DONE,
            count(Kind.CIPHERTEXT) + count(Kind.MANIFEST) + count(Kind.DONE),
            SweepObjects.OTHER_SOURCE_KEY,
            count(Kind.OTHER_KEY)),
        counts.skippedBy());
    assertEquals(count(Kind.NOT_CIPHERTEXT), counts.failed());
  }

  /** Every eligible object's output decrypts, under SM4, to its source's plaintext. */
  void assertOutputs() throws IOException {
    Plaintexts plaintexts = DemoKms.plaintexts();
    for (int n = 0; n < objects; n++) {
      Kind kind = kind(n);
      if (kind == Kind.CIPHERTEXT || kind == Kind.DONE) {
        String ct = read(OUTPUT_PREFIX + key(n)).strip();
        assertEquals(base64("p" + n), plaintexts.of(DemoKms.SM4, null, null, ct), key(n));
      } else if (kind == Kind.MANIFEST) {
        List<String> lines = read(OUTPUT_PREFIX + key(n)).lines().toList();
        for (int line = 1; line <= 2; line++) {
          String ct = JacksonOracle.read(lines.get(line - 1)).get("cipher_text").asText();
          assertEquals(base64("p" + n + "." + line), plaintexts.of(DemoKms.SM4, null, null, ct));
        }
      } else {
        assertEquals(Optional.empty(), store.head(BUCKET, OUTPUT_PREFIX + key(n)), key(n));
      }
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  String read(String key) throws IOException {
    try (StoredObject object = store.open(BUCKET, key)) {
      return new String(object.content().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

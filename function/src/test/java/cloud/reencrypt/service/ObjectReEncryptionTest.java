package cloud.reencrypt.service;

import static cloud.reencrypt.testing.DemoKms.AES;
import static cloud.reencrypt.testing.DemoKms.SM4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ForwardingObjectStore;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.store.ObjectUpload;
import cloud.reencrypt.store.StoredObject;
import cloud.reencrypt.testing.DemoKms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectReEncryptionTest {
  private static final String BUCKET = "source-bucket";

  /** A manifest line whose destination key is disabled: KMS.0209, a key-level refusal. */
  private static final String REFUSED_LINE =
      "{\"cipher_text\":\""
          + DemoKms.encrypt(SM4, "a")
          + "\",\"destination_key_id\":\""
          + DemoKms.AES_DISABLED
          + "\"}\n";

  @TempDir Path root;
  private ObjectStore store;

  @BeforeEach
  void createSourceBucket() throws IOException {
    Files.createDirectories(root.resolve(BUCKET));
    store = ObjectStores.directory(root);
  }

  @Test
  void process_outputBucketMissing_failsPermanentlyNamingTheOutputBucket() throws IOException {
    put("a.txt", DemoKms.encrypt(SM4, "x"));

    RecordSummary record = useCase(Optional.of("no-such-output"), store).process(event("a.txt"));

    assertEquals(RecordSummary.FAILED, record.status());
    assertEquals("output bucket 'no-such-output' does not exist", record.reason());
    assertNull(record.temporary());
  }

  @Test
  void process_outputKeyTooLongForTheFileSystem_failsPermanently() throws IOException {
    put("a.txt", DemoKms.encrypt(SM4, "x"));
    String prefix = "p".repeat(300) + "/";

    RecordSummary record = useCase(Optional.empty(), prefix, store).process(event("a.txt"));

    assertEquals(RecordSummary.FAILED, record.status());
    assertNull(record.temporary(), record.reason());
  }

  @Test
  void process_ciphertext_summaryNamesTheObjectTheStoreReportsWritten() throws IOException {
    put("a.txt", DemoKms.encrypt(SM4, "x"));
    ObjectStore relocating = new RelocatingStore(store, "reencrypted/elsewhere.txt");

    RecordSummary record = useCase(Optional.empty(), relocating).process(event("a.txt"));

    assertEquals(RecordSummary.PROCESSED, record.status(), record.reason());
    assertEquals("reencrypted/elsewhere.txt", record.outputKey());
  }

  @Test
  void process_manifest_countsLinesAndCommitsOneOutput() throws IOException {
    String line = "{\"cipher_text\":\"" + DemoKms.encrypt(SM4, "a") + "\"}\n";
    put("m.jsonl", line + "not json\n" + line);

    RecordSummary record = useCase(Optional.empty(), store).process(event("m.jsonl"));

    assertEquals("manifest", record.kind(), record.reason());
    assertEquals(3L, record.lines());
    assertEquals(2L, record.linesSucceeded());
    assertEquals(1L, record.linesFailed());
    ObjectInfo output = store.head(BUCKET, "reencrypted/m.jsonl").orElseThrow();
    assertEquals(
        store.head(BUCKET, "m.jsonl").orElseThrow().etag(),
        output.userMetadata("reencrypt-source-etag").orElseThrow());
  }

  @Test
  void process_outputInsideTheWorkLocationOfTheEventsBucket_isRefusedAndWritesNothing()
      throws IOException {
    put("a.txt", DemoKms.encrypt(SM4, "x"));
    // The configuration cannot tell: the output bucket is unset, so it is the event's.
    ObjectReEncryption useCase =
        useCase(Optional.empty(), ".reencrypt-work/out/", Optional.of(BUCKET), store);

    RecordSummary record = useCase.process(event("a.txt"));

    assertEquals(RecordSummary.FAILED, record.status());
    assertTrue(record.reason().contains("overlap"), record.reason());
    assertEquals(List.of("a.txt"), keys());
  }

  @Test
  void process_workLocationInTheEventsBucketApartFromTheOutput_processes() throws IOException {
    put("a.txt", DemoKms.encrypt(SM4, "x"));

    RecordSummary record =
        useCase(Optional.empty(), "reencrypted/", Optional.of(BUCKET), store)
            .process(event("a.txt"));

    assertEquals(RecordSummary.PROCESSED, record.status(), record.reason());
  }

  @Test
  void process_storeFailsUnexpectedly_failsThatObjectWithTheClassNameOnly() throws IOException {
    put("a.txt", DemoKms.encrypt(SM4, "x"));
    ObjectStore faulty =
        new ForwardingObjectStore(store) {
          @Override
          public StoredObject open(String bucket, String key) {
            throw new IllegalStateException("secret detail");
          }
        };

    RecordSummary record = useCase(Optional.empty(), faulty).process(event("a.txt"));

    assertEquals(RecordSummary.FAILED, record.status());
    assertEquals("unexpected error: java.lang.IllegalStateException", record.reason());
  }

  @Test
  void process_onePassManifestRefusedByItsKey_failsTemporarilyAndWritesNothing()
      throws IOException {
    put("m.jsonl", REFUSED_LINE.repeat(3));

    RecordSummary record = useCase(Optional.empty(), store).process(event("m.jsonl"));

    assertEquals(RecordSummary.FAILED, record.status());
    assertEquals(Boolean.TRUE, record.temporary());
    assertTrue(record.reason().contains("(KMS.0209)"), record.reason());
    assertEquals(List.of("m.jsonl"), keys());
  }

  @Test
  void process_oneRefusedLineInAShortManifest_staysAnErrorLine() throws IOException {
    String good = "{\"cipher_text\":\"" + DemoKms.encrypt(SM4, "a") + "\"}\n";
    put("m.jsonl", good + REFUSED_LINE);

    RecordSummary record = useCase(Optional.empty(), store).process(event("m.jsonl"));

    assertEquals("processed", record.status(), record.reason());
    assertEquals(1L, record.linesFailed());
  }

  private List<String> keys() throws IOException {
    return store.list(BUCKET, "", null, 1000).objects().stream().map(ObjectInfo::key).toList();
  }

  private void put(String key, String content) throws IOException {
    store.write(BUCKET, key, Map.of(), out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static ObjectEvent event(String key) {
    return new ObjectEvent(BUCKET, key, null, "ObjectCreated:Put");
  }

  private static ObjectReEncryption useCase(Optional<String> outputBucket, ObjectStore store) {
    return useCase(outputBucket, "reencrypted/", store);
  }

  private static ObjectReEncryption useCase(
      Optional<String> outputBucket, String prefix, ObjectStore store) {
    return useCase(outputBucket, prefix, Optional.empty(), store);
  }

  private static ObjectReEncryption useCase(
      Optional<String> outputBucket,
      String prefix,
      Optional<String> workBucket,
      ObjectStore store) {
    ReEncryptService service =
        new ReEncryptService(
            DemoKms.engine(),
            new KeyAllowList("source", Set.of()),
            new KeyAllowList("destination", Set.of()));
    ObjectSettings settings =
        new ObjectSettings(
            outputBucket,
            prefix,
            AES,
            "SYMMETRIC_DEFAULT",
            OptionalLong.empty(),
            2,
            workBucket,
            ".reencrypt-work/",
            8 << 20,
            64 << 20);
    return new ObjectReEncryption(store, service, settings, () -> 60_000);
  }

  /** A store whose writes land under another key, as the summary must then report. */
  private static final class RelocatingStore extends ForwardingObjectStore {
    private final String key;

    RelocatingStore(ObjectStore store, String key) {
      super(store);
      this.key = key;
    }

    @Override
    public ObjectUpload upload(String bucket, String ignored, Map<String, String> userMetadata)
        throws ObjectStoreException {
      return delegate().upload(bucket, key, userMetadata);
    }

    @Override
    public void close() {}
  }
}

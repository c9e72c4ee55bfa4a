package cloud.reencrypt.fgs;

import static cloud.reencrypt.testing.DemoKms.AES;
import static cloud.reencrypt.testing.DemoKms.SM4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.service.ObjectReEncryption;
import cloud.reencrypt.service.RecordSummary;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.store.OutputMetadata;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.FailingEngines;
import cloud.reencrypt.wiring.EngineFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObsHandlerTest {
  private static final String BUCKET = "demo-bucket";

  @TempDir Path root;

  private ObjectStore store() {
    return ObjectStores.directory(root);
  }

  private void put(String bucket, String key, String content) throws IOException {
    Path file = root.resolve(bucket).resolve(key);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private String get(String bucket, String key) throws IOException {
    return Files.readString(root.resolve(bucket).resolve(key));
  }

  private Optional<ObjectInfo> head(String bucket, String key) throws IOException {
    return store().head(bucket, key);
  }

  private static Map<String, Object> event(String bucket, String... keys) {
    List<Object> records = new ArrayList<>();
    records.add(firstRecord(EventTemplates.obs(ObsShape.OBS, bucket, keys[0], "", 0)));
    for (int i = 1; i < keys.length; i++) {
      records.add(firstRecord(EventTemplates.obs(ObsShape.S3, bucket, keys[i], "", 0)));
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("Records", records);
    return event;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstRecord(Map<String, Object> event) {
    return (Map<String, Object>) ((List<Object>) event.get("Records")).get(0);
  }

  private ObsSummary handle(Map<String, Object> event, Map<String, String> userData) {
    return handle(event, userData, DemoKms.engine());
  }

  private ObsSummary handle(
      Map<String, Object> event, Map<String, String> userData, KmsEngine engine) {
    FunctionSetup setup =
        new FunctionSetup(Map.of(), c -> new EngineFactory.Choice(engine, Optional.of(AES)));
    return new ObsHandler(setup, (context, configuration) -> store())
        .handleRequest(event, new HandlerContexts(userData).context);
  }

  @Test
  void handleRequest_singleCiphertext_writesReEncryptedOutputWithMetadata() throws IOException {
    String source = DemoKms.encrypt(SM4, "quarterly numbers");
    put(BUCKET, "in/a.txt", "\n  " + source + "\n");

    ObsSummary summary = handle(event(BUCKET, "in/a.txt"), Map.of());

    RecordSummary record = summary.records().get(0);
    assertEquals("processed", record.status(), record.toString());
    assertEquals("ciphertext", record.kind());
    assertEquals("reencrypted/in/a.txt", record.outputKey());
    assertEquals(BUCKET, record.outputBucket());
    ObjectInfo output = head(BUCKET, "reencrypted/in/a.txt").orElseThrow();
    assertEquals(
        head(BUCKET, "in/a.txt").orElseThrow().etag(),
        output.userMetadata(OutputMetadata.SOURCE_ETAG).orElseThrow());
    assertEquals(AES, output.userMetadata(OutputMetadata.DESTINATION_KEY_ID).orElseThrow());
    assertEquals(SM4, output.userMetadata(OutputMetadata.SOURCE_KEY_ID).orElseThrow());
    assertEquals(
        DemoKms.plaintexts().of(SM4, null, null, source),
        DemoKms.plaintexts().of(AES, null, null, get(BUCKET, "reencrypted/in/a.txt")));
    assertEquals("\n  " + source + "\n", get(BUCKET, "in/a.txt"));
    assertTrue(head(BUCKET, "in/a.txt").orElseThrow().userMetadata().isEmpty());
  }

  @Test
  void handleRequest_repeatedEvent_redoesNothing() throws IOException {
    put(BUCKET, "a.txt", DemoKms.encrypt(AES, "x"));
    handle(event(BUCKET, "a.txt"), Map.of());
    String first = get(BUCKET, "reencrypted/a.txt");

    RecordSummary again = handle(event(BUCKET, "a.txt"), Map.of()).records().get(0);

    assertEquals("skipped", again.status());
    assertEquals("reencrypted/a.txt", again.outputKey());
    assertEquals(first, get(BUCKET, "reencrypted/a.txt"));
  }

  @Test
  void handleRequest_sourceChangedSinceLastOutput_isDoneAgain() throws IOException {
    put(BUCKET, "a.txt", DemoKms.encrypt(AES, "old"));
    handle(event(BUCKET, "a.txt"), Map.of());
    put(BUCKET, "a.txt", DemoKms.encrypt(AES, "new"));

    assertEquals("processed", handle(event(BUCKET, "a.txt"), Map.of()).records().get(0).status());
    assertEquals(
        "bmV3", DemoKms.plaintexts().of(AES, null, null, get(BUCKET, "reencrypted/a.txt")));
  }

  @Test
  void handleRequest_objectUnderOutputLocation_isSkipped() throws IOException {
    put(BUCKET, "reencrypted/a.txt", DemoKms.encrypt(AES, "x"));

    RecordSummary record = handle(event(BUCKET, "reencrypted/a.txt"), Map.of()).records().get(0);

    assertEquals("skipped", record.status());
    assertFalse(Files.exists(root.resolve(BUCKET).resolve("reencrypted/reencrypted/a.txt")));
  }

  @Test
  void handleRequest_sameBucketWithEmptyPrefix_isRefused() throws IOException {
    put(BUCKET, "a.txt", DemoKms.encrypt(AES, "x"));
    Map<String, String> loop = Map.of("OUTPUT_BUCKET", BUCKET, "OUTPUT_PREFIX", "");

    RecordSummary record = handle(event(BUCKET, "a.txt"), loop).records().get(0);

    assertEquals("failed", record.status());
    assertTrue(record.reason().startsWith("refused"), record.reason());
  }

  @Test
  void handleRequest_otherOutputBucketWithEmptyPrefix_writesThereUnderTheSameKey()
      throws IOException {
    put(BUCKET, "a.txt", DemoKms.encrypt(AES, "x"));
    Files.createDirectories(root.resolve("out"));

    RecordSummary record =
        handle(event(BUCKET, "a.txt"), Map.of("OUTPUT_BUCKET", "out", "OUTPUT_PREFIX", ""))
            .records()
            .get(0);

    assertEquals("processed", record.status());
    assertTrue(head("out", "a.txt").isPresent());
  }

  @Test
  void handleRequest_manifest_writesOneLinePerLineAndCounts() throws IOException {
    String manifest =
        "{\"cipher_text\":\""
            + DemoKms.encrypt(AES, "a")
            + "\"}\r\n\r\n{\"cipher_text\":\""
            + DemoKms.encrypt(SM4, "b")
            + "\",\"destination_key_id\":\""
            + SM4
            + "\"}\r\n";
    put(BUCKET, "jobs/m.jsonl", manifest);

    RecordSummary record = handle(event(BUCKET, "jobs/m.jsonl"), Map.of()).records().get(0);

    assertEquals("manifest", record.kind());
    assertEquals(3L, record.lines());
    assertEquals(2L, record.linesSucceeded());
    assertEquals(1L, record.linesFailed());
    String[] lines = get(BUCKET, "reencrypted/jobs/m.jsonl").split("\n");
    assertEquals(3, lines.length);
    assertTrue(lines[1].startsWith("{\"line\":2,\"error\":{\"error_code\":\"KMS.0202\""), lines[1]);
    assertEquals(
        AES,
        head(BUCKET, "reencrypted/jobs/m.jsonl")
            .orElseThrow()
            .userMetadata(OutputMetadata.DESTINATION_KEY_ID)
            .orElseThrow());
  }

  @Test
  void handleRequest_engineUnreachableMidManifest_leavesNoOutput() throws IOException {
    String line = "{\"cipher_text\":\"" + DemoKms.encrypt(AES, "a") + "\"}\n";
    put(BUCKET, "m.jsonl", line.repeat(5));

    RecordSummary record =
        handle(event(BUCKET, "m.jsonl"), Map.of(), FailingEngines.unreachableAfter(3))
            .records()
            .get(0);

    assertEquals("failed", record.status());
    assertEquals("KMS.0104", record.errorCode());
    assertEquals(Boolean.TRUE, record.temporary());
    assertTrue(head(BUCKET, "reencrypted/m.jsonl").isEmpty());
  }

  @Test
  void handleRequest_manifestOverMaxBytes_failsFastWithoutOutput() throws IOException {
    put(BUCKET, "m.jsonl", "{}\n".repeat(100));

    RecordSummary record =
        handle(event(BUCKET, "m.jsonl"), Map.of("MAX_MANIFEST_BYTES", "299")).records().get(0);

    assertEquals("failed", record.status());
    assertEquals("KMS.0203", record.errorCode());
    assertTrue(head(BUCKET, "reencrypted/m.jsonl").isEmpty());
  }

  @Test
  void handleRequest_ciphertextOver64KB_failsFastWithoutOutput() throws IOException {
    put(BUCKET, "big.bin", "A".repeat(ObjectReEncryption.MAX_CIPHERTEXT_BYTES + 1));

    RecordSummary record = handle(event(BUCKET, "big.bin"), Map.of()).records().get(0);

    assertEquals("KMS.0203", record.errorCode());
    assertTrue(head(BUCKET, "reencrypted/big.bin").isEmpty());
  }

  @Test
  void handleRequest_severalRecords_reportsEachWithoutOneStoppingAnother() throws IOException {
    put(BUCKET, "good.txt", DemoKms.encrypt(AES, "x"));
    put(BUCKET, "bad.txt", "not a ciphertext");

    ObsSummary summary = handle(event(BUCKET, "bad.txt", "missing.txt", "good.txt"), Map.of());

    assertEquals("KMS.2201", summary.records().get(0).errorCode());
    assertEquals(null, summary.records().get(0).temporary());
    assertEquals("the source object does not exist", summary.records().get(1).reason());
    assertEquals("processed", summary.records().get(2).status());
    assertEquals(1, summary.processed());
    assertEquals(2, summary.failed());
  }

  @Test
  void handleRequest_removalEvent_isSkipped() throws IOException {
    Map<String, Object> event = EventTemplates.obs(ObsShape.S3, BUCKET, "a.txt", "", 0);
    firstRecord(event).put("eventName", "ObjectRemoved:Delete");

    assertEquals("skipped", handle(event, Map.of()).records().get(0).status());
  }

  @Test
  void handleRequest_keyWithSpacesAndUnicode_isDecodedBeforeTheStore() throws IOException {
    put(BUCKET, "reports/Q1 résumé 中文.txt", DemoKms.encrypt(AES, "x"));

    RecordSummary record =
        handle(event(BUCKET, "reports/Q1 résumé 中文.txt"), Map.of()).records().get(0);

    assertEquals("processed", record.status(), String.valueOf(record.reason()));
    assertTrue(
        new String(
                    Files.readAllBytes(
                        root.resolve(BUCKET).resolve("reencrypted/reports/Q1 résumé 中文.txt")),
                    StandardCharsets.US_ASCII)
                .length()
            > 0);
  }

  @Test
  void handleRequest_repeatedEventCarryingTheEtag_skipsWithoutReadingTheSource()
      throws IOException {
    put(BUCKET, "a.txt", DemoKms.encrypt(AES, "x"));
    String etag = head(BUCKET, "a.txt").orElseThrow().etag();
    handle(event(BUCKET, "a.txt"), Map.of());
    Files.delete(root.resolve(BUCKET).resolve("a.txt"));
    Map<String, Object> event =
        EventTemplates.obs(ObsShape.EVENTGRID, BUCKET, "a.txt", "\"" + etag + "\"", 0);

    RecordSummary again = handle(event, Map.of()).records().get(0);

    assertEquals("skipped", again.status(), String.valueOf(again.reason()));
  }

  @Test
  void handleRequest_noDestinationKeyOnOwnKeystore_failsAtStartWithOneLine() {
    FunctionSetup ownKeystore =
        new FunctionSetup(
            Map.of(), c -> new EngineFactory.Choice(DemoKms.engine(), Optional.empty()));
    ObsHandler handler = new ObsHandler(ownKeystore, (context, configuration) -> store());

    cloud.reencrypt.config.ConfigurationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            cloud.reencrypt.config.ConfigurationException.class,
            () ->
                handler.handleRequest(
                    event(BUCKET, "a.txt"), new HandlerContexts(Map.of()).context));

    assertEquals(
        "configuration: DESTINATION_KEY_ID is required by the OBS handler", e.getMessage());
  }
}

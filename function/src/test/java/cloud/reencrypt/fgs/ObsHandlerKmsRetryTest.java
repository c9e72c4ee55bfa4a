package cloud.reencrypt.fgs;

import static cloud.reencrypt.testing.FaultyKmsServer.forwardTo;
import static cloud.reencrypt.testing.FaultyKmsServer.hold;
import static cloud.reencrypt.testing.FaultyKmsServer.kmsError;
import static cloud.reencrypt.testing.FaultyKmsServer.reset;
import static cloud.reencrypt.testing.FaultyKmsServer.throttled;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.kms.cloud.CloudKmsEngine;
import cloud.reencrypt.kms.cloud.CloudKmsSettings;
import cloud.reencrypt.service.RecordSummary;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.obs.ObsObjectStore;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.FakeTime;
import cloud.reencrypt.testing.FaultyKmsServer;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.LocalKmsServer;
import cloud.reencrypt.testing.S3ProxyServer;
import cloud.reencrypt.wiring.EngineFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OBS path with the KMS engine retrying: the OBS handler, the OBS store on S3Proxy, the cloud
 * engine through the official SDK, and {@code serve} behind a server that throttles, fails, resets
 * and stalls on chosen requests and forwards the rest. Retries must never show in the output: each
 * output object appears once, whole, one line per manifest line in order, or not at all.
 */
class ObsHandlerKmsRetryTest {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  private static final String SM4 = DemoKms.SM4;
  private static final int ATTEMPTS = 4;
  private static LocalKmsServer kms;

  private final FakeTime time = new FakeTime();
  private final FaultyKmsServer flaky = newFlaky().otherwise(forwardTo(URI.create(kms.endpoint())));
  private final String bucket = S3.createBucket();

  @BeforeAll
  static void startKms() throws IOException {
    kms = LocalKmsServer.start();
  }

  @AfterAll
  static void stopKms() {
    kms.close();
  }

  @AfterEach
  void stopFlaky() throws IOException {
    flaky.close();
  }

  @Test
  void singleCiphertext_kmsFailsThenSucceeds_outputAppearsOnceAndWhole() throws Exception {
    String source = DemoKms.encrypt(DemoKms.AES, "one secret");
    put("in/one.txt", source);
    flaky.then(kmsError(503, "KMS.0104"), reset(), throttled());

    RecordSummary record = handle("in/one.txt");

    assertEquals("processed", record.status(), record.reason());
    assertEquals(List.of("in/one.txt", "reencrypted/in/one.txt"), S3.keys(bucket));
    String output = read("reencrypted/in/one.txt");
    assertEquals("one secret", plaintext(SM4, output));
    assertEquals(4, flaky.received().size());
    assertEquals(3, time.sleeps().size());
    assertEquals(0, S3.pendingMultipartUploads(bucket));
  }

  @Test
  void manifest_concurrentLinesMeetFaults_everyLineSucceedsOnceInOrder() throws Exception {
    int lines = 30;
    put("batch.jsonl", manifest(lines));
    List<FaultyKmsServer.Fault> script = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      switch (i % 7) {
        case 1 -> script.add(kmsError(503, "KMS.0104"));
        case 3 -> script.add(reset());
        case 5 -> script.add(throttled());
        default -> {}
      }
      if (i == 6) {
        script.add(hold()); // one answer slower than the read timeout
      }
      script.add(forwardTo(URI.create(kms.endpoint())));
    }
    flaky.then(script.toArray(FaultyKmsServer.Fault[]::new));

    // eight lines in flight take the scripted faults in any order; with more attempts than there
    // are faults, no line can run out of them
    RecordSummary record = handle("batch.jsonl", script.size() + 1, "8");

    assertEquals("processed", record.status(), record.reason());
    assertEquals(lines, record.linesSucceeded());
    List<String> output = read("reencrypted/batch.jsonl").lines().toList();
    assertEquals(lines, output.size());
    for (int i = 0; i < lines; i++) {
      JsonNode line = JacksonOracle.read(output.get(i));
      assertEquals(SM4, line.path("key_id").asText(), output.get(i));
      assertEquals("line " + i, plaintext(SM4, line.path("cipher_text").asText()));
    }
    assertEquals(List.of("batch.jsonl", "reencrypted/batch.jsonl"), S3.keys(bucket));
    assertEquals(0, S3.pendingMultipartUploads(bucket));
  }

  @Test
  void manifest_oneLineExhaustsItsRetries_stopsAndNoOutputAppears() throws Exception {
    put("batch.jsonl", manifest(6));
    URI serve = URI.create(kms.endpoint());
    flaky.then(forwardTo(serve), forwardTo(serve));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      flaky.then(kmsError(503, "KMS.0104"));
    }

    RecordSummary record = handle("batch.jsonl");

    assertEquals("failed", record.status());
    assertEquals("KMS.0104", record.errorCode());
    assertEquals(2 + ATTEMPTS, flaky.received().size(), "the manifest stopped at line 3");
    assertEquals(List.of("batch.jsonl"), S3.keys(bucket));
    assertEquals(0, S3.pendingMultipartUploads(bucket));
  }

  @Test
  void singleCiphertext_kmsNeverRecovers_noOutputAppears() throws Exception {
    put("in/lost.txt", DemoKms.encrypt(DemoKms.AES, "kept safe"));
    flaky.otherwise(kmsError(503, "KMS.0104"));

    RecordSummary record = handle("in/lost.txt");

    assertEquals("failed", record.status());
    assertEquals("KMS.0104", record.errorCode());
    assertEquals(List.of("in/lost.txt"), S3.keys(bucket));
    assertEquals(0, S3.pendingMultipartUploads(bucket));
  }

  private RecordSummary handle(String key) {
    return handle(key, ATTEMPTS, "1");
  }

  /**
   * Runs the OBS handler on one object with the SDK engine behind {@code flaky}.
   *
   * @param attempts the engine's attempts per call
   * @param concurrency MANIFEST_CONCURRENCY: manifest lines in flight at once
   */
  private RecordSummary handle(String key, int attempts, String concurrency) {
    CloudKmsEngine engine =
        CloudKmsEngine.create(
            new CloudKmsSettings(
                flaky.endpoint(),
                kms.projectId(),
                new Credentials(kms.accessKey(), kms.secretKey(), null),
                Duration.ofMillis(200),
                Duration.ofMillis(200),
                attempts,
                0),
            time.pacing(() -> 0.5));
    FunctionSetup setup =
        new FunctionSetup(
            Map.of(), configuration -> new EngineFactory.Choice(engine, Optional.empty()));
    ObsHandler handler =
        new ObsHandler(
            setup,
            (context, configuration) -> ObsObjectStore.connect(S3.endpoint(), S3.credentials()));
    Map<String, Object> event = EventTemplates.obs(ObsShape.OBS, bucket, key, "", 0);
    return handler
        .handleRequest(
            event,
            new HandlerContexts(
                    Map.of("DESTINATION_KEY_ID", SM4, "MANIFEST_CONCURRENCY", concurrency))
                .context)
        .records()
        .get(0);
  }

  private static String manifest(int lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      text.append("{\"cipher_text\":\"")
          .append(DemoKms.encrypt(DemoKms.AES, "line " + i))
          .append("\"}\n");
    }
    return text.toString();
  }

  private void put(String key, String content) throws IOException {
    try (ObjectStore store = ObsObjectStore.connect(S3.endpoint(), S3.credentials())) {
      store.write(
          bucket, key, Map.of(), out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private String read(String key) throws IOException {
    return new String(S3.read(bucket, key), StandardCharsets.UTF_8);
  }

  private static String plaintext(String keyId, String cipherText) {
    String base64 = DemoKms.plaintexts().of(keyId, null, null, cipherText.trim());
    return new String(java.util.Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static FaultyKmsServer newFlaky() {
    try {
      return new FaultyKmsServer("{}");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package cloud.reencrypt.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.OutputMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a handler's return value against a fixture's {@code .expected.json}: an OBS summary must
 * equal it as a tree and its outputs must decrypt to the sources' plaintexts; an APIG response must
 * match it in status and headers, its body checked by property (fresh ciphertexts, request IDs).
 */
public final class FixtureAssertions {
  private static final Plaintexts PLAINTEXTS = DemoKms.plaintexts();
  private static final ReEncryptAssertions ASSERT = new ReEncryptAssertions(PLAINTEXTS);

  private FixtureAssertions() {}

  /** An APIG event has no {@code Records} and no CloudEvents {@code data}. */
  public static boolean isApig(EventFixture fixture) {
    return !fixture.event().has("Records") && !fixture.event().has("data");
  }

  /**
   * Checks one result.
   *
   * @param requestId the context's request ID, which an APIG response echoes
   * @param store where an OBS handler wrote its outputs
   */
  public static void assertResult(
      EventFixture fixture, JsonNode actual, String requestId, ObjectStore store)
      throws IOException {
    assertNotNull(fixture.expected(), fixture.name() + " has no .expected.json beside it");
    if (isApig(fixture)) {
      assertApig(fixture, actual, requestId);
    } else {
      assertEquals(fixture.expected(), actual, fixture.name());
      assertOutputs(actual, store);
    }
  }

  private static void assertApig(EventFixture fixture, JsonNode actual, String requestId) {
    JsonNode expected = fixture.expected();
    assertEquals(expected.get("statusCode"), actual.get("statusCode"), fixture.name());
    assertEquals(expected.get("isBase64Encoded"), actual.get("isBase64Encoded"));
    assertEquals(expected.size(), actual.size(), "members: " + actual);
    JsonNode headers = actual.get("headers");
    assertEquals(requestId, headers.get("X-Request-Id").asText(), "X-Request-Id");
    Iterator<String> names = expected.get("headers").fieldNames();
    names.forEachRemaining(
        name -> {
          if (!name.equals("X-Request-Id")) {
            assertEquals(expected.get("headers").get(name), headers.get(name), name);
          }
        });
    assertEquals(expected.get("headers").size(), headers.size(), "headers");
    ASSERT.assertBody(
        requestBody(fixture.event()),
        JacksonOracle.read(expected.get("body").asText()),
        JacksonOracle.read(actual.get("body").asText()),
        fixture.name());
  }

  private static JsonNode requestBody(JsonNode event) {
    String body = event.path("body").asText("");
    if (event.path("isBase64Encoded").asBoolean()) {
      try {
        body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    try {
      return JacksonOracle.read(body);
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  /**
   * Checks the outputs of an OBS summary's processed records: each exists, records its source's
   * ETag and decrypts to the source's plaintext (line by line for a manifest).
   */
  public static void assertOutputs(JsonNode summary, ObjectStore store) throws IOException {
    for (JsonNode record : summary.get("records")) {
      if (!"processed".equals(record.get("status").asText())) {
        continue;
      }
      String bucket = record.get("bucket").asText();
      String key = record.get("key").asText();
      String outBucket = record.get("outputBucket").asText();
      String outKey = record.get("outputKey").asText();
      ObjectInfo source = store.head(bucket, key).orElseThrow();
      ObjectInfo output = store.head(outBucket, outKey).orElseThrow();
      assertEquals(source.etag(), output.userMetadata(OutputMetadata.SOURCE_ETAG).orElseThrow());
      if ("manifest".equals(record.get("kind").asText())) {
        assertManifestOutput(read(store, bucket, key), read(store, outBucket, outKey));
      } else {
        assertCiphertextOutput(read(store, bucket, key), read(store, outBucket, outKey), output);
      }
    }
  }

  private static void assertCiphertextOutput(String source, String output, ObjectInfo info) {
    String sourceKey = info.userMetadata(OutputMetadata.SOURCE_KEY_ID).orElseThrow();
    String destinationKey = info.userMetadata(OutputMetadata.DESTINATION_KEY_ID).orElseThrow();
    assertEquals(
        PLAINTEXTS.of(sourceKey, "SYMMETRIC_DEFAULT", null, source.strip()),
        PLAINTEXTS.of(destinationKey, "SYMMETRIC_DEFAULT", null, output));
  }

  private static void assertManifestOutput(String source, String output) {
    List<String> in = source.lines().toList();
    List<String> out = output.lines().toList();
    assertEquals(in.size(), out.size(), "one output line per input line");
    assertTrue(output.endsWith("\n"));
    for (int i = 0; i < in.size(); i++) {
      JsonNode result = JacksonOracle.read(out.get(i));
      if (result.has("error")) {
        assertEquals(i + 1, result.get("line").asInt(), "line " + (i + 1));
        assertFalse(result.get("error").get("error_code").asText().isEmpty());
      } else {
        JsonNode request = JacksonOracle.read(in.get(i));
        ASSERT.assertReEncrypted(request, result, result, "line " + (i + 1));
      }
    }
  }

  private static String read(ObjectStore store, String bucket, String key) throws IOException {
    try (var object = store.open(bucket, key)) {
      return new String(object.content().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package cloud.reencrypt.fgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.LocalInvoker;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.json.Json;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.store.OutputMetadata;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.EventFixture;
import cloud.reencrypt.testing.EventFixtures;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.Plaintexts;
import cloud.reencrypt.testing.ReEncryptAssertions;
import cloud.reencrypt.testing.RepoPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Runs every committed event through the handler its shape calls for, as {@code invoke} does, and
 * compares the return value with {@code name.expected.json}. Fresh ciphertexts and request IDs are
 * checked by property; OBS outputs are read back from the store and checked the same way.
 */
class EventFixturesTest {
  private static final Plaintexts PLAINTEXTS = DemoKms.plaintexts();
  private static final ReEncryptAssertions ASSERT = new ReEncryptAssertions(PLAINTEXTS);

  @TempDir Path objects;

  @ParameterizedTest(name = "{0}")
  @EventFixtures
  void handler_committedEvent_returnsExpected(EventFixture fixture) throws IOException {
    assertNotNull(fixture.expected(), fixture.name() + " has no .expected.json beside it");
    copyTree(RepoPaths.events().resolve("objects"), objects);
    ObjectStore store = ObjectStores.directory(objects);
    LocalContext context =
        LocalContext.forUserData(Map.of("REENCRYPT_KEYSTORE", RepoPaths.demoKeystore().toString()));

    // Read as invoke reads it, and compared through the text invoke prints, read by Jackson.
    Object event = Json.parse(Files.readString(fixture.file()));
    JsonNode actual =
        JacksonOracle.read(RuntimeJson.write(new LocalInvoker(store).invoke(event, context)));

    if (EventKind.of(event).orElseThrow() == EventKind.APIG) {
      assertApig(fixture, actual, context.getRequestID());
    } else {
      assertEquals(fixture.expected(), actual, fixture.name());
      assertOutputs(actual, store);
    }
  }

  private static void assertApig(EventFixture fixture, JsonNode actual, String requestId)
      throws IOException {
    JsonNode expected = fixture.expected();
    assertEquals(expected.get("statusCode"), actual.get("statusCode"), fixture.name());
    assertEquals(expected.get("isBase64Encoded"), actual.get("isBase64Encoded"));
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
    JsonNode request = requestBody(fixture.event());
    ASSERT.assertBody(
        request,
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

  private static void assertOutputs(JsonNode summary, ObjectStore store) throws IOException {
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

  private static void assertManifestOutput(String source, String output) throws IOException {
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

  /**
   * Copies the committed sample objects, leaving out what local runs of the quick start may have
   * added (outputs under {@code reencrypted/} and the store's hidden metadata), so every run starts
   * from the same state.
   */
  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = from.relativize(file).toString().replace('\\', '/');
        if (relative.startsWith(".") || relative.matches("[^/]+/reencrypted(/.*)?")) {
          continue;
        }
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}

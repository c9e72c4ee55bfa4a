package cloud.reencrypt.service;

import static cloud.reencrypt.testing.DemoKms.AES;
import static cloud.reencrypt.testing.DemoKms.RSA_2048;
import static cloud.reencrypt.testing.DemoKms.SM4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.FailingEngines;
import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestProcessorTest {
  @Test
  void process_lineWithAHugeNumberOrDeepNesting_isAnErrorLineAndTheNextLineRuns()
      throws IOException {
    String hugeNumber = "{\"ignored\":" + "1".repeat(60_000) + "}";
    String deep = "{\"ignored\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}";
    String manifest =
        hugeNumber + "\n" + deep + "\n" + line(DemoKms.encrypt(AES, "x"), null) + "\n";

    List<JsonNode> out =
        run(processor(DemoKms.engine(), Set.of()), manifest, new Expected(3, 1, 2));

    assertError(out.get(0), 1, "KMS.0202");
    assertError(out.get(1), 2, "KMS.0202");
  }

  @Test
  void process_startLimit_takesTheLinesStartingBeforeItAndNumbersFromFirstLine() throws Exception {
    String good = line(DemoKms.encrypt(AES, "a"), SM4);
    String manifest = good + "\n{}\n" + good + "\n" + good + "\n";
    byte[] input = manifest.getBytes(StandardCharsets.UTF_8);
    long limit = good.length() + 2; // inside line 2: line 2 starts before it, line 3 after it
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ManifestCounts counts =
        processor(DemoKms.engine(), Set.of())
            .process(new ByteArrayInputStream(input), out, 41, limit);

    List<JsonNode> lines =
        out.toString(StandardCharsets.UTF_8).lines().map(ManifestProcessorTest::json).toList();
    assertEquals(2, lines.size());
    assertError(lines.get(1), 42, "KMS.0204");
    assertEquals(good.length() + 4, counts.bytes());
    assertEquals(java.util.Map.of("KMS.0204", 1L), counts.failures());
  }

  @Test
  void process_failuresOfSeveralCodes_areCountedByCode() throws Exception {
    String manifest = "{}\nnot json\n{}\n" + line(DemoKms.encrypt(AES, "a"), SM4) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ManifestCounts counts =
        processor(DemoKms.engine(), Set.of())
            .process(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)), out);

    assertEquals(java.util.Map.of("KMS.0204", 2L, "KMS.0202", 1L), counts.failures());
    assertEquals(1, counts.succeeded());
  }

  private static ManifestProcessor processor(KmsEngine engine, Set<String> allowedDestinations) {
    ReEncryptService service =
        new ReEncryptService(
            engine,
            new KeyAllowList("source", Set.of()),
            new KeyAllowList("destination", allowedDestinations));
    return new ManifestProcessor(service, Optional.of(SM4), "SYMMETRIC_DEFAULT", 3);
  }

  private static List<JsonNode> run(ManifestProcessor processor, String manifest, Expected expected)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] input = manifest.getBytes(StandardCharsets.UTF_8);
    ManifestCounts counts = processor.process(new ByteArrayInputStream(input), out);
    assertEquals(expected, new Expected(counts.lines(), counts.succeeded(), counts.failed()));
    assertEquals(counts.failed(), counts.failures().values().stream().mapToLong(n -> n).sum());
    assertEquals(input.length, counts.bytes());
    String output = out.toString(StandardCharsets.UTF_8);
    return output.lines().map(ManifestProcessorTest::json).toList();
  }

  /** The line counts a manifest must give. */
  private record Expected(long lines, long succeeded, long failed) {}

  private static JsonNode json(String line) {
    try {
      return JacksonOracle.read(line);
    } catch (UncheckedIOException e) {
      throw new AssertionError("output line is not JSON: " + line, e);
    }
  }

  private static String line(String cipherText, String destination) {
    String target = destination == null ? "" : ",\"destination_key_id\":\"" + destination + "\"";
    return "{\"cipher_text\":\"" + cipherText + "\"" + target + "}";
  }

  private static void assertError(JsonNode result, int line, String code) {
    assertEquals(line, result.get("line").asInt());
    assertEquals(code, result.get("error").get("error_code").asText(), result.toString());
  }

  @Test
  void process_mixedLines_givesOneOutputLinePerInputLineInOrder() throws IOException {
    String manifest =
        line(DemoKms.encrypt(AES, "a"), AES)
            + "\r\n"
            + "\r\n"
            + "not json\n"
            + "[1,2]\n"
            + "{\"cipher_text\":7,\"destination_key_id\":\""
            + AES
            + "\"}\n"
            + line(DemoKms.encrypt(SM4, "f"), null)
            + "\n";

    List<JsonNode> out =
        run(processor(DemoKms.engine(), Set.of()), manifest, new Expected(6, 2, 4));

    assertEquals(6, out.size());
    assertEquals(AES, out.get(0).get("key_id").asText());
    assertError(out.get(1), 2, "KMS.0202");
    assertError(out.get(2), 3, "KMS.0202");
    assertError(out.get(3), 4, "KMS.0202");
    assertError(out.get(4), 5, "KMS.0308");
    assertEquals(SM4, out.get(5).get("key_id").asText());
  }

  @Test
  void process_lineWithoutDestination_getsTheConfiguredKeyAndAlgorithm() throws IOException {
    List<JsonNode> out =
        run(
            processor(DemoKms.engine(), Set.of()),
            line(DemoKms.encrypt(AES, "x"), null),
            new Expected(1, 1, 0));

    assertEquals(SM4, out.get(0).get("key_id").asText());
    assertEquals("SYMMETRIC_DEFAULT", out.get(0).get("destination_encryption_algorithm").asText());
  }

  @Test
  void process_lineNamingItsOwnDestination_keepsItsOwnAlgorithmDefault() throws IOException {
    String manifest =
        "{\"cipher_text\":\""
            + DemoKms.encrypt(AES, "x")
            + "\",\"destination_key_id\":\""
            + RSA_2048
            + "\",\"destination_encryption_algorithm\":\"RSAES_OAEP_SHA_256\"}";

    List<JsonNode> out =
        run(processor(DemoKms.engine(), Set.of()), manifest, new Expected(1, 1, 0));

    assertEquals(RSA_2048, out.get(0).get("key_id").asText());
  }

  @Test
  void process_refusedKey_isAnErrorLineAndTheRestGoOn() throws IOException {
    String manifest =
        line(DemoKms.encrypt(AES, "a"), AES) + "\n" + line(DemoKms.encrypt(AES, "b"), SM4) + "\n";

    List<JsonNode> out =
        run(processor(DemoKms.engine(), Set.of(SM4)), manifest, new Expected(2, 1, 1));

    assertError(out.get(0), 1, "KMS.0306");
    assertEquals(SM4, out.get(1).get("key_id").asText());
  }

  @Test
  void process_overlongLine_isAnErrorLine() throws IOException {
    String manifest =
        "{\"x\":\""
            + "a".repeat(ManifestProcessor.MAX_LINE_BYTES)
            + "\"}\n"
            + line(DemoKms.encrypt(AES, "a"), AES);

    List<JsonNode> out =
        run(processor(DemoKms.engine(), Set.of()), manifest, new Expected(2, 1, 1));

    assertError(out.get(0), 1, "KMS.0203");
  }

  static Stream<Arguments> transientFailures() {
    return Stream.of(
        Arguments.of(FailingEngines.unreachableAfter(1), "KMS.0104", 503),
        Arguments.of(FailingEngines.throttledAfter(1), "APIGW.0308", 429));
  }

  @ParameterizedTest
  @MethodSource("transientFailures")
  void process_transientEngineFailure_stopsTheManifestInsteadOfWritingErrorLines(
      KmsEngine engine, String code, int status) {
    String manifest =
        line(DemoKms.encrypt(AES, "a"), AES) + "\n" + line(DemoKms.encrypt(AES, "b"), AES) + "\n";
    ManifestProcessor processor = processor(engine, Set.of());

    KmsException e =
        assertThrows(
            KmsException.class,
            () ->
                processor.process(
                    new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream()));

    assertEquals(code, e.errorCode());
    assertEquals(status, e.httpStatus());
  }

  @Test
  void process_manyLinesConcurrently_keepsInputOrder() throws IOException {
    String good = line(DemoKms.encrypt(AES, "a"), SM4);
    StringBuilder manifest = new StringBuilder();
    for (int i = 1; i <= 500; i++) {
      manifest.append(i % 7 == 0 ? "{}" : good).append('\n');
    }

    List<JsonNode> out =
        run(processor(DemoKms.engine(), Set.of()), manifest.toString(), new Expected(500, 429, 71));

    for (int i = 1; i <= 500; i++) {
      if (i % 7 == 0) {
        assertError(out.get(i - 1), i, "KMS.0204");
      } else {
        assertEquals(SM4, out.get(i - 1).get("key_id").asText());
      }
    }
  }
}

package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.fgs.EventKind;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenerateEventCommandTest {
  @TempDir Path dir;

  @Test
  void generateApig_bodyFile_isBase64EncodedAsApigSendsIt() throws Exception {
    Path body = dir.resolve("body.json");
    Files.writeString(body, "{\"cipher_text\":\"é\"}");

    CliRun run =
        CliRun.of(
            "generate-event", "apig", "--body", body.toString(), "--path", "/p/kms/re-encrypt");

    assertEquals(0, run.status(), run.err());
    JsonNode event = JacksonOracle.read(run.out());
    assertEquals(
        EventKind.APIG, EventKind.of(RuntimeJson.event(run.out(), Object.class)).orElseThrow());
    assertTrue(event.get("isBase64Encoded").asBoolean());
    assertEquals("POST", event.get("httpMethod").asText());
    assertEquals("/p/kms/re-encrypt", event.get("path").asText());
    assertEquals(
        "{\"cipher_text\":\"é\"}",
        new String(Base64.getDecoder().decode(event.get("body").asText()), StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3", "obs", "eventgrid"})
  void generateObs_everyShape_isAnObsEventWithTheKeyUrlEncoded(String shape) throws Exception {
    CliRun run =
        CliRun.of("generate-event", "obs", "--bucket", "b", "--key", "a b/中.txt", "--shape", shape);

    assertEquals(0, run.status(), run.err());
    assertEquals(
        EventKind.OBS, EventKind.of(RuntimeJson.event(run.out(), Object.class)).orElseThrow());
    assertTrue(run.out().contains("a+b%2F%E4%B8%AD.txt"), run.out());
  }

  @Test
  void generateEvent_badArguments_exit2WithOneLine() {
    for (CliRun run :
        new CliRun[] {
          CliRun.of("generate-event"),
          CliRun.of("generate-event", "timer"),
          CliRun.of("generate-event", "obs", "--bucket", "b"),
          CliRun.of("generate-event", "obs", "--bucket", "b", "--key", "k", "--shape", "sqs"),
          CliRun.of("generate-event", "obs", "--bucket", "b", "--key", "k", "--size", "-1"),
          CliRun.of("generate-event", "apig", "--body", dir.resolve("none").toString())
        }) {
      assertEquals(2, run.status(), run.err());
      assertTrue(run.oneErrorLine(), run.err());
    }
  }

  @Test
  void generateEvent_help_printsUsage() {
    CliRun run = CliRun.of("generate-event", "--help");

    assertEquals(0, run.status());
    assertTrue(run.out().contains("--shape s3|obs|eventgrid"));
  }
}

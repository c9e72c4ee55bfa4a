package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeCommandTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void invoke_apigEventAnsweredWith4xx_printsTheResponseAndExits0() throws Exception {
    Path body = file("body.json", "{}");
    CliRun generated =
        CliRun.of("generate-event", "apig", "--body", body.toString(), "--method", "GET");
    Path event = file("event.json", generated.out());

    CliRun run = CliRun.of("invoke", "--event", event.toString());

    assertEquals(0, run.status(), run.err());
    JsonNode response = JacksonOracle.read(run.out());
    assertEquals(405, response.get("statusCode").asInt());
    assertEquals(false, response.get("isBase64Encoded").asBoolean());
    assertTrue(response.get("body").asText().contains("KMS.0215"));
  }

  @Test
  void invoke_missingEventFile_exits1WithOneLine() {
    CliRun run = CliRun.of("invoke", "--event", dir.resolve("nope.json").toString());

    assertEquals(1, run.status());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("does not exist"), run.err());
  }

  @Test
  void invoke_unparsableEvent_exits1WithOneLine() throws Exception {
    CliRun run = CliRun.of("invoke", "--event", file("bad.json", "{\"Records\": [").toString());

    assertEquals(1, run.status());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("not valid JSON"), run.err());
  }

  @Test
  void invoke_eventOfNeitherShape_exits1WithOneLine() throws Exception {
    CliRun run =
        CliRun.of("invoke", "--event", file("other.json", "{\"version\":\"v1.0\"}").toString());

    assertEquals(1, run.status());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("neither an API Gateway event"), run.err());
  }

  @Test
  void invoke_badArguments_exit2WithOneLine() {
    CliRun missing = CliRun.of("invoke");
    CliRun unknown = CliRun.of("invoke", "--event", "e.json", "--bogus", "x");

    assertEquals(2, missing.status());
    assertTrue(missing.oneErrorLine(), missing.err());
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("--bogus"), unknown.err());
    CliRun noDirectory =
        CliRun.of("invoke", "--event", "e.json", "--objects", dir.resolve("none").toString());
    assertEquals(2, noDirectory.status());
    assertTrue(noDirectory.err().contains("is not a directory"), noDirectory.err());
  }

  @Test
  void invoke_help_printsUsage() {
    CliRun run = CliRun.of("invoke", "--help");

    assertEquals(0, run.status());
    assertTrue(run.out().contains("--objects DIR"));
  }
}

package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.kms.local.LocalKeystore;
import cloud.reencrypt.testing.LocalKmsServer;
import cloud.reencrypt.testing.RepoPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServeCommandTest {
  private static final Pattern READY =
      Pattern.compile(
          "reencrypt serve: listening on (http://127\\.0\\.0\\.1:\\d+) \\(project ([0-9a-f]{32})\\)");

  @Test
  void serve_portZero_printsOneReadyLineServesAndStopsCleanly(@TempDir Path dir) throws Exception {
    Path keystore = LocalKmsServer.copyDemoKeystore(dir);
    RunningServer serve =
        RunningServer.start(
            (out, err) ->
                Main.run(
                    List.of("serve", "--port", "0", "--keystore", keystore.toString()), out, err));
    Matcher ready = READY.matcher(serve.nextLine());
    assertTrue(ready.matches());
    String token = LocalKeystore.open(keystore).snapshot().authTokens().get(0);

    HttpResponse<String> reply = post(ready.group(1), ready.group(2), token);
    assertEquals(200, reply.statusCode(), reply.body());
    assertTrue(reply.body().contains("\"keys\""));
    assertEquals(0, serve.stop());
    assertTrue(serve.err().contains("is the public demo keystore"), serve.err());
    assertTrue(serve.err().endsWith("reencrypt serve: stopping\n"), serve.err());
  }

  @Test
  void serve_keystoreFromEnvironment_missingFileIsCreatedAndServed(@TempDir Path dir)
      throws Exception {
    Path keystore = dir.resolve("fresh.json");
    ServeCommand command =
        new ServeCommand(name -> name.equals("REENCRYPT_KEYSTORE") ? keystore.toString() : null);
    RunningServer serve =
        RunningServer.start((out, err) -> command.run(List.of("--port", "0"), out, err));
    Matcher ready = READY.matcher(serve.nextLine());
    assertTrue(ready.matches());

    var created = LocalKeystore.open(keystore).snapshot();
    assertEquals(created.projectId(), ready.group(2));
    assertEquals(
        200, post(ready.group(1), ready.group(2), created.authTokens().get(0)).statusCode());
    assertEquals(0, serve.stop());
  }

  @Test
  void serve_keystoreAdmittingNobody_exits1WithOneLine(@TempDir Path dir) throws Exception {
    ObjectNode document =
        (ObjectNode) new ObjectMapper().readTree(RepoPaths.demoKeystore().toFile());
    document.putArray("credentials");
    document.putArray("auth_tokens");
    Path keystore = dir.resolve("keystore.json");
    Files.writeString(keystore, document.toString());
    CliRun run = CliRun.of("serve", "--port", "0", "--keystore", keystore.toString());

    assertEquals(1, run.status());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("no credentials and no auth_tokens"), run.err());
  }

  @Test
  void serve_defaultKeystoreMissing_isRefusedWithTheRepositoryHintAndNotCreated() {
    assumeFalse(Files.exists(Path.of("events/keystore.json")), "the tests run in function/");
    ServeCommand command = new ServeCommand(name -> null);

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> command.run(List.of("--port", "0"), System.out, System.err));

    assertTrue(e.getMessage().contains("'events/keystore.json' does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("run from the repository root"), e.getMessage());
    assertFalse(Files.exists(Path.of("events")));
  }

  @Test
  void serve_withoutPort_exits2WithOneLine() {
    CliRun run = CliRun.of("serve");

    assertEquals(2, run.status());
    assertTrue(run.oneErrorLine());
    assertTrue(run.err().contains("--port is required"));
  }

  @Test
  void serve_badPort_exits2() {
    assertEquals(2, CliRun.of("serve", "--port", "70000").status());
    assertEquals(2, CliRun.of("serve", "--port", "http").status());
  }

  @Test
  void serve_corruptKeystore_exits1WithOneLineAndKeepsTheFile(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("keystore.json");
    Files.writeString(keystore, "{ not json");
    CliRun run = CliRun.of("serve", "--port", "0", "--keystore", keystore.toString());

    assertEquals(1, run.status());
    assertTrue(run.oneErrorLine(), run.err());
    assertFalse(run.err().contains("at cloud."));
    assertTrue(run.err().contains(keystore.toString()), run.err()); // the operator's own file
    assertEquals("{ not json", Files.readString(keystore));
  }

  @Test
  void serve_help_describesUsage() {
    CliRun run = CliRun.of("serve", "--help");

    assertEquals(0, run.status());
    assertTrue(run.out().contains("serve --port N [--keystore FILE]"));
    assertTrue(run.out().contains("--max-tps N"));
    assertTrue(run.out().contains("GET /_serve/stats"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "fast", "2.5", "1000001", "99999999999"})
  void serve_badMaxTps_exits2WithOneLine(String value) {
    CliRun run = CliRun.of("serve", "--port", "0", "--max-tps", value);

    assertEquals(2, run.status());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("--max-tps must be a whole number from 1 to 1000000"));
  }

  @Test
  @Timeout(120) // a hang guard only: the test itself waits for no fixed time
  void serve_maxTps_throttlesBeyondItAndSumsUpTheBusySecondOnStderr(@TempDir Path dir)
      throws Exception {
    Path keystore = LocalKmsServer.copyDemoKeystore(dir);
    RunningServer serve =
        RunningServer.start(
            (out, err) ->
                Main.run(
                    List.of(
                        "serve",
                        "--port",
                        "0",
                        "--keystore",
                        keystore.toString(),
                        "--max-tps",
                        "2"),
                    out,
                    err));
    Matcher ready = READY.matcher(serve.nextLine());
    assertTrue(ready.matches());
    String token = LocalKeystore.open(keystore).snapshot().authTokens().get(0);

    HttpResponse<String> reply = post(ready.group(1), ready.group(2), token);
    for (int sent = 1; reply.statusCode() != 429 && sent < 1000; sent++) {
      reply = post(ready.group(1), ready.group(2), token);
    }
    assertEquals(429, reply.statusCode(), reply.body());
    assertTrue(reply.body().contains("\"error_code\":\"APIGW.0308\""), reply.body());
    String stats = get(ready.group(1) + "/_serve/stats").body();
    assertTrue(stats.contains("\"max_tps\":2"), stats);
    assertTrue(stats.contains("\"peak_answered\":2"), stats);

    Pattern throttledSecond =
        Pattern.compile(
            "reencrypt serve: \\S+Z received \\d+, answered 2, throttled [1-9]\\d*"
                + " \\(limit 2/s, peak answered 2\\)\n");
    while (!throttledSecond.matcher(serve.err()).find()) {
      Thread.sleep(50); // the line comes once the second has ended
    }
    assertEquals(0, serve.stop());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String project, String token)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/v1.0/" + project + "/kms/list-keys"))
            .header("X-Auth-Token", token)
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}

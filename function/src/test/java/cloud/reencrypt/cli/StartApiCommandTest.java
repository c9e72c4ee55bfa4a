package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.kms.DecryptDataRequest;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.RepoPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code start-api} in-process with the real APIG handler on the local engine, over HTTP. */
class StartApiCommandTest {
  private static final Pattern READY =
      Pattern.compile("reencrypt start-api: listening on (http://127\\.0\\.0\\.1:\\d+)");
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static RunningServer gateway;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    StartApiCommand command =
        new StartApiCommand(Map.of("REENCRYPT_KEYSTORE", RepoPaths.demoKeystore().toString()));
    gateway = RunningServer.start((out, err) -> command.run(List.of("--port", "0"), out, err));
    Matcher ready = READY.matcher(gateway.nextLine());
    assertTrue(ready.matches());
    url = ready.group(1);
  }

  @AfterAll
  static void stop() throws Exception {
    assertEquals(0, gateway.stop());
  }

  @Test
  void reEncrypt_postedToTheGateway_returnsKmsResponseFromTheHandler() throws Exception {
    String cipherText = DemoKms.encrypt(DemoKms.AES, "through the gateway");
    HttpResponse<String> reply =
        post(
            "/v1/kms/re-encrypt",
            "{\"cipher_text\":\""
                + cipherText
                + "\",\"destination_key_id\":\""
                + DemoKms.SM4
                + "\"}");

    assertEquals(200, reply.statusCode(), reply.body());
    assertTrue(
        reply.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    assertTrue(reply.headers().firstValue("X-Request-Id").isPresent());
    String moved = json(reply).path("cipher_text").asText();
    String plain =
        KmsOperations.DECRYPT_DATA
            .invoke(DemoKms.engine(), new DecryptDataRequest(moved, null, null, null, null))
            .plainText();
    assertEquals("through the gateway", plain);
  }

  @Test
  void badBody_postedToTheGateway_isTheHandlersKmsError() throws Exception {
    HttpResponse<String> reply = post("/v1/kms/re-encrypt", "not json");

    assertEquals(400, reply.statusCode());
    assertEquals("KMS.0202", json(reply).path("error").path("error_code").asText());
  }

  @Test
  void get_onTheGateway_isTheHandlers405() throws Exception {
    HttpResponse<String> reply =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(url + "/v1/kms/re-encrypt")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(405, reply.statusCode());
    assertEquals("KMS.0215", json(reply).path("error").path("error_code").asText());
  }

  @Test
  void startApi_badConfiguration_failsBeforeListening() {
    StartApiCommand command = new StartApiCommand(Map.of("REENCRYPT_ENGINE", "cloudy"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> command.run(List.of("--port", "0"), new PrintStream(out), System.err));
    assertTrue(e.getMessage().contains("REENCRYPT_ENGINE"), e.getMessage());
    assertEquals(0, out.size());
  }

  @Test
  void startApi_cloudEngineWithoutCredentials_failsBeforeListening() {
    StartApiCommand command =
        new StartApiCommand(
            Map.of("REENCRYPT_ENGINE", "kms", "KMS_ENDPOINT", "http://127.0.0.1:9"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> command.run(List.of("--port", "0"), new PrintStream(out), System.err));
    assertTrue(e.getMessage().contains("no KMS credentials"), e.getMessage());
    assertEquals(0, out.size());
  }

  @Test
  void startApi_withoutPort_exits2() {
    assertEquals(2, CliRun.of("start-api").status());
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> reply) throws Exception {
    return new ObjectMapper().readTree(reply.body());
  }
}

package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.LocalKmsServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production chain on one machine, every part its own process as a user would run it: curl's
 * part is played by the JDK's HTTP client → {@code start-api} with {@code REENCRYPT_ENGINE=kms} →
 * the official KMS SDK, credentials from {@code HUAWEICLOUD_SDK_*} → {@code serve} on a copy of the
 * demo keystore.
 */
class KmsEngineEndToEndTest {
  @TempDir static Path dir;
  private static ChildCommand serve;
  private static ChildCommand gateway;
  private static Path keystore;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    keystore = LocalKmsServer.copyDemoKeystore(dir);
    serve =
        ChildCommand.start(
            dir,
            Map.of(),
            "reencrypt serve: listening",
            "serve",
            "--port",
            "0",
            "--keystore",
            keystore.toString());
    gateway = startApi(serve.url(), credential("secret_key"));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    serve.close();
  }

  @Test
  void reEncrypt_throughStartApiAndSdkToServe_returnsKmsCiphertextUnderTheDestination()
      throws Exception {
    String source = DemoKms.encrypt(DemoKms.AES, "end to end", "ctx", null);
    HttpResponse<String> answer =
        post(
            gateway,
            "/v1/kms/re-encrypt",
            "{\"cipher_text\":\""
                + source
                + "\",\"source_additional_authenticated_data\":\"ctx\","
                + "\"destination_key_id\":\""
                + DemoKms.SM4
                + "\"}");

    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode body = JacksonOracle.read(answer.body());
    assertEquals(DemoKms.SM4, body.path("key_id").asText());
    assertEquals(DemoKms.AES, body.path("source_key_id").asText());
    String plaintext =
        DemoKms.plaintexts().of(DemoKms.SM4, null, null, body.path("cipher_text").asText());
    assertEquals(
        "end to end", new String(Base64.getDecoder().decode(plaintext), StandardCharsets.UTF_8));
  }

  @Test
  void batch_throughTheChain_reportsServesErrorForTheBadItemOnly() throws Exception {
    String source = DemoKms.encrypt(DemoKms.AES, "batch item");
    HttpResponse<String> answer =
        post(
            gateway,
            "/v1/kms/batch-re-encrypt",
            "{\"requests\":[{\"cipher_text\":\""
                + source
                + "\",\"destination_key_id\":\""
                + DemoKms.SM4
                + "\"},{\"cipher_text\":\""
                + source
                + "\",\"destination_key_id\":\""
                + DemoKms.UNKNOWN
                + "\"}]}");

    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode body = JacksonOracle.read(answer.body());
    assertEquals(1, body.path("succeeded").asInt());
    assertEquals("KMS.0207", body.path("results").get(1).path("error").path("error_code").asText());
  }

  @Test
  void reEncrypt_unknownDestination_isServesKmsErrorWithItsStatus() throws Exception {
    String source = DemoKms.encrypt(DemoKms.AES, "nowhere to go");
    HttpResponse<String> answer =
        post(
            gateway,
            "/v1/kms/re-encrypt",
            "{\"cipher_text\":\""
                + source
                + "\",\"destination_key_id\":\""
                + DemoKms.UNKNOWN
                + "\"}");

    assertEquals(404, answer.statusCode());
    assertEquals("KMS.0207", errorCode(answer));
  }

  @Test
  void reEncrypt_wrongSecretKeyInTheEnvironment_is401FromTheSignatureCheck() throws Exception {
    try (ChildCommand forged = startApi(serve.url(), "not-the-secret-key")) {
      HttpResponse<String> answer = post(forged, "/v1/kms/re-encrypt", anyRequest());
      assertEquals(401, answer.statusCode());
      assertEquals("APIGW.0301", errorCode(answer));
    }
  }

  @Test
  void reEncrypt_kmsUnreachable_is503ServiceUnavailable() throws Exception {
    try (ChildCommand orphan = startApi(closedPortUrl(), "any-secret")) {
      HttpResponse<String> answer = post(orphan, "/v1/kms/re-encrypt", anyRequest());
      assertEquals(503, answer.statusCode());
      assertEquals("KMS.0104", errorCode(answer));
    }
  }

  private static ChildCommand startApi(String kmsEndpoint, String secretKey) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("REENCRYPT_ENGINE", "kms");
    env.put("KMS_ENDPOINT", kmsEndpoint);
    env.put("KMS_MAX_ATTEMPTS", "1");
    env.put("HUAWEICLOUD_SDK_AK", credential("access_key"));
    env.put("HUAWEICLOUD_SDK_SK", secretKey);
    env.put("HUAWEICLOUD_SDK_PROJECT_ID", keystoreJson().path("project_id").asText());
    return ChildCommand.start(
        dir, env, "reencrypt start-api: listening", "start-api", "--port", "0");
  }

  private static HttpResponse<String> post(ChildCommand api, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String anyRequest() {
    return "{\"cipher_text\":\""
        + DemoKms.encrypt(DemoKms.AES, "x")
        + "\",\"destination_key_id\":\""
        + DemoKms.SM4
        + "\"}";
  }

  private static String errorCode(HttpResponse<String> answer) throws IOException {
    return JacksonOracle.read(answer.body()).path("error").path("error_code").asText();
  }

  /** A field of the keystore's first AK/SK pair, which {@code serve} accepts. */
  private static String credential(String field) throws IOException {
    return keystoreJson().path("credentials").get(0).path(field).asText();
  }

  private static JsonNode keystoreJson() throws IOException {
    return JacksonOracle.read(keystore);
  }

  private static String closedPortUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }
}

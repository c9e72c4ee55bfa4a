package cloud.reencrypt.server.apig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.fgs.local.ApigEvent;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP ↔ APIG event translation, with a backend that records the event and answers what the
 * test says. The real APIG handler behind the gateway is tested in {@code StartApiCommandTest}.
 */
class ApiGatewayServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final AtomicReference<ApigEvent> received = new AtomicReference<>();
  private ApiGatewayServer gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void request_post_becomesBase64ApigEvent() throws Exception {
    start(event -> answer(200, false, "{}"));
    byte[] body = "{\"cipher_text\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(url("/v1/p/kms/re-encrypt?limit=2&name=a%20b&name=c"))
                .header("X-Custom", "v1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    JsonNode event = JacksonOracle.read(JsonMapping.write(received.get()));
    assertEquals(200, response.statusCode());
    assertEquals("POST", event.path("httpMethod").asText());
    assertEquals("/v1/p/kms/re-encrypt", event.path("path").asText());
    assertTrue(event.path("isBase64Encoded").asBoolean());
    assertArrayEquals(body, Base64.getDecoder().decode(event.path("body").asText()));
    assertEquals("v1", event.path("headers").path("x-custom").asText());
    assertEquals("2", event.path("queryStringParameters").path("limit").asText());
    assertEquals("a b", event.path("queryStringParameters").path("name").asText());
    assertEquals("RELEASE", event.path("requestContext").path("stage").asText());
    assertEquals(
        event.path("requestContext").path("requestId").asText(),
        response.headers().firstValue("X-Request-Id").orElseThrow());
  }

  @Test
  void response_base64Body_isDecodedForTheClient() throws Exception {
    byte[] binary = {0, 1, 2, (byte) 0xff};
    start(event -> answer(201, true, Base64.getEncoder().encodeToString(binary)));
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(url("/anything")).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(201, response.statusCode());
    assertArrayEquals(binary, response.body());
    assertEquals("text/plain", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("", received.get().body());
  }

  @Test
  void response_functionThrows_is502WithFlatGatewayError() throws Exception {
    start(
        event -> {
          throw new IllegalStateException("secret detail");
        });
    HttpResponse<String> response = post("/v1/p/kms/re-encrypt", "{}");

    JsonNode error = JSON.readTree(response.body());
    assertEquals(502, response.statusCode());
    assertEquals("APIG.0202", error.path("error_code").asText());
    assertEquals(
        response.headers().firstValue("X-Request-Id").orElseThrow(),
        error.path("request_id").asText());
    assertFalse(response.body().contains("secret detail"));
  }

  @Test
  void response_notAnApigResponse_is502() throws Exception {
    start(event -> "just a string");
    assertEquals(502, post("/x", "{}").statusCode());
    gateway.close();
    start(event -> answer(200, true, "***not base64***"));
    assertEquals(502, post("/x", "{}").statusCode());
  }

  @Test
  void request_overApigBodyLimit_is413WithoutCallingTheFunction() throws Exception {
    start(event -> answer(200, false, "{}"));
    HttpResponse<String> response = post("/x", "a".repeat(ApiGatewayServer.MAX_BODY_BYTES + 1));

    assertEquals(413, response.statusCode());
    assertEquals("APIG.0201", JSON.readTree(response.body()).path("error_code").asText());
    assertEquals(null, received.get());
  }

  private void start(ApigBackend backend) throws Exception {
    gateway =
        ApiGatewayServer.start(
            0,
            event -> {
              received.set(event);
              return backend.invoke(event);
            });
  }

  /** An answer as the function's return value reaches the gateway: a tree our parser built. */
  private static Map<String, Object> answer(long status, boolean base64, String body) {
    return Map.of(
        "statusCode",
        status,
        "headers",
        Map.of("Content-Type", "text/plain"),
        "body",
        body,
        "isBase64Encoded",
        base64);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(url(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String pathAndQuery) {
    return URI.create(gateway.url() + pathAndQuery);
  }
}

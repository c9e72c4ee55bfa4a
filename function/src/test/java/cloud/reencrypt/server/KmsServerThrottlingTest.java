package cloud.reencrypt.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.testing.LocalKmsServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --max-tps} over real HTTP: a server whose clock stands still, so every request falls
 * in one window and the limit's effect is exact.
 */
class KmsServerThrottlingTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.250Z");
  private static final int LIMIT = 3;

  private LocalKmsServer kms;
  private KmsHttp http;

  @BeforeEach
  void start() throws Exception {
    kms = LocalKmsServer.start(Clock.fixed(NOW, ZoneOffset.UTC), LIMIT);
    http = new KmsHttp(kms, NOW);
  }

  @AfterEach
  void stop() {
    kms.close();
  }

  @Test
  void requests_beyondTheLimitInOneSecond_get429WithKmsNestedThrottlingError() {
    for (int i = 0; i < LIMIT; i++) {
      assertEquals(200, http.signed("list-keys", "{}").status());
    }
    KmsHttp.Reply refused = http.signed("list-keys", "{}");

    assertEquals(429, refused.status());
    assertEquals("APIGW.0308", refused.errorCode());
    assertTrue(
        refused.json().path("error").path("error_msg").asText().startsWith("The throttling"),
        refused.json().toString());
    assertEquals(32, refused.requestId().length());
    assertEquals(HttpAnswer.JSON, refused.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void stats_afterThrottling_reportsTheWindowAndItsPeak() {
    for (int i = 0; i < LIMIT + 2; i++) {
      http.token("noop", "{}", kms.authToken());
    }
    http.post(kms.url("noop"), Map.of(), "{}"); // unauthenticated: counted, then throttled too

    KmsHttp.Reply reply = http.send(HttpRequest.newBuilder(statsUrl()).GET().build());
    assertEquals(200, reply.status());
    JsonNode stats = reply.json();
    assertEquals(LIMIT, stats.path("max_tps").asInt());
    assertEquals(6, stats.path("received").asLong());
    assertEquals(LIMIT, stats.path("answered").asLong());
    assertEquals(3, stats.path("throttled").asLong());
    assertEquals(LIMIT, stats.path("peak_answered").asInt());
    JsonNode window = stats.path("windows").get(0);
    assertEquals("2026-03-01T12:00:00Z", window.path("start").asText());
    assertEquals(6, window.path("received").asInt());
    assertEquals(LIMIT, window.path("answered").asInt());
    assertEquals(3, window.path("throttled").asInt());
    assertEquals(1, stats.path("windows").size());
  }

  @Test
  void stats_isNeitherCountedNorThrottled() {
    for (int i = 0; i < LIMIT + 5; i++) {
      assertEquals(200, http.send(HttpRequest.newBuilder(statsUrl()).GET().build()).status());
    }
    assertEquals(0, kms.stats().received());
    assertEquals(200, http.signed("list-keys", "{}").status());
  }

  @Test
  void stats_post_is405AllowingGet() {
    KmsHttp.Reply reply = http.post(statsUrl(), Map.of(), "{}");
    assertEquals(405, reply.status());
    assertEquals("KMS.0215", reply.errorCode());
    assertEquals("GET", reply.headers().firstValue("Allow").orElseThrow());
  }

  private URI statsUrl() {
    return URI.create(kms.endpoint() + "/_serve/stats");
  }
}

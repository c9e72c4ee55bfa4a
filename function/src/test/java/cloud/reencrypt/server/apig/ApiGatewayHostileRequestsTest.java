package cloud.reencrypt.server.apig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.fgs.local.ApigEvent;
import cloud.reencrypt.server.HttpAnswer;
import cloud.reencrypt.server.RawHttp;
import cloud.reencrypt.server.RawHttp.Answer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What no HTTP client sends, to the local gateway over raw sockets: APIG's flat JSON error with the
 * status HTTP calls for, never an HTML page, and the function never runs.
 */
class ApiGatewayHostileRequestsTest {
  private static final AtomicReference<ApigEvent> received = new AtomicReference<>();
  private static ApiGatewayServer gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway =
        ApiGatewayServer.start(
            0,
            event -> {
              received.set(event);
              return Map.of("statusCode", 200L, "body", "{}");
            });
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void forget() {
    received.set(null);
  }

  static Stream<Arguments> hostileRequests() {
    return Stream.of(
        Arguments.of("garbage request line", "\u0000\u00ff NOT HTTP\r\n\r\n", 400, "APIG.0201"),
        Arguments.of("HTTP/0.9 request line", "GET /\r\n\r\n", 505, "APIG.0201"),
        Arguments.of("missing Host", "GET /x HTTP/1.1\r\n\r\n", 400, "APIG.0201"),
        Arguments.of("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", 400, "APIG.0201"),
        Arguments.of("encoded NUL", "GET /a%00b HTTP/1.1\r\nHost: x\r\n\r\n", 400, "APIG.0201"),
        Arguments.of(
            "Content-Length 10^12",
            "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000\r\n\r\n{}",
            413,
            "APIG.0201"),
        Arguments.of(
            "headers over the limit",
            "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + "a".repeat(20_000) + "\r\n\r\n",
            431,
            "APIG.0201"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void hostileRequest_anyKind_isFlatGatewayErrorWithoutCallingTheFunction(
      String name, String request, int status, String errorCode) {
    Answer answer = RawHttp.exchange(gateway.port(), request);

    assertEquals(status, answer.status(), answer::toString);
    assertEquals(HttpAnswer.JSON, answer.header("Content-Type"), answer::toString);
    assertEquals(errorCode, answer.json().path("error_code").asText(), answer::body);
    assertEquals(answer.header("X-Request-Id"), answer.json().path("request_id").asText());
    assertTrue(answer.header("X-Request-Id").matches("[0-9a-f]{32}"), answer::toString);
    assertNull(received.get());
  }
}

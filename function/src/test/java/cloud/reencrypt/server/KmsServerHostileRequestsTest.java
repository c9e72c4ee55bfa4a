package cloud.reencrypt.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.server.RawHttp.Answer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What no HTTP client sends, over raw sockets: every answer is KMS's nested JSON error with the
 * status HTTP calls for, never an HTML page or a stack trace, and the server keeps serving.
 */
class KmsServerHostileRequestsTest {
  @RegisterExtension static final KmsServerExtension server = new KmsServerExtension();

  static Stream<Arguments> hostileRequests() {
    String op = "/v1.0/{project}/kms/list-keys";
    String token = "X-Auth-Token: {token}\r\n";
    return Stream.of(
        Arguments.of(
            "garbage request line", "\u0000\u00ff NOT HTTP AT ALL\r\n\r\n", 400, "KMS.0201"),
        Arguments.of("HTTP/0.9 request line", "GET /\r\n\r\n", 505, "KMS.0201"),
        Arguments.of("unknown HTTP version", "GET / HTTP/7.1\r\nHost: x\r\n\r\n", 505, "KMS.0201"),
        Arguments.of(
            "missing Host", "POST " + op + " HTTP/1.1\r\n" + token + "\r\n", 400, "KMS.0201"),
        Arguments.of("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", 400, "KMS.0201"),
        Arguments.of(
            "encoded NUL", "POST /v1.0/%00/kms/x HTTP/1.1\r\nHost: x\r\n\r\n", 400, "KMS.0201"),
        Arguments.of(
            "raw NUL", "POST /v1.0/\u0000/kms/x HTTP/1.1\r\nHost: x\r\n\r\n", 400, "KMS.0201"),
        Arguments.of(
            "unknown method",
            "BREW " + op + " HTTP/1.1\r\nHost: x\r\n" + token + "\r\n",
            405,
            "KMS.0215"),
        Arguments.of(
            "Content-Length 10^12",
            "POST "
                + op
                + " HTTP/1.1\r\nHost: x\r\n"
                + token
                + "Content-Length: 1000000000000\r\n\r\n{}",
            400,
            "KMS.0203"),
        Arguments.of(
            "Content-Length not a number",
            "POST " + op + " HTTP/1.1\r\nHost: x\r\nContent-Length: twelve\r\n\r\n",
            400,
            "KMS.0201"),
        Arguments.of(
            "two Content-Lengths",
            "POST "
                + op
                + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
            400,
            "KMS.0201"),
        Arguments.of(
            "bad chunk size",
            "POST "
                + op
                + " HTTP/1.1\r\nHost: x\r\n"
                + token
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n",
            400,
            "KMS.0201"),
        Arguments.of(
            "headers over the limit",
            "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: "
                + "a".repeat(LoopbackHttpServer.MAX_HEADER_BYTES)
                + "\r\n\r\n",
            431,
            "KMS.0203"),
        Arguments.of(
            "URI over the limit",
            "GET /"
                + "a".repeat(LoopbackHttpServer.MAX_HEADER_BYTES)
                + " HTTP/1.1\r\nHost: x\r\n\r\n",
            414,
            "KMS.0201"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void hostileRequest_anyKind_isKmsJsonErrorWithItsStatus(
      String name, String request, int status, String errorCode) {
    Answer answer = RawHttp.exchange(server.kms().port(), fill(request));

    assertEquals(status, answer.status(), answer::toString);
    assertEquals(HttpAnswer.JSON, answer.header("Content-Type"), answer::toString);
    assertEquals(errorCode, answer.json().path("error").path("error_code").asText(), answer::body);
    assertTrue(answer.header("X-Request-Id").matches("[0-9a-f]{32}"), answer::toString);
    assertFalse(answer.body().contains("Exception") || answer.body().contains("at org."));
  }

  @Test
  void hostileRequests_afterward_serverStillServes() {
    hostileRequests()
        .forEach(args -> RawHttp.exchange(server.kms().port(), fill((String) args.get()[1])));

    assertEquals(200, server.http().signed("list-keys", "{}").status());
  }

  private static String fill(String request) {
    return request
        .replace("{project}", server.kms().projectId())
        .replace("{token}", server.kms().authToken());
  }
}

package cloud.reencrypt.kms.cloud;

import static cloud.reencrypt.testing.FaultyKmsServer.hold;
import static cloud.reencrypt.testing.FaultyKmsServer.kmsError;
import static cloud.reencrypt.testing.FaultyKmsServer.reset;
import static cloud.reencrypt.testing.FaultyKmsServer.respond;
import static cloud.reencrypt.testing.FaultyKmsServer.throttled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.CreateKeyRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.testing.FakeTime;
import cloud.reencrypt.testing.FaultyKmsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cloud engine, through the real SDK and real HTTP, against a loopback server that fails on
 * purpose. The clock and sleeper are fake: every backoff delay is recorded, none is waited. The
 * only real waits are the short (200 ms) timeouts of the slow-answer cases.
 */
class CloudKmsEngineFaultTest {
  private static final ReEncryptRequest REQUEST = FaultyKmsFixture.REQUEST;
  private static final ReEncryptResponse ANSWER =
      new ReEncryptResponse("dst", "src", "SYMMETRIC_DEFAULT", "SYMMETRIC_DEFAULT", "bmV3");
  private static final Duration SHORT = Duration.ofMillis(200);
  private static final Duration PATIENT = Duration.ofSeconds(5);

  @RegisterExtension final FaultyKmsFixture fixture = new FaultyKmsFixture();
  private final FakeTime time = fixture.time;
  private final FaultyKmsServer server = fixture.server;

  @Test
  void reEncrypt_throttledThenOk_retriesOnceAndReturnsTheAnswer() {
    server.then(throttled());
    assertEquals(ANSWER, engine(5, 0, PATIENT).reEncrypt(REQUEST));
    assertEquals(2, server.received().size());
    assertEquals(1, time.sleeps().size());
  }

  @Test
  void reEncrypt_runOf5xx_retriesWithExponentialFullJitterDelays() {
    server.then(kmsError(503, "KMS.0104"), kmsError(500, "KMS.0101"));
    server.then(respond(502, "<html>bad gateway</html>"), respond(504, ""));
    assertEquals(ANSWER, engine(5, 0, PATIENT).reEncrypt(REQUEST));
    assertEquals(5, server.received().size());
    List<Duration> sleeps = time.sleeps();
    assertEquals(4, sleeps.size());
    for (int retry = 0; retry < sleeps.size(); retry++) {
      long ceiling = Math.min(5_000, 200L << retry);
      long delay = sleeps.get(retry).toMillis();
      assertTrue(delay >= 0 && delay < ceiling, "retry " + retry + " waited " + delay);
      assertTrue(delay >= ceiling * 99 / 100, "random 0.999 lands at the top: " + delay);
    }
  }

  @Test
  void reEncrypt_always503_givesUpAfterMaxAttemptsWithTheServiceError() {
    server.otherwise(kmsError(503, "KMS.0104"));
    KmsException e =
        assertThrows(KmsException.class, () -> engine(3, 0, PATIENT).reEncrypt(REQUEST));
    assertEquals("KMS.0104", e.errorCode());
    assertEquals(503, e.httpStatus());
    assertEquals("fault KMS.0104", e.errorMsg());
    assertEquals(3, server.received().size());
    assertEquals(2, time.sleeps().size());
  }

  @Test
  void reEncrypt_answerSlowerThanReadTimeout_isRetriedThenSucceeds() {
    server.then(hold());
    assertEquals(ANSWER, engine(3, 0, SHORT).reEncrypt(REQUEST));
    assertEquals(2, server.received().size());
  }

  @Test
  void reEncrypt_neverAnswered_failsAsReadTimeoutAfterEveryAttempt() {
    server.otherwise(hold());
    KmsException e = assertThrows(KmsException.class, () -> engine(2, 0, SHORT).reEncrypt(REQUEST));
    assertEquals("KMS.0104", e.errorCode());
    assertEquals(503, e.httpStatus());
    assertTrue(e.errorMsg().contains("read timeout"), e.errorMsg());
    assertEquals(2, server.received().size());
  }

  @Test
  void reEncrypt_connectionReset_isRetriedThenSucceeds() {
    server.then(reset(), reset());
    assertEquals(ANSWER, engine(3, 0, PATIENT).reEncrypt(REQUEST));
    assertEquals(3, server.received().size());
  }

  @ParameterizedTest
  @CsvSource({"400, KMS.0205", "401, APIGW.0301", "403, KMS.0306", "404, KMS.0207"})
  void reEncrypt_clientError_isNotRetriedAndKeepsCodeAndStatus(int status, String code) {
    server.otherwise(kmsError(status, code));
    KmsException e =
        assertThrows(KmsException.class, () -> engine(5, 0, PATIENT).reEncrypt(REQUEST));
    assertEquals(code, e.errorCode());
    assertEquals(status, e.httpStatus());
    assertEquals(1, server.received().size());
    assertEquals(List.of(), time.sleeps());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"secret-not-json", "{\"cipher_text\":[\"secret\"]}", "null", "''"})
  void reEncrypt_answer200NotAReEncryptResponse_isKms0101WithoutQuotingIt(String body) {
    server.otherwise(respond(200, body));
    KmsException e =
        assertThrows(KmsException.class, () -> engine(5, 0, PATIENT).reEncrypt(REQUEST));
    assertEquals("KMS.0101", e.errorCode());
    assertEquals(500, e.httpStatus());
    assertFalse(e.errorMsg().contains("secret"), e.errorMsg());
    assertEquals(1, server.received().size());
  }

  @Test
  void reEncrypt_answer200NotText_isKms0101() {
    server.otherwise(respond(200, "application/octet-stream", FaultyKmsFixture.RE_ENCRYPTED));
    KmsException e =
        assertThrows(KmsException.class, () -> engine(5, 0, PATIENT).reEncrypt(REQUEST));
    assertEquals("KMS.0101", e.errorCode());
    assertEquals(500, e.httpStatus());
  }

  @Test
  void rehearsalCiphertext_onKms_isEmptyAndSendsNothing() {
    assertEquals(Optional.empty(), engine(5, 0, PATIENT).rehearsalCiphertext("dst"));
    assertEquals(0, server.received().size());
  }

  @Test
  void createKey_serverError_isNotRetriedBecauseKmsMayHaveActed() {
    server.otherwise(kmsError(500, "KMS.0101"));
    KmsException e =
        assertThrows(KmsException.class, () -> engine(5, 0, PATIENT).createKey(alias()));
    assertEquals(500, e.httpStatus());
    assertEquals(1, server.received().size());
  }

  @Test
  void createKey_throttled_isRetriedBecauseKmsNeverSawIt() {
    server.then(throttled(), respond(200, "{\"key_info\":{\"key_id\":\"k\",\"domain_id\":\"d\"}}"));
    assertEquals("k", engine(5, 0, PATIENT).createKey(alias()).keyInfo().keyId());
    assertEquals(2, server.received().size());
  }

  @Test
  void createKey_connectionRefused_isRetriedBecauseNothingWasSent() throws IOException {
    KmsEngine engine = engineAt(closedPort(), 3, 0, PATIENT);
    KmsException e = assertThrows(KmsException.class, () -> engine.createKey(alias()));
    assertEquals("KMS.0104", e.errorCode());
    assertEquals(503, e.httpStatus());
    assertTrue(e.errorMsg().contains("connection to KMS failed"), e.errorMsg());
    assertEquals(2, time.sleeps().size(), "three attempts, two waits");
  }

  @Test
  void reEncrypt_retriesWouldOutlastTheInvocation_stopsWithoutSleepingPastIt() {
    server.otherwise(kmsError(503, "KMS.0104"));
    long budget = 1_000;
    long start = time.millis();
    KmsEngine bounded = engine(10, 0, PATIENT).withRemainingTime(time.remainingFromNow(budget));
    KmsException e = assertThrows(KmsException.class, () -> bounded.reEncrypt(REQUEST));
    assertEquals(503, e.httpStatus());
    assertTrue(e.errorMsg().contains("remaining time"), e.errorMsg());
    // delays near their ceilings: 199 + 399 fit, the next (~799) would end past the deadline
    assertEquals(List.of(Duration.ofMillis(199), Duration.ofMillis(399)), time.sleeps());
    assertEquals(3, server.received().size());
    assertTrue(time.millis() - start < budget);
  }

  @Test
  void reEncrypt_noTimeLeft_sendsNothing() {
    KmsEngine bounded = engine(5, 0, PATIENT).withRemainingTime(() -> 0);
    KmsException e = assertThrows(KmsException.class, () -> bounded.reEncrypt(REQUEST));
    assertEquals(503, e.httpStatus());
    assertEquals(0, server.received().size());
  }

  @Test
  void reEncrypt_answerOutlastsTheRemainingTime_isAbandonedWithAClearError() {
    server.otherwise(hold());
    KmsEngine bounded = engine(5, 0, PATIENT).withRemainingTime(() -> 300);
    KmsException e = assertThrows(KmsException.class, () -> bounded.reEncrypt(REQUEST));
    assertEquals("KMS.0104", e.errorCode());
    assertTrue(e.errorMsg().contains("invocation's remaining time"), e.errorMsg());
    assertEquals(1, server.received().size());
  }

  @Test
  void reEncrypt_maxTps_spacesCallsOnTheInjectedClock() {
    KmsEngine limited = engine(1, 10, PATIENT);
    for (int i = 0; i < 4; i++) {
      limited.reEncrypt(REQUEST);
    }
    assertEquals(4, server.received().size());
    assertEquals(List.of(ms(100), ms(100), ms(100)), time.sleeps());
  }

  @Test
  void reEncrypt_rateLimitSlotBeyondTheRemainingTime_isRefusedLocallyAs429() {
    KmsEngine limited = engine(1, 1, PATIENT).withRemainingTime(time.remainingFromNow(500));
    limited.reEncrypt(REQUEST);
    KmsException e = assertThrows(KmsException.class, () -> limited.reEncrypt(REQUEST));
    assertEquals("APIGW.0308", e.errorCode());
    assertEquals(429, e.httpStatus());
    assertEquals(1, server.received().size());
  }

  private KmsEngine engine(int attempts, double tps, Duration timeout) {
    return fixture.engine(attempts, tps, timeout);
  }

  private KmsEngine engineAt(URI endpoint, int attempts, double tps, Duration timeout) {
    return fixture.engineAt(endpoint, attempts, tps, timeout);
  }

  private static CreateKeyRequest alias() {
    return new CreateKeyRequest("alias-1", null, null, null, null, null, null);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}

package cloud.reencrypt.kms.cloud;

import static cloud.reencrypt.testing.FaultyKmsServer.kmsError;
import static cloud.reencrypt.testing.FaultyKmsServer.throttled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.testing.FakeTime;
import cloud.reencrypt.testing.FaultyKmsServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throttling through the real SDK and HTTP, on a fake clock: a 429 slows the shared limiter down
 * and is retried until the invocation's remaining time, not a number of attempts, runs out; the
 * call then fails with a transient error.
 */
class CloudKmsEngineThrottleTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ReEncryptRequest REQUEST = FaultyKmsFixture.REQUEST;

  @RegisterExtension final FaultyKmsFixture fixture = new FaultyKmsFixture();
  private final FakeTime time = fixture.time;
  private final FaultyKmsServer server = fixture.server;

  @Test
  void reEncrypt_throttledMoreOftenThanMaxAttempts_keepsRetryingAndSucceeds() {
    for (int i = 0; i < 12; i++) {
      server.then(throttled());
    }
    KmsEngine engine = engine(2, 0);
    assertEquals("dst", engine.reEncrypt(REQUEST).keyId());
    assertEquals(13, server.received().size());
  }

  @Test
  void reEncrypt_throttlesThenAServerError_countsOnlyTheServerErrorAgainstMaxAttempts() {
    server.then(throttled(), throttled(), throttled(), kmsError(503, "KMS.0104"));
    assertEquals("dst", engine(2, 0).reEncrypt(REQUEST).keyId());
    assertEquals(5, server.received().size());
  }

  @Test
  void reEncrypt_alwaysThrottled_givesUpBeforeTheDeadlineWithATransient429() {
    server.otherwise(throttled());
    long budget = 60_000;
    long start = time.millis();
    KmsEngine bounded = engine(2, 0).withRemainingTime(time.remainingFromNow(budget));
    KmsException e = assertThrows(KmsException.class, () -> bounded.reEncrypt(REQUEST));
    assertEquals("APIGW.0308", e.errorCode());
    assertEquals(429, e.httpStatus());
    assertTrue(e.isTransient());
    assertTrue(server.received().size() > 10, "retried far beyond KMS_MAX_ATTEMPTS");
    assertTrue(time.millis() - start < budget, "no wait ends past the deadline");
  }

  @Test
  void reEncrypt_throttledWithNoRateConfigured_pacesLaterCallsOfEveryView() {
    server.then(throttled());
    CloudKmsEngine engine = engine(5, 0);
    engine.reEncrypt(REQUEST);
    KmsEngine otherView = engine.withRemainingTime(time.remainingFromNow(60_000));
    otherView.reEncrypt(REQUEST);

    List<Duration> sleeps = time.sleeps();
    assertEquals(Duration.ofMillis(199), sleeps.get(0), "the backoff after the 429");
    // the limiter now runs at about one request per second (one was sent before the 429)
    long paced = sleeps.get(1).toMillis();
    assertTrue(paced > 900 && paced < 1000, "paced " + paced + " ms");
    assertEquals(3, server.received().size());
  }

  @Test
  void reEncrypt_configuredRateThrottled_halvesTheSpacing() {
    CloudKmsEngine engine = engine(5, 10);
    for (int i = 0; i < 12; i++) {
      engine.reEncrypt(REQUEST); // a second and more at 10/s
    }
    server.then(throttled());
    engine.reEncrypt(REQUEST);
    engine.reEncrypt(REQUEST);

    List<Duration> sleeps = time.sleeps();
    assertEquals(Duration.ofMillis(100), sleeps.get(0), "10/s before the 429");
    long after = sleeps.get(sleeps.size() - 1).toMillis();
    assertTrue(after > 150 && after <= 200, "about 5/s after it: " + after + " ms");
  }

  private CloudKmsEngine engine(int attempts, double tps) {
    return fixture.engine(attempts, tps, TIMEOUT);
  }
}

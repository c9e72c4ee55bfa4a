package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.testing.FakeTime;
import java.net.URI;
import java.time.Duration;

/**
 * Cloud engines for the fault tests: the real SDK and HTTP to a loopback endpoint, retries and the
 * rate limit on a {@link FakeTime} whose random source always answers 0.999 (so each backoff lands
 * at the top of its range).
 */
final class FakeClockEngines {
  static final String PROJECT = "0123456789abcdef0123456789abcdef";

  private FakeClockEngines() {}

  /**
   * @param attempts KMS_MAX_ATTEMPTS
   * @param tps the instance's configured rate; 0 for none
   * @param timeout the connect and the read timeout
   */
  static CloudKmsEngine engine(
      URI endpoint, FakeTime time, int attempts, double tps, Duration timeout) {
    CloudKmsSettings settings =
        new CloudKmsSettings(
            endpoint,
            PROJECT,
            new Credentials("AKFAULT", "SKFAULT", "TOKEN"),
            timeout,
            timeout,
            attempts,
            tps);
    return CloudKmsEngine.create(settings, time.pacing(() -> 0.999));
  }
}

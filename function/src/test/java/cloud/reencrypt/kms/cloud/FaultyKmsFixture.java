package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.testing.FakeTime;
import cloud.reencrypt.testing.FaultyKmsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fault tests' setting: a {@link FaultyKmsServer} whose fallback is a fixed ReEncrypt answer, a
 * {@link FakeTime}, and cloud engines on both (the real SDK and HTTP; retries and the rate limit on
 * the fake clock, whose random source always answers 0.999, so each backoff lands at the top of its
 * range). Register it as {@code @RegisterExtension final FaultyKmsFixture fixture = new
 * FaultyKmsFixture();}: the server stops after each test.
 */
final class FaultyKmsFixture implements AfterEachCallback {
  static final String PROJECT = "0123456789abcdef0123456789abcdef";
  static final String RE_ENCRYPTED =
      "{\"key_id\":\"dst\",\"source_key_id\":\"src\",\"source_encryption_algorithm\":"
          + "\"SYMMETRIC_DEFAULT\",\"destination_encryption_algorithm\":\"SYMMETRIC_DEFAULT\","
          + "\"cipher_text\":\"bmV3\",\"unknown_extra\":\"ignored\"}";
  static final ReEncryptRequest REQUEST =
      new ReEncryptRequest(null, null, null, "dst", null, null, null, "b2xk");

  final FakeTime time = new FakeTime();
  final FaultyKmsServer server;

  FaultyKmsFixture() {
    try {
      server = new FaultyKmsServer(RE_ENCRYPTED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An engine on the fixture's server.
   *
   * @param attempts KMS_MAX_ATTEMPTS
   * @param tps the instance's configured rate; 0 for none
   * @param timeout the connect and the read timeout
   */
  CloudKmsEngine engine(int attempts, double tps, Duration timeout) {
    return engineAt(server.endpoint(), attempts, tps, timeout);
  }

  /** An engine on any endpoint, with the fixture's clock. */
  CloudKmsEngine engineAt(URI endpoint, int attempts, double tps, Duration timeout) {
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

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.close();
  }
}

package cloud.reencrypt.server;

import cloud.reencrypt.testing.LocalKmsServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LocalKmsServer} per test class, on a clock fixed at {@link #NOW}, with a {@link
 * KmsHttp} that signs at the same instant: register it as {@code @RegisterExtension static final
 * KmsServerExtension server = new KmsServerExtension();}. The server starts before the class's
 * tests (and its own {@code @BeforeAll} methods) and stops after them.
 */
final class KmsServerExtension implements BeforeAllCallback, AfterAllCallback {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private LocalKmsServer kms;
  private KmsHttp http;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    kms = LocalKmsServer.start(Clock.fixed(NOW, ZoneOffset.UTC));
    http = new KmsHttp(kms, NOW);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    kms.close();
  }

  LocalKmsServer kms() {
    return kms;
  }

  KmsHttp http() {
    return http;
  }
}

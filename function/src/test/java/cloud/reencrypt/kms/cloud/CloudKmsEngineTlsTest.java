package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.testing.CountingRelay;
import cloud.reencrypt.testing.S3ProxyServer;
import cloud.reencrypt.testing.TestCertificate;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cloud engine checks KMS's TLS certificate and host name (the KMS SDK's defaults, which the
 * engine keeps), against a real TLS server: S3Proxy's TLS endpoint, whose self-signed certificate
 * names {@code localhost} only. It is not KMS, so a request that gets through is refused by it;
 * what matters is whether the request got through.
 */
class CloudKmsEngineTlsTest {
  @RegisterExtension static final S3ProxyServer TLS_SERVER = new S3ProxyServer();
  @RegisterExtension final FaultyKmsFixture fixture = new FaultyKmsFixture();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @AfterEach
  void forgetTrustStore() {
    TestCertificate.restoreJdkTrust();
  }

  @Test
  void reEncrypt_certificateNotInTrustStore_isUnavailableNamingTheTlsHandshake() {
    KmsException e = assertThrows(KmsException.class, () -> reEncryptAt("localhost"));

    assertEquals("KMS.0104", e.errorCode());
    assertTrue(e.errorMsg().contains("TLS handshake"), e.errorMsg());
  }

  @Test
  void reEncrypt_certificateInTrustStore_reachesTheServer() {
    TLS_SERVER.certificate().trustInJdk();

    KmsException e = assertThrows(KmsException.class, () -> reEncryptAt("localhost"));

    assertFalse(e.errorMsg().contains("TLS"), e.errorMsg());
    assertNotEquals("KMS.0104", e.errorCode(), e.errorMsg());
  }

  /** Reached by address through a relay that counts connections: one, as retrying cannot help. */
  @Test
  void reEncrypt_trustedCertificateForAnotherHost_failsOnceNamingTheHost() throws Exception {
    TLS_SERVER.certificate().trustInJdk();
    try (CountingRelay relay = new CountingRelay(URI.create(TLS_SERVER.secureEndpoint()))) {
      URI byAddress = URI.create(relay.endpoint().replace("http:", "https:"));
      KmsEngine engine = fixture.engineAt(byAddress, 3, 0, TIMEOUT);

      KmsException e =
          assertThrows(KmsException.class, () -> engine.reEncrypt(FaultyKmsFixture.REQUEST));

      assertEquals("KMS.0104", e.errorCode());
      assertTrue(e.errorMsg().contains("does not name the host"), e.errorMsg());
      assertEquals(1, relay.connections());
    }
  }

  private void reEncryptAt(String host) {
    URI endpoint = URI.create(TLS_SERVER.secureEndpoint().replace("localhost", host));
    fixture.engineAt(endpoint, 1, 0, TIMEOUT).reEncrypt(FaultyKmsFixture.REQUEST);
  }
}

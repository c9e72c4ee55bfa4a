package cloud.reencrypt.store.obs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectStoreException.Reason;
import cloud.reencrypt.store.StoredObject;
import cloud.reencrypt.testing.S3ProxyServer;
import cloud.reencrypt.testing.TestCertificate;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store verifies the server's TLS certificate against the JDK's trust store and checks that it
 * names the host, unlike the OBS SDK's defaults (any certificate, any host). Against S3Proxy's TLS
 * endpoint, whose self-signed certificate names {@code localhost} only; a test that trusts it does
 * so through the JDK's own {@code javax.net.ssl.trustStore} property, as a deployment with a
 * private CA would.
 */
class ObsTlsTest {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  private static final byte[] CONTENT = "over TLS".getBytes(StandardCharsets.UTF_8);

  private String bucket;

  @BeforeEach
  void createBucket() {
    bucket = S3.createBucket();
  }

  @AfterEach
  void forgetTrustStore() {
    TestCertificate.restoreJdkTrust();
  }

  @Test
  void head_certificateNotInTrustStore_failsPermanentlyNamingTheCertificate() throws Exception {
    try (ObjectStore store = ObsObjectStore.connect(S3.secureEndpoint(), S3.credentials())) {
      ObjectStoreException e =
          assertThrows(ObjectStoreException.class, () -> store.head(bucket, "k"));

      assertEquals(Reason.FAILED, e.reason());
      assertTrue(e.getMessage().contains("TLS"), e.getMessage());
      assertTrue(e.getMessage().contains("certificate"), e.getMessage());
    }
  }

  @Test
  void write_certificateNotInTrustStore_sendsNothing() throws Exception {
    try (ObjectStore store = ObsObjectStore.connect(S3.secureEndpoint(), S3.credentials())) {
      assertThrows(
          ObjectStoreException.class,
          () -> store.write(bucket, "k", Map.of(), out -> out.write(CONTENT)));
    }

    assertFalse(S3.exists(bucket, "k"));
  }

  @Test
  void writeAndRead_certificateInTrustStore_roundTrips() throws Exception {
    S3.certificate().trustInJdk();
    try (ObjectStore store = ObsObjectStore.connect(S3.secureEndpoint(), S3.credentials())) {
      store.write(bucket, "k", Map.of("source", "tls"), out -> out.write(CONTENT));

      try (StoredObject read = store.open(bucket, "k")) {
        assertArrayEquals(CONTENT, read.content().readAllBytes());
        assertEquals(Map.of("source", "tls"), read.info().userMetadata());
      }
    }
  }

  @Test
  void head_trustedCertificateForAnotherHost_failsPermanentlyNamingTheHost() throws Exception {
    S3.certificate().trustInJdk();
    String byAddress = S3.secureEndpoint().replace("localhost", "127.0.0.1");
    try (ObjectStore store = ObsObjectStore.connect(byAddress, S3.credentials())) {
      ObjectStoreException e =
          assertThrows(
              ObjectStoreException.class,
              () -> store.write(bucket, "k", Map.of(), out -> out.write(CONTENT)));

      assertEquals(Reason.FAILED, e.reason());
      assertTrue(e.getMessage().contains("host name"), e.getMessage());
    }
    assertFalse(S3.exists(bucket, "k"));
  }
}

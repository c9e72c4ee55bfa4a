package cloud.reencrypt.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.fgs.ObsHandler;
import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.testing.CountingRelay;
import cloud.reencrypt.testing.S3ProxyServer;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deployed function's OBS stores, one per invocation, on a real S3 server behind a relay that
 * counts TCP connections: invocations with the same agency credentials reuse one connection, new
 * credentials get a new one without cutting off a store still open on the old, and {@link
 * ObsStores#forget}, which the snapshot restore hook calls, makes the next invocation connect anew.
 */
class ObsStoresSharingTest {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  private CountingRelay relay;
  private Configuration configuration;
  private String bucket;

  @BeforeEach
  void start() throws Exception {
    ObsStores.forget();
    relay = new CountingRelay(URI.create(S3.endpoint()));
    configuration = Configuration.read(Map.of("OBS_ENDPOINT", relay.endpoint())::get, true);
    bucket = S3.createBucket();
  }

  @AfterEach
  void stop() throws Exception {
    ObsStores.forget();
    relay.close();
  }

  @Test
  void forInvocation_sameAgencyCredentials_reusesOneConnection() throws Exception {
    for (int i = 0; i < 3; i++) {
      headMissing(agency("TOKEN"));
    }

    assertEquals(1, relay.connections());
  }

  @Test
  void forInvocation_credentialsRotate_newConnectionAndTheOpenStoreStillWorks() throws Exception {
    try (ObjectStore before = ObsStores.forInvocation(configuration, agency("TOKEN-1"))) {
      assertEquals(Optional.empty(), before.head(bucket, "a"));
      headMissing(agency("TOKEN-2"));
      assertEquals(Optional.empty(), before.head(bucket, "b"));
    }

    assertEquals(2, relay.connections());
  }

  @Test
  void forget_nextInvocation_connectsAnew() throws Exception {
    headMissing(agency("TOKEN"));
    ObsStores.forget();
    headMissing(agency("TOKEN"));

    assertEquals(2, relay.connections());
  }

  @Test
  void restoreHook_nextInvocation_connectsAnewWithoutTheSnapshotsConnection() throws Exception {
    headMissing(agency("TOKEN"));
    new ObsHandler().restoreHook(LocalContext.fromEnvironment());
    headMissing(agency("TOKEN"));

    assertEquals(2, relay.connections());
  }

  private void headMissing(Optional<Credentials> agency) throws Exception {
    try (ObjectStore store = ObsStores.forInvocation(configuration, agency)) {
      assertEquals(Optional.empty(), store.head(bucket, "missing"));
    }
  }

  /** The agency's temporary credentials; S3Proxy checks the key pair, not the token. */
  private static Optional<Credentials> agency(String token) {
    return Optional.of(new Credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, token));
  }
}

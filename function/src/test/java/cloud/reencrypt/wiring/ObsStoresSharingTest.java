package cloud.reencrypt.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.fgs.ObsHandler;
import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.StoredObject;
import cloud.reencrypt.testing.CountingRelay;
import cloud.reencrypt.testing.S3ProxyServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deployed function's OBS stores, one per invocation, on a real S3 server behind a relay that
 * counts TCP connections: invocations with the same agency credentials reuse one connection, new
 * credentials get a new one without cutting off a store still open on the old, and {@link
 * ObsStores#forget}, which the snapshot restore hook calls, makes the next invocation connect anew;
 * invocations running side by side while the credentials rotate all complete.
 */
class ObsStoresSharingTest {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  private static final int CONCURRENT_INVOCATIONS = 4;

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

  /**
   * FunctionGraph's {@code concurrency_num} above 1: invocations run side by side in one instance
   * while the agency's credentials rotate under them, so connections are retired while other
   * invocations still use them. Every request of every invocation must succeed.
   */
  @Test
  void forInvocation_concurrentInvocationsWhileCredentialsRotate_everyRequestSucceeds()
      throws Exception {
    ExecutorService invocations = Executors.newFixedThreadPool(CONCURRENT_INVOCATIONS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < CONCURRENT_INVOCATIONS * 20; i++) {
        String key = "object-" + i;
        Optional<Credentials> agency = agency("TOKEN-" + (i / 7));
        done.add(invocations.submit(() -> writeAndReadBack(agency, key)));
      }
      for (Future<?> invocation : done) {
        invocation.get();
      }
    } finally {
      invocations.shutdownNow();
    }

    assertEquals(CONCURRENT_INVOCATIONS * 20, S3.keys(bucket).size());
  }

  private Void writeAndReadBack(Optional<Credentials> agency, String key) throws Exception {
    try (ObjectStore store = ObsStores.forInvocation(configuration, agency)) {
      assertEquals(Optional.empty(), store.head(bucket, key));
      store.write(bucket, key, Map.of(), out -> out.write(key.getBytes(StandardCharsets.UTF_8)));
      try (StoredObject read = store.open(bucket, key)) {
        assertEquals(key, new String(read.content().readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return null;
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

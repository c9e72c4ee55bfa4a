package cloud.reencrypt.store.obs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.testing.CountingRelay;
import cloud.reencrypt.testing.S3ProxyServer;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One client shared by consecutive stores, on a real S3 server behind a relay that counts TCP
 * connections: the stores of five invocations use one kept-alive connection where stores with
 * clients of their own open five, and a retired connection's client closes only after its last
 * store.
 */
class ObsConnectionTest {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  private static final int INVOCATIONS = 5;

  private CountingRelay relay;
  private String bucket;

  @BeforeEach
  void start() throws Exception {
    relay = new CountingRelay(URI.create(S3.endpoint()));
    bucket = S3.createBucket();
  }

  @AfterEach
  void stop() throws Exception {
    relay.close();
  }

  @Test
  void store_consecutiveInvocations_shareOneConnectionToTheServer() throws Exception {
    ObsConnection connection = ObsConnection.to(relay.endpoint(), S3.credentials());
    for (int i = 0; i < INVOCATIONS; i++) {
      try (ObjectStore store = connection.store()) {
        assertEquals(Optional.empty(), store.head(bucket, "missing-" + i));
      }
    }

    assertEquals(1, relay.connections());
  }

  @Test
  void connect_storesWithClientsOfTheirOwn_connectOncePerStore() throws Exception {
    for (int i = 0; i < INVOCATIONS; i++) {
      try (ObjectStore store = ObsObjectStore.connect(relay.endpoint(), S3.credentials())) {
        assertEquals(Optional.empty(), store.head(bucket, "missing-" + i));
      }
    }

    assertEquals(INVOCATIONS, relay.connections());
  }

  @Test
  void retire_storeStillOpen_keepsWorkingAndTheClientClosesAfterIt() throws Exception {
    ObsConnection connection = ObsConnection.to(relay.endpoint(), S3.credentials());
    ObjectStore running = connection.store();

    connection.retire();

    assertFalse(connection.closed());
    assertEquals(Optional.empty(), running.head(bucket, "still-served"));
    assertThrows(IllegalStateException.class, connection::store);
    running.close();
    assertTrue(connection.closed());
    running.close(); // a second close gives nothing back twice
    assertTrue(connection.closed());
  }

  @Test
  void store_twoInvocationsAtOnce_eachServedAndTheClientOutlivesBoth() throws Exception {
    ObsConnection connection = ObsConnection.to(relay.endpoint(), S3.credentials());
    ObjectStore first = connection.store();
    ObjectStore second = connection.store();
    FutureTask<Optional<ObjectInfo>> other =
        new FutureTask<>(() -> second.head(bucket, "from-another-thread"));
    new Thread(other).start();
    assertEquals(Optional.empty(), first.head(bucket, "from-this-thread"));
    assertEquals(Optional.empty(), other.get());

    connection.retire();
    first.close();
    assertFalse(connection.closed(), "the second store is still open");
    assertEquals(Optional.empty(), second.head(bucket, "after-the-first-closed"));
    second.close();
    assertTrue(connection.closed());
  }

  @Test
  void isFor_sameEndpointAndEqualCredentials_onlyThen() {
    Credentials credentials = new Credentials("AK", "SK", "TOKEN");
    ObsConnection connection = ObsConnection.to(relay.endpoint(), credentials);

    assertTrue(connection.isFor(relay.endpoint(), new Credentials("AK", "SK", "TOKEN")));
    assertFalse(connection.isFor(relay.endpoint(), new Credentials("AK", "SK", "NEXT-TOKEN")));
    assertFalse(connection.isFor(S3.endpoint(), credentials));
    connection.retire();
  }
}

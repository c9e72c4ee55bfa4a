package cloud.reencrypt.store.obs;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObsDialect;
import com.obs.services.ObsClient;
import java.net.URI;

/**
 * One OBS client, with its pool of kept-alive (TLS) connections, for an endpoint and a set of
 * credentials, shared by the stores that consecutive invocations open on it. An instance keeps its
 * connection while the agency's credentials stay the same, so a warm invocation neither builds a
 * client nor shakes hands with OBS again: what the KMS engine already does with its SDK client.
 *
 * <p>When the credentials change, the composition root opens a new connection and retires this one;
 * its client is closed when the last store opened on it is closed, so an invocation still running
 * on the old credentials is never cut off.
 */
public final class ObsConnection {
  private final String endpoint;
  private final Credentials credentials;
  private final ObsDialect dialect;
  private final ObsClient client;
  private int openStores;
  private boolean retired;
  private boolean closed;

  private ObsConnection(String endpoint, Credentials credentials) {
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.dialect = ObsDialect.forEndpoint(endpoint);
    URI uri = ObsDialect.parse(endpoint);
    this.client = ObsClients.client(uri, credentials, dialect);
  }

  /**
   * A connection to OBS at {@code endpoint} (no request is made yet).
   *
   * @throws IllegalArgumentException if the endpoint is not a URL
   */
  public static ObsConnection to(String endpoint, Credentials credentials) {
    return new ObsConnection(endpoint, credentials);
  }

  /** Whether this connection is to {@code endpoint} and signs with {@code credentials}. */
  public boolean isFor(String endpoint, Credentials credentials) {
    return this.endpoint.equals(endpoint) && this.credentials.equals(credentials);
  }

  /**
   * A store on this connection; closing it leaves the client open for the next one.
   *
   * @throws IllegalStateException once the connection is retired
   */
  public synchronized ObjectStore store() {
    if (retired) {
      throw new IllegalStateException("the OBS connection was retired");
    }
    openStores++;
    return new ObsObjectStore(client, dialect, ObsObjectStore.DEFAULT_PART_SIZE, this::storeClosed);
  }

  /** No new stores; the client closes as soon as no store is open on it. */
  public synchronized void retire() {
    retired = true;
    closeIfUnused();
  }

  /** Whether the client has been closed (retired, and its last store closed). */
  synchronized boolean closed() {
    return closed;
  }

  private synchronized void storeClosed() {
    openStores--;
    closeIfUnused();
  }

  private void closeIfUnused() {
    if (retired && openStores == 0 && !closed) {
      closed = true;
      ObsClients.close(client);
    }
  }
}

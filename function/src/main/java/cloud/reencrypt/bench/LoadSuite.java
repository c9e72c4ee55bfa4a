package cloud.reencrypt.bench;

import java.util.List;

/**
 * A suite whose cases are measured under concurrent load ({@link LoadMeter}) rather than on one
 * thread: each case at each client count, throughput in requests per wall-clock second and latency
 * percentiles. Targets (the case's ratio, and a floor on requests/s) apply at {@link
 * #targetClients()}. The suite may hold a server; {@link #close()} stops it.
 */
public interface LoadSuite extends BenchSuite, AutoCloseable {
  /** The numbers of concurrent clients each case runs with, e.g. 1, 4, 16. */
  List<Integer> clients();

  /** The client count the targets apply to. */
  int targetClients();

  /** The requests/s a targeted case must reach at {@link #targetClients()}; 0 for none. */
  double minOpsPerSecond();
}

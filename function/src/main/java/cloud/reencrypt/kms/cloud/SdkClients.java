package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.config.Credentials;
import com.huaweicloud.sdk.core.ClientBuilder;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;

/**
 * Builds the SDK client from resolved settings. Credentials, project and endpoint are always set
 * explicitly and no region is given, so the SDK never asks IAM for a project nor the ECS metadata
 * service for credentials: it only ever connects to the configured endpoint.
 *
 * <p>The SDK's HTTP timeouts are whole seconds; they are rounded up here and act as a backstop,
 * while {@link ResilientCaller} bounds each attempt to the configured milliseconds. OkHttp's
 * defaults of 5 concurrent requests per host and 5 idle connections are raised so that concurrent
 * callers (batches, benchmarks) are not queued behind each other.
 */
final class SdkClients {
  private static final int MAX_CONCURRENT_REQUESTS = 256;
  private static final int MAX_IDLE_CONNECTIONS = 32;
  private static final ExecutorService HTTP_THREADS = daemonThreads();

  static {
    // The SDK logs through SLF4J and the jar bundles no SLF4J provider, so its logs go nowhere;
    // without this SLF4J prints three lines saying so on the first KMS call. Our errors surface as
    // KmsExceptions instead.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
  }

  private SdkClients() {}

  static KmsClientWithReEncrypt build(CloudKmsSettings settings) {
    BasicCredentials credentials = credentials(settings.accessKey(), settings.projectId());
    Dispatcher dispatcher = new Dispatcher(HTTP_THREADS);
    dispatcher.setMaxRequests(MAX_CONCURRENT_REQUESTS);
    dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_REQUESTS);
    HttpConfig http =
        HttpConfig.getDefaultHttpConfig()
            .withConnectionTimeout(wholeSeconds(settings.connectTimeout()))
            .withReadTimeout(wholeSeconds(settings.readTimeout()))
            .withDispatcher(dispatcher)
            .withConnectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, 1, TimeUnit.MINUTES))
            .withExecutorService(HTTP_THREADS);
    return new ClientBuilder<>(KmsClientWithReEncrypt::new)
        .withCredential(credentials)
        .withHttpConfig(http)
        .withEndpoints(new ArrayList<>(List.of(baseUrl(settings))))
        .build();
  }

  /** Credentials with the project set, so the SDK fills {@code {project_id}} without asking IAM. */
  static BasicCredentials credentials(Credentials key, String projectId) {
    return new BasicCredentials()
        .withAk(key.accessKey())
        .withSk(key.secretKey())
        .withSecurityToken(key.securityToken())
        .withProjectId(projectId);
  }

  /** The endpoint without a trailing slash: the SDK appends {@code /v1.0/...} to it. */
  private static String baseUrl(CloudKmsSettings settings) {
    String url = settings.endpoint().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static int wholeSeconds(Duration timeout) {
    return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  /** Daemon threads, so a CLI run never waits for idle HTTP threads to exit. */
  private static ExecutorService daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(
        task -> {
          Thread thread = new Thread(task, "kms-http-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}

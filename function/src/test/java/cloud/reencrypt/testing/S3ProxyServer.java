package cloud.reencrypt.testing;

import cloud.reencrypt.config.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-protocol server (S3Proxy, in memory) on {@code 127.0.0.1} at a free port, over HTTP and
 * over TLS ({@link #secureEndpoint()}), for tests of the OBS path. One server serves the whole test
 * run: it starts when the first test class that registers this extension starts and stops when the
 * run ends. Each test isolates itself with its own bucket from {@link #createBucket()}.
 *
 * <pre>
 * &#64;RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
 * ...
 * ObjectStore store = ObsObjectStore.connect(S3.endpoint(), S3.credentials());
 * String bucket = S3.createBucket();
 * </pre>
 *
 * <p>The server checks AWS V2 and V4 signatures against {@link #ACCESS_KEY} / {@link #SECRET_KEY},
 * so wrong credentials fail as they would on OBS. A security token is accepted but not checked. The
 * inspection methods ({@link #exists}, {@link #read}, {@link #userMetadata}, {@link
 * #pendingMultipartUploads}) go to the blob store directly, bypassing the client under test.
 */
public final class S3ProxyServer implements BeforeAllCallback {
  public static final String ACCESS_KEY = "test-access-key";
  public static final String SECRET_KEY = "test-secret-key-0123456789";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(S3ProxyServer.class);
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    running =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Running.class, type -> Running.start(), Running.class);
  }

  /** The endpoint URL, {@code http://127.0.0.1:PORT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server().proxy.getPort();
  }

  /**
   * The TLS endpoint, {@code https://localhost:PORT}, serving the same blob store with a fresh
   * self-signed certificate ({@link TestCertificate}) that names {@code localhost} only: reached as
   * {@code https://127.0.0.1:PORT} its certificate does not match the host.
   */
  public String secureEndpoint() {
    return "https://localhost:" + server().proxy.getSecurePort();
  }

  /** The certificate the TLS endpoint presents, and a trust store that holds it. */
  public TestCertificate certificate() {
    return server().certificate;
  }

  /** Credentials the server accepts. */
  public Credentials credentials() {
    return new Credentials(ACCESS_KEY, SECRET_KEY, null);
  }

  /** Creates a bucket with a name no other test uses, and returns the name. */
  public String createBucket() {
    String name = "test-" + BUCKETS.incrementAndGet() + "-" + UUID.randomUUID();
    createBucket(name);
    return name;
  }

  public void createBucket(String name) {
    server().blobs.createContainer(name);
  }

  /** Deletes every object in the bucket, directly in the blob store. */
  public void clear(String bucket) {
    keys(bucket).forEach(key -> server().blobs.removeBlob(bucket, key));
  }

  /** Whether the object exists, asked of the blob store directly. */
  public boolean exists(String bucket, String key) {
    return server().blobs.blobExists(bucket, key);
  }

  /** The object's content, read from the blob store directly. */
  public byte[] read(String bucket, String key) throws IOException {
    try (InputStream content = server().blobs.getBlob(bucket, key)) {
      return content.readAllBytes();
    }
  }

  /** Every object key in the bucket, asked of the blob store directly. */
  public List<String> keys(String bucket) {
    return server().blobs.list(bucket).contents().stream().map(S3Object::key).sorted().toList();
  }

  /** The object's user metadata as the server stored it, read from the blob store directly. */
  public Map<String, String> userMetadata(String bucket, String key) {
    return server().blobs.blobMetadata(bucket, key).metadata();
  }

  /** Multipart uploads started in the bucket and neither completed nor aborted. */
  public int pendingMultipartUploads(String bucket) {
    return server().blobs.listMultipartUploads(bucket).size();
  }

  private Running server() {
    if (running == null) {
      throw new IllegalStateException("register S3ProxyServer with @RegisterExtension");
    }
    return running;
  }

  /** The started server; JUnit stops it when the test run ends. */
  private static final class Running implements AutoCloseable {
    private final S3Proxy proxy;
    private final BlobStore blobs;
    private final TestCertificate certificate;

    private Running(S3Proxy proxy, BlobStore blobs, TestCertificate certificate) {
      this.proxy = proxy;
      this.blobs = blobs;
      this.certificate = certificate;
    }

    static Running start() {
      Properties properties = new Properties();
      properties.setProperty("s3proxy.endpoint", "http://127.0.0.1:0");
      properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
      properties.setProperty("s3proxy.identity", ACCESS_KEY);
      properties.setProperty("s3proxy.credential", SECRET_KEY);
      // Temporary credentials (FunctionGraph's agency) add a security-token header, which S3Proxy
      // does not implement and would refuse with 501: let it pass unverified (it is still signed).
      properties.setProperty("s3proxy.ignore-unknown-headers", "true");
      BlobStore blobs = BlobStores.create("transient", properties);
      try {
        TestCertificate certificate = TestCertificate.forLocalhost();
        S3Proxy proxy =
            S3Proxy.Builder.fromProperties(properties)
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .secureEndpoint(URI.create("https://127.0.0.1:0"))
                .keyStore(certificate.keyStore().toString(), TestCertificate.PASSWORD)
                .build();
        proxy.start();
        if (!"STARTED".equals(proxy.getState())) {
          throw new IllegalStateException("S3Proxy is " + proxy.getState() + " after start()");
        }
        return new Running(proxy, blobs, certificate);
      } catch (Exception e) {
        throw new IllegalStateException("S3Proxy did not start", e);
      }
    }

    @Override
    public void close() throws Exception {
      proxy.stop();
      blobs.close();
    }
  }
}

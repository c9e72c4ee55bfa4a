package cloud.reencrypt.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * How the OBS client talks to its endpoint. Huawei Cloud OBS takes its own signature and
 * virtual-hosted addressing ({@code https://BUCKET.obs.REGION.myhuaweicloud.com}); an S3-protocol
 * server on a developer's machine or in a test (S3Proxy) has no DNS name per bucket and checks AWS
 * signatures, so it gets path-style addressing and the AWS V2 signature, which OBS also accepts.
 */
public enum ObsDialect {
  /** Huawei Cloud OBS: OBS signature, virtual-hosted bucket addressing. */
  OBS(100 * 1024),
  /** An S3-protocol server: AWS V2 signature, path-style addressing ({@code ENDPOINT/BUCKET}). */
  S3_PATH_STYLE(5 * 1024 * 1024);

  private final int minPartSize;

  ObsDialect(int minPartSize) {
    this.minPartSize = minPartSize;
  }

  /**
   * The smallest part a multipart upload accepts, the last part excepted: 100 KB on OBS, 5 MiB on
   * S3 and S3Proxy (which refuse completion with {@code EntityTooSmall} otherwise).
   */
  public int minPartSize() {
    return minPartSize;
  }

  /**
   * The dialect an endpoint needs: {@link #S3_PATH_STYLE} when its host is {@code localhost} or an
   * IP address (virtual-hosted addressing needs a DNS name per bucket), {@link #OBS} otherwise.
   *
   * @throws IllegalArgumentException if the endpoint is not an http(s) URL with a host
   */
  public static ObsDialect forEndpoint(String endpoint) {
    URI uri = parse(endpoint);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    boolean local =
        host.equals("localhost")
            || host.startsWith("[")
            || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    return local ? S3_PATH_STYLE : OBS;
  }

  /**
   * Parses and checks an endpoint URL; a bare host name means HTTPS, as in the OBS SDK. Failures
   * are one line naming the problem.
   */
  public static URI parse(String endpoint) {
    try {
      String text = endpoint == null ? "" : endpoint.strip();
      URI uri = new URI(text.contains("://") ? text : "https://" + text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Reported below with the same message as any other malformed endpoint.
    }
    throw new IllegalArgumentException(
        "invalid OBS endpoint '"
            + endpoint
            + "': expected a URL such as https://obs.cn-north-4.myhuaweicloud.com");
  }
}

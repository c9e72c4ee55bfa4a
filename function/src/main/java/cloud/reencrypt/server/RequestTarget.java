package cloud.reencrypt.server;

import java.util.Optional;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.util.URIUtil;

/**
 * What a request target must be before any handler sees it: a path ({@code OPTIONS *} and other
 * non-path targets are refused) without control characters, raw or percent-encoded ({@code %00}
 * would cut the path short in C-based tools and log readers). Jetty's parser already refuses raw
 * control characters on the request line; this catches the encoded ones. Checked before
 * authentication: such a target names nothing, so refusing it reveals nothing.
 */
final class RequestTarget {
  private RequestTarget() {}

  /** The status to refuse the target with, or empty when it is an acceptable path. */
  static Optional<Integer> refusal(HttpURI uri) {
    String rawPath = uri.getPath();
    if (rawPath == null || !rawPath.startsWith("/")) {
      return Optional.of(400);
    }
    String path;
    try {
      path = URIUtil.decodePath(rawPath);
    } catch (IllegalArgumentException e) {
      return Optional.of(400); // a malformed percent escape
    }
    return hasControlCharacter(path) ? Optional.of(400) : Optional.empty();
  }

  private static boolean hasControlCharacter(String path) {
    return path.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }
}

package cloud.reencrypt.server;

import cloud.reencrypt.server.auth.SignableRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the local servers' handlers see it, read completely off the wire before they run
 * (so no handler ever waits on a slow client).
 *
 * @param rawPath the path, still percent-encoded
 * @param path the path decoded
 * @param rawQuery the query without {@code ?}, or {@code null} when there is none
 * @param headers header values by lower-case name, in arrival order
 * @param remoteAddress the client's IP address
 * @param body the whole body, or empty when it was longer than the server's limit
 */
public record HttpCall(
    String method,
    String rawPath,
    String path,
    String rawQuery,
    Map<String, List<String>> headers,
    String remoteAddress,
    Optional<byte[]> body) {

  /** The first value of a header, by name in any case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The request as the signature and token checks see it, with this (read) body. */
  public SignableRequest signable(byte[] readBody) {
    return SignableRequest.of(method, rawPath, rawQuery, headers, readBody);
  }

  /** Method and path only: headers hold signatures and tokens, the body may hold plaintext. */
  @Override
  public String toString() {
    return "HttpCall[" + method + " " + rawPath + "]";
  }
}

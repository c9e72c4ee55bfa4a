package cloud.reencrypt.server.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the signature and token checks see it: method, the raw (still percent-encoded)
 * path and query, headers with lower-case names, and the exact body bytes.
 *
 * @param rawQuery the query without {@code ?}, or {@code null} when there is none
 */
public record SignableRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {

  /** Builds a request from headers with names in any case; names are lower-cased here. */
  public static SignableRequest of(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> anyCaseHeaders,
      byte[] body) {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    anyCaseHeaders.forEach(
        (name, values) ->
            lower
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                .addAll(values));
    return new SignableRequest(method, rawPath, rawQuery, Map.copyOf(lower), body);
  }

  /** Method and path only: headers hold signatures and tokens, the body may hold plaintext. */
  @Override
  public String toString() {
    return "SignableRequest[" + method + " " + rawPath + "]";
  }

  /**
   * The header's value for signing: surrounding whitespace trimmed (as the Python and Go signers
   * do; the Java signer never sends any) and repeated headers joined with {@code ,}.
   */
  public Optional<String> header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join(",", values.stream().map(String::trim).toList()));
  }
}

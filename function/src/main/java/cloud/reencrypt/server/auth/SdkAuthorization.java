package cloud.reencrypt.server.auth;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed {@code Authorization} header of an SDK-signed request:
 *
 * <pre>SDK-HMAC-SHA256 Access=&lt;AK&gt;, SignedHeaders=&lt;h1;h2;...&gt;, Signature=&lt;64 hex&gt;
 * </pre>
 *
 * The SDKs write one space after the algorithm and {@code ", "} between parts; any whitespace
 * around the commas is accepted here.
 *
 * @param signedHeaders lower-case names in the order the client listed them
 */
public record SdkAuthorization(String accessKey, List<String> signedHeaders, String signature) {

  /** Parses the header value; a wrong algorithm or a missing or empty part is rejected. */
  public static SdkAuthorization parse(String header) throws SignatureRejectedException {
    String prefix = CanonicalRequest.ALGORITHM + " ";
    if (!header.startsWith(prefix)) {
      throw new SignatureRejectedException("the Authorization algorithm must be SDK-HMAC-SHA256");
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : header.substring(prefix.length()).split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    String accessKey = parts.getOrDefault("Access", "");
    String signedHeaders = parts.getOrDefault("SignedHeaders", "");
    String signature = parts.getOrDefault("Signature", "");
    if (accessKey.isEmpty() || signedHeaders.isEmpty() || signature.isEmpty()) {
      throw new SignatureRejectedException(
          "the Authorization header needs Access, SignedHeaders and Signature");
    }
    List<String> names =
        Arrays.stream(signedHeaders.split(";")).map(n -> n.toLowerCase(Locale.ROOT)).toList();
    return new SdkAuthorization(accessKey, names, signature.toLowerCase(Locale.ROOT));
  }
}

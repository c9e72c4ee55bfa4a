package cloud.reencrypt.server.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical request and string to sign of Huawei Cloud's {@code SDK-HMAC-SHA256} scheme, as the
 * official SDKs build them:
 *
 * <pre>
 * CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n
 *                    SignedHeaders \n HexLower(SHA-256(body))
 * StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n HexLower(SHA-256(CanonicalRequest))
 * </pre>
 *
 * <ul>
 *   <li>CanonicalURI: each path segment percent-decoded, then re-encoded (RFC 3986 unreserved
 *       characters kept, everything else {@code %XX}), joined with {@code /} and always ending with
 *       {@code /}.
 *   <li>CanonicalQuery: each name and value re-encoded the same way, pairs sorted by name (a stable
 *       sort, as the Java SDK does), {@code name=value} joined with {@code &}; empty without query.
 *   <li>CanonicalHeaders: {@code name:value\n} for each signed header in SignedHeaders order, so a
 *       blank line follows the block.
 * </ul>
 *
 * <p>Unlike AWS SigV4 there is no key derivation and no scope: the secret key signs directly.
 */
public final class CanonicalRequest {
  public static final String ALGORITHM = "SDK-HMAC-SHA256";

  private static final HexFormat HEX = HexFormat.of();

  private CanonicalRequest() {}

  /**
   * The canonical request text.
   *
   * @param signedHeaders lower-case header names in the order the client listed them
   * @param payloadHash hex SHA-256 of the body, or the client's {@code X-Sdk-Content-Sha256}
   */
  public static String of(SignableRequest request, List<String> signedHeaders, String payloadHash) {
    StringBuilder text = new StringBuilder();
    text.append(request.method()).append('\n');
    text.append(canonicalUri(request.rawPath())).append('\n');
    text.append(canonicalQuery(request.rawQuery())).append('\n');
    for (String name : signedHeaders) {
      text.append(name).append(':').append(request.header(name).orElse("")).append('\n');
    }
    text.append('\n').append(String.join(";", signedHeaders)).append('\n');
    return text.append(payloadHash).toString();
  }

  public static String stringToSign(String sdkDate, String canonicalRequest) {
    return ALGORITHM
        + "\n"
        + sdkDate
        + "\n"
        + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] data) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  static String canonicalUri(String rawPath) {
    String[] segments = rawPath.split("/", -1);
    List<String> encoded = new ArrayList<>();
    for (String segment : segments) {
      encoded.add(encode(decode(segment)));
    }
    String joined = String.join("/", encoded);
    return joined.endsWith("/") ? joined : joined + "/";
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
    }
    pairs.sort(Comparator.comparing(pair -> pair[0]));
    return String.join("&", pairs.stream().map(pair -> pair[0] + "=" + pair[1]).toList());
  }

  /** RFC 3986 encoding: unreserved characters stay, every other UTF-8 byte becomes {@code %XX}. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX.withUpperCase().toHexDigits(b));
      }
    }
    return out.toString();
  }

  /**
   * Percent-decoding without form semantics ({@code +} stays {@code +}).
   *
   * @throws IllegalArgumentException for a truncated or non-hex escape
   */
  static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      int escape = text.indexOf('%', i);
      int end = escape < 0 ? text.length() : escape;
      bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
      if (escape < 0) {
        break;
      }
      if (escape + 3 > text.length()) {
        throw new IllegalArgumentException("truncated percent escape");
      }
      bytes.write(HexFormat.fromHexDigits(text, escape + 1, escape + 3));
      i = escape + 3;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}

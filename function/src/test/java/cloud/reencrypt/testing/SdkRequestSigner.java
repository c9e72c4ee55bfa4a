package cloud.reencrypt.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client-side {@code SDK-HMAC-SHA256} signer for tests, written independently of the server's
 * verifier and following what the official Java SDK does (kms-api-notes §6): it signs every header
 * except {@code Content-Type} and names containing {@code _}, plus {@code host} (the URI's
 * authority) and {@code x-sdk-date}. A predicate can choose other headers to sign, so tests can
 * build requests that are validly signed yet break a rule.
 */
public final class SdkRequestSigner {
  /** The Java SDK's choice of headers to sign. */
  public static final Predicate<String> SDK_DEFAULT =
      name -> !name.equals("content-type") && !name.contains("_");

  private static final DateTimeFormatter SDK_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String accessKey;
  private final String secretKey;

  public SdkRequestSigner(String accessKey, String secretKey) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /**
   * Signs as the SDK does; the result holds the given headers plus X-Sdk-Date and Authorization.
   */
  public Map<String, String> sign(
      String method, URI uri, Map<String, String> headers, byte[] body, Instant now) {
    return sign(method, uri, headers, body, now, SDK_DEFAULT);
  }

  /**
   * Signs with a chosen set of headers. The returned map never contains {@code Host}: HTTP clients
   * set it from the URI, and it is signed as the URI's authority.
   */
  public Map<String, String> sign(
      String method,
      URI uri,
      Map<String, String> headers,
      byte[] body,
      Instant now,
      Predicate<String> signs) {
    String date = SDK_DATE.format(now);
    Map<String, String> sent = new LinkedHashMap<>(headers);
    sent.put("X-Sdk-Date", date);
    TreeMap<String, String> signed = new TreeMap<>();
    sent.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));
    signed.put("host", uri.getRawAuthority());
    signed.keySet().removeIf(signs.negate());
    String signedNames = String.join(";", signed.keySet());
    StringBuilder canonical = new StringBuilder();
    canonical.append(method).append('\n').append(path(uri)).append('\n');
    canonical.append(query(uri)).append('\n');
    signed.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
    canonical.append('\n').append(signedNames).append('\n').append(hex(sha256(body)));
    String toSign = "SDK-HMAC-SHA256\n" + date + "\n" + hex(sha256(utf8(canonical.toString())));
    sent.put(
        "Authorization",
        "SDK-HMAC-SHA256 Access="
            + accessKey
            + ", SignedHeaders="
            + signedNames
            + ", Signature="
            + hex(hmac(toSign)));
    return sent;
  }

  private static String path(URI uri) {
    List<String> segments = new ArrayList<>();
    for (String segment : uri.getRawPath().split("/", -1)) {
      segments.add(escape(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8)));
    }
    String path = String.join("/", segments);
    return path.endsWith("/") ? path : path + "/";
  }

  private static String query(URI uri) {
    if (uri.getRawQuery() == null) {
      return "";
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      sorted.put(
          escape(URLDecoder.decode(parts[0], StandardCharsets.UTF_8)),
          parts.length == 1 ? "" : escape(URLDecoder.decode(parts[1], StandardCharsets.UTF_8)));
    }
    List<String> joined = new ArrayList<>();
    sorted.forEach((name, value) -> joined.add(name + "=" + value));
    return String.join("&", joined);
  }

  private static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private byte[] hmac(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(utf8(secretKey), "HmacSHA256"));
      return mac.doFinal(utf8(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}

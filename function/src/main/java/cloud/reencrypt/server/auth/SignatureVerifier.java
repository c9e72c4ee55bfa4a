package cloud.reencrypt.server.auth;

import cloud.reencrypt.kms.local.crypto.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code SDK-HMAC-SHA256} AK/SK signatures the way Huawei Cloud's API gateway does.
 *
 * <p>Rules enforced, beyond recomputing the signature:
 *
 * <ul>
 *   <li>The signed-header list is the one in the Authorization header (the SDKs differ in what they
 *       sign); it must include {@code host} and {@code x-sdk-date}, and every header it names must
 *       be present.
 *   <li>{@code X-Sdk-Date} ({@code yyyyMMdd'T'HHmmss'Z'}, UTC) must be within 15 minutes of the
 *       injected clock, either way.
 *   <li>{@code X-Security-Token} (temporary credentials), when sent, must be signed so that it
 *       cannot be swapped.
 *   <li>{@code X-Sdk-Content-Sha256}, when sent, replaces the body hash: a hex value must equal the
 *       body's SHA-256; {@code UNSIGNED-PAYLOAD} is accepted only when that header is itself
 *       signed.
 *   <li>The signature is compared in constant time.
 * </ul>
 */
public final class SignatureVerifier {
  /** The gateway's tolerance between {@code X-Sdk-Date} and its own clock. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  private static final DateTimeFormatter SDK_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

  private final SecretKeyLookup secretKeys;
  private final Clock clock;

  public SignatureVerifier(SecretKeyLookup secretKeys, Clock clock) {
    this.secretKeys = secretKeys;
    this.clock = clock;
  }

  /** Finds the secret key of an access key. */
  @FunctionalInterface
  public interface SecretKeyLookup {
    /**
     * A fresh copy of the secret key's UTF-8 bytes, or empty for an unknown access key. The
     * verifier wipes the copy once the signature is checked.
     */
    Optional<byte[]> secretKey(String accessKey);
  }

  /** Accepts the request or says why not. */
  public void verify(SignableRequest request) throws SignatureRejectedException {
    String header = request.header("authorization").orElse("");
    SdkAuthorization authorization = SdkAuthorization.parse(header);
    checkSignedHeaders(request, authorization.signedHeaders());
    String sdkDate = checkDate(request.header("x-sdk-date").orElse(""));
    byte[] secretKey =
        secretKeys
            .secretKey(authorization.accessKey())
            .orElseThrow(() -> new SignatureRejectedException("unknown access key"));
    try {
      checkSignature(request, authorization, sdkDate, secretKey);
    } finally {
      Secrets.wipe(secretKey);
    }
  }

  private static void checkSignature(
      SignableRequest request, SdkAuthorization authorization, String sdkDate, byte[] secretKey)
      throws SignatureRejectedException {
    String payloadHash = payloadHash(request, authorization.signedHeaders());
    String canonical;
    try {
      canonical = CanonicalRequest.of(request, authorization.signedHeaders(), payloadHash);
    } catch (IllegalArgumentException e) {
      throw new SignatureRejectedException("the request URI has an invalid percent escape");
    }
    String expected = sign(secretKey, CanonicalRequest.stringToSign(sdkDate, canonical));
    if (!MessageDigest.isEqual(ascii(expected), ascii(authorization.signature()))) {
      throw new SignatureRejectedException("verify aksk signature fail");
    }
  }

  /** Hex HMAC-SHA256 of the string to sign, keyed with the secret key's bytes. */
  public static String sign(byte[] secretKey, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  private static void checkSignedHeaders(SignableRequest request, List<String> signed)
      throws SignatureRejectedException {
    if (!signed.contains("host") || !signed.contains("x-sdk-date")) {
      throw new SignatureRejectedException("host and x-sdk-date must be signed headers");
    }
    for (String name : signed) {
      if (request.header(name).isEmpty()) {
        throw new SignatureRejectedException("signed header " + name + " is missing");
      }
    }
    if (request.header("x-security-token").isPresent() && !signed.contains("x-security-token")) {
      throw new SignatureRejectedException("X-Security-Token must be a signed header");
    }
  }

  private String checkDate(String sdkDate) throws SignatureRejectedException {
    Instant signedAt;
    try {
      signedAt = LocalDateTime.parse(sdkDate, SDK_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new SignatureRejectedException("X-Sdk-Date must be yyyyMMdd'T'HHmmss'Z'");
    }
    Duration skew = Duration.between(signedAt, clock.instant()).abs();
    if (skew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new SignatureRejectedException("X-Sdk-Date is more than 15 minutes from server time");
    }
    return sdkDate;
  }

  private static String payloadHash(SignableRequest request, List<String> signed)
      throws SignatureRejectedException {
    String bodyHash = CanonicalRequest.sha256Hex(request.body());
    Optional<String> declared = request.header("x-sdk-content-sha256");
    if (declared.isEmpty()) {
      return bodyHash;
    }
    String value = declared.get();
    if (value.equals(UNSIGNED_PAYLOAD) && signed.contains("x-sdk-content-sha256")) {
      return value;
    }
    if (value.equalsIgnoreCase(bodyHash)) {
      return value;
    }
    throw new SignatureRejectedException("X-Sdk-Content-Sha256 does not match the body");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

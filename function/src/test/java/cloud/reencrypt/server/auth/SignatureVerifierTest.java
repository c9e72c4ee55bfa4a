package cloud.reencrypt.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.testing.SdkRequestSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
  private static final String AK = "LOCALTESTACCESSKEY01";
  private static final String SK = "LocalTestSecretKey0000000000000000000000";
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final URI URI_ =
      URI.create("http://127.0.0.1:41234/v1.0/0123456789abcdef0123456789abcdef/kms/encrypt-data");
  private static final String BODY = "{\"key_id\":\"k\",\"plain_text\":\"aGVsbG8=\"}";

  @Test
  void sign_huaweiDocStringToSign_givesPublishedSignature() {
    assertEquals(
        SignatureVectors.DOC_SIGNATURE,
        SignatureVerifier.sign(
            SignatureVectors.DOC_SK.getBytes(StandardCharsets.UTF_8),
            SignatureVectors.DOC_STRING_TO_SIGN));
  }

  @Test
  void verify_huaweiDocRequest_accepted() {
    SignatureVerifier verifier =
        verifier(SignatureVectors.DOC_AK, SignatureVectors.DOC_SK, SignatureVectors.DOC_TIME);
    assertDoesNotThrow(() -> verifier.verify(SignatureVectors.docRequest()));
  }

  @Test
  void verify_capturedJavaSdkRequest_accepted() {
    SignatureVerifier verifier =
        verifier(SignatureVectors.SDK_AK, SignatureVectors.SDK_SK, SignatureVectors.SDK_TIME);
    assertDoesNotThrow(() -> verifier.verify(SignatureVectors.sdkRequest()));
  }

  @Test
  void verify_capturedRequestWithTamperedBody_rejected() {
    SignatureVerifier verifier =
        verifier(SignatureVectors.SDK_AK, SignatureVectors.SDK_SK, SignatureVectors.SDK_TIME);
    String tampered = SignatureVectors.SDK_BODY.replace("\"32\"", "\"64\"");
    assertRejected(
        verifier,
        SignatureVectors.sdkRequest(SignatureVectors.sdkHeaders(), tampered),
        "verify aksk signature fail");
  }

  @Test
  void verify_capturedRequestWithSwappedSecurityToken_rejected() {
    SignatureVerifier verifier =
        verifier(SignatureVectors.SDK_AK, SignatureVectors.SDK_SK, SignatureVectors.SDK_TIME);
    Map<String, List<String>> headers = SignatureVectors.sdkHeaders();
    headers.put("X-Security-Token", List.of("ANOTHER-TOKEN"));
    assertRejected(
        verifier,
        SignatureVectors.sdkRequest(headers, SignatureVectors.SDK_BODY),
        "verify aksk signature fail");
  }

  @Test
  void verify_independentlySignedRequest_accepted() {
    assertDoesNotThrow(() -> verifier(AK, SK, NOW).verify(signed(SK, NOW, Map.of())));
  }

  @Test
  void verify_wrongSecretKey_rejected() {
    SignableRequest request = signed("WrongSecretKey000000000000000000000000000", NOW, Map.of());
    assertRejected(verifier(AK, SK, NOW), request, "verify aksk signature fail");
  }

  @Test
  void verify_unknownAccessKey_rejected() {
    SignatureVerifier verifier = verifier("SOMEOTHERACCESSKEY00", SK, NOW);
    assertRejected(verifier, signed(SK, NOW, Map.of()), "unknown access key");
  }

  @Test
  void verify_dateFifteenMinutesOffEitherWay_accepted() {
    SignableRequest request = signed(SK, NOW, Map.of());
    Duration limit = SignatureVerifier.MAX_CLOCK_SKEW;
    assertDoesNotThrow(() -> verifier(AK, SK, NOW.plus(limit)).verify(request));
    assertDoesNotThrow(() -> verifier(AK, SK, NOW.minus(limit)).verify(request));
  }

  @Test
  void verify_staleOrFutureDate_rejected() {
    SignableRequest request = signed(SK, NOW, Map.of());
    Duration beyond = SignatureVerifier.MAX_CLOCK_SKEW.plusSeconds(1);
    assertRejected(verifier(AK, SK, NOW.plus(beyond)), request, "15 minutes");
    assertRejected(verifier(AK, SK, NOW.minus(beyond)), request, "15 minutes");
  }

  @Test
  void verify_missingSdkDate_rejected() {
    SignableRequest request = without(signed(SK, NOW, Map.of()), "x-sdk-date");
    assertRejected(verifier(AK, SK, NOW), request, "x-sdk-date is missing");
  }

  @Test
  void verify_malformedSdkDate_rejected() {
    SignableRequest request = signed(SK, NOW, Map.of());
    SignableRequest reDated = with(request, "x-sdk-date", "2026-03-01T12:00:00Z");
    assertRejected(verifier(AK, SK, NOW), reDated, "X-Sdk-Date must be");
  }

  @Test
  void verify_hostNotSigned_rejectedThoughSignatureMatches() {
    SignableRequest request = signed(SK, NOW, Map.of(), name -> !name.equals("host"));
    assertRejected(verifier(AK, SK, NOW), request, "host and x-sdk-date must be signed");
  }

  @Test
  void verify_sdkDateNotSigned_rejectedThoughSignatureMatches() {
    SignableRequest request = signed(SK, NOW, Map.of(), name -> !name.equals("x-sdk-date"));
    assertRejected(verifier(AK, SK, NOW), request, "host and x-sdk-date must be signed");
  }

  @Test
  void verify_signedHeaderAbsent_rejected() {
    SignableRequest request = without(signed(SK, NOW, Map.of("X-Project-Id", "p")), "x-project-id");
    assertRejected(verifier(AK, SK, NOW), request, "signed header x-project-id is missing");
  }

  @Test
  void verify_signedSecurityToken_accepted() {
    SignableRequest request = signed(SK, NOW, Map.of("X-Security-Token", "sts-token"));
    assertDoesNotThrow(() -> verifier(AK, SK, NOW).verify(request));
  }

  @Test
  void verify_unsignedSecurityToken_rejected() {
    SignableRequest request = with(signed(SK, NOW, Map.of()), "x-security-token", "sts-token");
    assertRejected(verifier(AK, SK, NOW), request, "X-Security-Token must be a signed header");
  }

  @Test
  void verify_contentShaHeaderMatchingBody_accepted() {
    String bodyHash = CanonicalRequest.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8));
    SignableRequest request = signed(SK, NOW, Map.of("X-Sdk-Content-Sha256", bodyHash));
    assertDoesNotThrow(() -> verifier(AK, SK, NOW).verify(request));
  }

  @Test
  void verify_contentShaHeaderNotMatchingBody_rejected() {
    String otherHash = CanonicalRequest.sha256Hex(new byte[1]);
    SignableRequest request = signed(SK, NOW, Map.of("X-Sdk-Content-Sha256", otherHash));
    assertRejected(verifier(AK, SK, NOW), request, "does not match the body");
  }

  @Test
  void verify_unsignedPayloadAddedAfterSigning_rejected() {
    SignableRequest request =
        with(signed(SK, NOW, Map.of()), "x-sdk-content-sha256", "UNSIGNED-PAYLOAD");
    assertRejected(verifier(AK, SK, NOW), request, "does not match the body");
  }

  @Test
  void verify_wrongAlgorithmOrIncompleteHeader_rejected() {
    SignableRequest request = signed(SK, NOW, Map.of());
    String header = request.header("authorization").orElseThrow();
    SignatureVerifier verifier = verifier(AK, SK, NOW);
    assertRejected(
        verifier,
        with(request, "authorization", header.replace("SDK-HMAC-SHA256", "SDK-HMAC-SM3")),
        "algorithm");
    assertRejected(
        verifier,
        with(request, "authorization", header.replaceAll(", Signature=[0-9a-f]+", "")),
        "needs Access, SignedHeaders and Signature");
  }

  @Test
  void verify_acceptedRequest_wipesTheSecretKeyCopy() throws Exception {
    List<byte[]> handedOut = new ArrayList<>();
    recording(handedOut).verify(signed(SK, NOW, Map.of()));
    assertAllWiped(handedOut);
  }

  @Test
  void verify_wrongSignature_wipesTheSecretKeyCopy() {
    List<byte[]> handedOut = new ArrayList<>();
    SignableRequest request = signed("WrongSecretKey000000000000000000000000000", NOW, Map.of());
    assertRejected(recording(handedOut), request, "verify aksk signature fail");
    assertAllWiped(handedOut);
  }

  @Test
  void verify_bodyHashMismatch_wipesTheSecretKeyCopy() {
    List<byte[]> handedOut = new ArrayList<>();
    String otherHash = CanonicalRequest.sha256Hex(new byte[1]);
    SignableRequest request = signed(SK, NOW, Map.of("X-Sdk-Content-Sha256", otherHash));
    assertRejected(recording(handedOut), request, "does not match the body");
    assertAllWiped(handedOut);
  }

  private static SignatureVerifier verifier(String ak, String sk, Instant now) {
    byte[] secret = sk.getBytes(StandardCharsets.UTF_8);
    return new SignatureVerifier(
        accessKey -> accessKey.equals(ak) ? Optional.of(secret.clone()) : Optional.empty(),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  /** A verifier whose lookup hands out the copies it keeps, so a test can see them wiped. */
  private static SignatureVerifier recording(List<byte[]> handedOut) {
    return new SignatureVerifier(
        accessKey -> {
          byte[] copy = SK.getBytes(StandardCharsets.UTF_8);
          handedOut.add(copy);
          return Optional.of(copy);
        },
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static void assertAllWiped(List<byte[]> handedOut) {
    assertEquals(1, handedOut.size());
    assertArrayEquals(new byte[handedOut.get(0).length], handedOut.get(0));
  }

  private static SignableRequest signed(String sk, Instant at, Map<String, String> extra) {
    return signed(sk, at, extra, SdkRequestSigner.SDK_DEFAULT);
  }

  private static SignableRequest signed(
      String sk, Instant at, Map<String, String> extra, Predicate<String> signs) {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>(extra);
    headers.put("Content-Type", "application/json;charset=UTF-8");
    Map<String, String> sent =
        new SdkRequestSigner(AK, sk).sign("POST", URI_, headers, body, at, signs);
    Map<String, List<String>> received = new LinkedHashMap<>();
    sent.forEach((name, value) -> received.put(name, List.of(value)));
    received.put("Host", List.of(URI_.getRawAuthority()));
    return SignableRequest.of("POST", URI_.getRawPath(), null, received, body);
  }

  private static SignableRequest with(SignableRequest request, String name, String value) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.put(name, List.of(value));
    return new SignableRequest(
        request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
  }

  private static SignableRequest without(SignableRequest request, String name) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.remove(name);
    return new SignableRequest(
        request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
  }

  private static void assertRejected(
      SignatureVerifier verifier, SignableRequest request, String reason) {
    SignatureRejectedException e =
        assertThrows(SignatureRejectedException.class, () -> verifier.verify(request));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}

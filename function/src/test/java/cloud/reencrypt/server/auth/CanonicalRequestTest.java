package cloud.reencrypt.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {
  @Test
  void of_huaweiDocExample_matchesPublishedStringToSign() {
    SignableRequest request = SignatureVectors.docRequest();
    String canonical =
        CanonicalRequest.of(
            request,
            List.of("content-type", "host", "x-sdk-date"),
            CanonicalRequest.sha256Hex(request.body()));

    assertEquals(SignatureVectors.DOC_CANONICAL, canonical);
    assertEquals(
        SignatureVectors.DOC_STRING_TO_SIGN,
        CanonicalRequest.stringToSign("20191115T033655Z", canonical));
  }

  @Test
  void of_capturedSdkRequest_matchesCapturedStringToSign() {
    SignableRequest request = SignatureVectors.sdkRequest();
    String canonical =
        CanonicalRequest.of(
            request,
            List.of("host", "user-agent", "x-project-id", "x-sdk-date", "x-security-token"),
            CanonicalRequest.sha256Hex(request.body()));

    assertEquals(SignatureVectors.SDK_CANONICAL, canonical);
    assertEquals(
        SignatureVectors.SDK_STRING_TO_SIGN,
        CanonicalRequest.stringToSign("20261126T162812Z", canonical));
  }

  @Test
  void sha256Hex_emptyBody_isTheWellKnownDigest() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        CanonicalRequest.sha256Hex(new byte[0]));
  }

  @Test
  void canonicalUri_reservedAndEncodedCharacters_reencodedPerRfc3986() {
    assertEquals("/", CanonicalRequest.canonicalUri("/"));
    assertEquals("/a%20b/c%2Ad~e/", CanonicalRequest.canonicalUri("/a b/c*d%7Ee"));
    assertEquals("/x%2By/%C3%A9/", CanonicalRequest.canonicalUri("/x+y/%c3%a9/"));
  }

  @Test
  void canonicalQuery_unsortedPairsAndBareName_sortedStablyWithEmptyValue() {
    assertEquals("", CanonicalRequest.canonicalQuery(null));
    assertEquals("a=2&a=1&b=&c=x%20y", CanonicalRequest.canonicalQuery("c=x%20y&a=2&b&a=1"));
  }

  @Test
  void decode_truncatedOrNonHexEscape_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalRequest.decode("abc%4"));
    assertThrows(IllegalArgumentException.class, () -> CanonicalRequest.decode("abc%zz"));
    assertEquals("é", CanonicalRequest.decode("%C3%A9"));
    assertEquals("ü+", CanonicalRequest.decode("ü+"));
  }
}

package cloud.reencrypt.server.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two known-answer requests of {@code kms-api-notes.md} §6: the example of Huawei's API signing
 * guide and a ReEncrypt request captured from the official Java SDK 3.1.143.
 */
final class SignatureVectors {
  static final String DOC_AK = "QTWAOYTTINDUT2QVKYUC";
  static final String DOC_SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
  static final Instant DOC_TIME = Instant.parse("2019-11-15T03:36:55Z");
  static final String DOC_CANONICAL =
      "GET\n"
          + "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\n"
          + "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n"
          + "content-type:application/json\n"
          + "host:service.region.example.com\n"
          + "x-sdk-date:20191115T033655Z\n"
          + "\n"
          + "content-type;host;x-sdk-date\n"
          + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String DOC_STRING_TO_SIGN =
      "SDK-HMAC-SHA256\n20191115T033655Z\n"
          + "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a";
  static final String DOC_SIGNATURE =
      "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";

  static final String SDK_AK = "AKTESTEXAMPLE0000000";
  static final String SDK_SK = "SKtestExampleSecret0000000000000000000000";
  static final Instant SDK_TIME = Instant.parse("2026-11-26T16:28:12Z");
  static final String SDK_BODY =
      "{\"cipher_text\":\"020078000871efb2\","
          + "\"destination_key_id\":\"11111111-2222-3333-4444-555555555555\","
          + "\"datakey_cipher_length\":\"32\"}";
  static final String SDK_CANONICAL =
      "POST\n"
          + "/v1.0/0123456789abcdef0123456789abcdef/kms/re-encrypt/\n"
          + "\n"
          + "host:127.0.0.1:18932\n"
          + "user-agent:huaweicloud-usdk-java/3.0\n"
          + "x-project-id:0123456789abcdef0123456789abcdef\n"
          + "x-sdk-date:20261126T162812Z\n"
          + "x-security-token:STS-TOKEN-EXAMPLE\n"
          + "\n"
          + "host;user-agent;x-project-id;x-sdk-date;x-security-token\n"
          + "b5e60033d1b07cb3e72d1c0a522faf09396f5b8ae3cbb1529694bfb87a5a9f3f";
  static final String SDK_STRING_TO_SIGN =
      "SDK-HMAC-SHA256\n20261126T162812Z\n"
          + "828f959848cc4bab2e35933cb1154858291dbf1a49eb5db69f46a881bbcaa719";
  static final String SDK_SIGNATURE =
      "c3b301e27510f2fcb95ffcd5e21a90cb40868008a790d38889af22a069d4186d";

  private SignatureVectors() {}

  static SignableRequest docRequest() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/json"));
    headers.put("Host", List.of("service.region.example.com"));
    headers.put("X-Sdk-Date", List.of("20191115T033655Z"));
    headers.put(
        "Authorization",
        List.of(
            "SDK-HMAC-SHA256 Access="
                + DOC_AK
                + ", SignedHeaders=content-type;host;x-sdk-date, Signature="
                + DOC_SIGNATURE));
    return SignableRequest.of(
        "GET",
        "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
        "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
        headers,
        new byte[0]);
  }

  static Map<String, List<String>> sdkHeaders() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Host", List.of("127.0.0.1:18932"));
    headers.put("User-Agent", List.of("huaweicloud-usdk-java/3.0"));
    headers.put("X-Project-Id", List.of("0123456789abcdef0123456789abcdef"));
    headers.put("X-Sdk-Date", List.of("20261126T162812Z"));
    headers.put("X-Security-Token", List.of("STS-TOKEN-EXAMPLE"));
    headers.put("Content-Type", List.of("application/json;charset=UTF-8"));
    headers.put("Transfer-Encoding", List.of("chunked"));
    headers.put(
        "Authorization",
        List.of(
            "SDK-HMAC-SHA256 Access="
                + SDK_AK
                + ", SignedHeaders=host;user-agent;x-project-id;x-sdk-date;x-security-token,"
                + " Signature="
                + SDK_SIGNATURE));
    return headers;
  }

  static SignableRequest sdkRequest(Map<String, List<String>> headers, String body) {
    return SignableRequest.of(
        "POST",
        "/v1.0/0123456789abcdef0123456789abcdef/kms/re-encrypt",
        null,
        headers,
        body.getBytes(StandardCharsets.UTF_8));
  }

  static SignableRequest sdkRequest() {
    return sdkRequest(sdkHeaders(), SDK_BODY);
  }
}

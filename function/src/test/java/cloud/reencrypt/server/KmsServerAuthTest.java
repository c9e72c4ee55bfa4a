package cloud.reencrypt.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.server.KmsHttp.Reply;
import cloud.reencrypt.testing.SdkRequestSigner;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Authentication over real HTTP: each way a signature or token can be wrong gets the answer Huawei
 * Cloud gives it (401 flat gateway error for signatures, 403 KMS error for tokens).
 */
class KmsServerAuthTest {
  private static final Instant NOW = KmsServerExtension.NOW;

  @RegisterExtension static final KmsServerExtension server = new KmsServerExtension();

  private static final String BODY = "{\"limit\":\"1\"}";
  private static URI listKeys;

  @BeforeAll
  static void start() {
    listKeys = server.kms().url("list-keys");
  }

  @Test
  void request_noSignatureNoToken_is403TokenMissing() {
    Reply reply = server.http().post(listKeys, Map.of(), BODY);

    assertEquals(403, reply.status());
    assertEquals("KMS.0301", reply.errorCode());
  }

  @Test
  void request_unknownToken_is403TokenInvalid() {
    Reply reply = server.http().token("list-keys", BODY, "not-a-known-token");

    assertEquals(403, reply.status());
    assertEquals("KMS.0302", reply.errorCode());
  }

  @Test
  void request_validSignature_isServed() {
    assertEquals(200, server.http().signed("list-keys", BODY).status());
  }

  @Test
  void request_badSignature_is401FlatGatewayError() {
    Map<String, String> headers = signedHeaders(BODY, server.kms().signer(), NOW);
    headers.put("Authorization", headers.get("Authorization").replaceAll(".{8}$", "00000000"));
    Reply reply = server.http().post(listKeys, headers, BODY);

    assertGatewayRejection(reply, "verify aksk signature fail");
    assertEquals(reply.requestId(), reply.json().path("request_id").asText());
    assertFalse(reply.json().has("error"));
  }

  @Test
  void request_bodyChangedAfterSigning_is401() {
    Map<String, String> headers = signedHeaders(BODY, server.kms().signer(), NOW);
    assertGatewayRejection(
        server.http().post(listKeys, headers, "{\"limit\":\"2\"}"), "signature fail");
  }

  @Test
  void request_wrongSecretKey_is401() {
    SdkRequestSigner wrong =
        new SdkRequestSigner(server.kms().accessKey(), server.kms().secretKey() + "x");
    Reply reply = server.http().signed(listKeys, BODY, wrong, NOW, SdkRequestSigner.SDK_DEFAULT);
    assertGatewayRejection(reply, "signature fail");
  }

  @Test
  void request_unknownAccessKey_is401() {
    SdkRequestSigner stranger =
        new SdkRequestSigner("UNKNOWNACCESSKEY0000", server.kms().secretKey());
    Reply reply = server.http().signed(listKeys, BODY, stranger, NOW, SdkRequestSigner.SDK_DEFAULT);
    assertGatewayRejection(reply, "unknown access key");
  }

  @Test
  void request_signedSixteenMinutesAgo_is401() {
    Instant stale = NOW.minus(Duration.ofMinutes(16));
    Reply reply =
        server
            .http()
            .signed(listKeys, BODY, server.kms().signer(), stale, SdkRequestSigner.SDK_DEFAULT);
    assertGatewayRejection(reply, "15 minutes");
  }

  @Test
  void request_sdkDateRemoved_is401() {
    Map<String, String> headers = signedHeaders(BODY, server.kms().signer(), NOW);
    headers.remove("X-Sdk-Date");
    assertGatewayRejection(server.http().post(listKeys, headers, BODY), "x-sdk-date is missing");
  }

  @Test
  void request_hostNotSigned_is401() {
    Reply reply =
        server
            .http()
            .signed(listKeys, BODY, server.kms().signer(), NOW, name -> !name.equals("host"));
    assertGatewayRejection(reply, "host and x-sdk-date must be signed");
  }

  @Test
  void request_signedSecurityToken_isServed() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", HttpAnswer.JSON);
    headers.put("X-Security-Token", "temporary-credential-token");
    Map<String, String> signed =
        server.kms().signer().sign("POST", listKeys, headers, KmsHttp.utf8(BODY), NOW);
    assertEquals(200, server.http().post(listKeys, signed, BODY).status());
  }

  @Test
  void request_chunkedSignedBody_isServed() {
    Map<String, String> headers = signedHeaders(BODY, server.kms().signer(), NOW);
    HttpRequest chunked =
        KmsHttp.request(listKeys, headers)
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(KmsHttp.utf8(BODY))))
            .build();
    Reply reply = server.http().send(chunked);
    assertEquals(200, reply.status(), reply.json()::toString);
  }

  @Test
  void request_signatureAndUnknownToken_isJudgedBySignature() {
    Map<String, String> headers = signedHeaders(BODY, server.kms().signer(), NOW);
    headers.put("X-Auth-Token", "not-a-known-token");
    assertEquals(200, server.http().post(listKeys, headers, BODY).status());
  }

  private static Map<String, String> signedHeaders(
      String body, SdkRequestSigner signer, Instant at) {
    return new LinkedHashMap<>(
        signer.sign(
            "POST", listKeys, Map.of("Content-Type", HttpAnswer.JSON), KmsHttp.utf8(body), at));
  }

  private static void assertGatewayRejection(Reply reply, String reason) {
    assertEquals(401, reply.status(), reply.json()::toString);
    assertEquals("APIGW.0301", reply.json().path("error_code").asText());
    assertTrue(reply.json().path("error_msg").asText().contains(reason), reply.json()::toString);
  }
}

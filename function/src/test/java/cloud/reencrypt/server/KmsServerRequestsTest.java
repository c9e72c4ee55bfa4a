package cloud.reencrypt.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.server.KmsHttp.Reply;
import cloud.reencrypt.testing.SdkRequestSigner;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authenticated requests the server must refuse with KMS's error, code and status. */
class KmsServerRequestsTest {
  private static final Instant NOW = KmsServerExtension.NOW;

  @RegisterExtension static final KmsServerExtension server = new KmsServerExtension();

  @Test
  void request_otherProject_is403UriTokenMismatch() {
    URI other =
        URI.create(
            server.kms().endpoint() + "/v1.0/0123456789abcdef0123456789abcdef/kms/list-keys");
    Reply reply = signed(other, "{}");

    assertEquals(403, reply.status());
    assertEquals("KMS.0321", reply.errorCode());
  }

  @Test
  void request_projectHeaderDisagreesWithPath_is403() {
    Map<String, String> headers =
        Map.of("X-Auth-Token", server.kms().authToken(), "X-Project-Id", "other");
    Reply reply = server.http().post(server.kms().url("list-keys"), headers, "{}");

    assertEquals(403, reply.status());
    assertEquals("KMS.0321", reply.errorCode());
  }

  @Test
  void request_getOnAnOperation_is405WithAllow() {
    Map<String, String> headers =
        server
            .kms()
            .signer()
            .sign("GET", server.kms().url("list-keys"), Map.of(), new byte[0], NOW);
    Reply reply =
        server.http().send(KmsHttp.request(server.kms().url("list-keys"), headers).GET().build());

    assertEquals(405, reply.status());
    assertEquals("KMS.0215", reply.errorCode());
    assertEquals("POST", reply.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void request_unknownOperation_is400InvalidUrl() {
    Reply reply = server.http().signed("no-such-operation", "{}");

    assertEquals(400, reply.status());
    assertEquals("KMS.0201", reply.errorCode());
  }

  @Test
  void request_notAKmsPath_is400InvalidUrl() {
    for (String path :
        new String[] {"/", "/v1.0/" + server.kms().projectId() + "/kms/list-keys/", "/v2/x"}) {
      Reply reply = signed(URI.create(server.kms().endpoint() + path), "{}");
      assertEquals("KMS.0201", reply.errorCode(), path);
    }
  }

  @Test
  void request_bodyNotJson_is400InvalidJson() {
    Reply garbage = server.http().signed("encrypt-data", "{\"key_id\":");
    Reply array = server.http().signed("encrypt-data", "[1,2]");

    assertEquals(400, garbage.status());
    assertEquals("KMS.0202", garbage.errorCode());
    assertEquals("KMS.0202", array.errorCode());
  }

  @Test
  void request_longNumberInAnIgnoredMember_is400InvalidJson() {
    // Within serve's 64 KiB body limit, and far beyond the mapper's 100-digit number limit.
    Reply reply = server.http().signed("list-keys", "{\"ignored\":" + "7".repeat(60_000) + "}");

    assertEquals(400, reply.status());
    assertEquals("KMS.0202", reply.errorCode());
  }

  @Test
  void request_numberWhereKmsWantsAString_is400InvalidParameter() {
    Reply reply = server.http().signed("list-keys", "{\"limit\":10}");

    assertEquals(400, reply.status());
    assertEquals("KMS.0308", reply.errorCode());
  }

  @Test
  void request_bodyOverTheLimit_is400MessageTooLong() {
    String huge = "{\"plain_text\":\"" + "a".repeat(KmsServer.DEFAULT_MAX_BODY_BYTES) + "\"}";
    Reply reply = server.http().token("encrypt-data", huge, server.kms().authToken());

    assertEquals(400, reply.status());
    assertEquals("KMS.0203", reply.errorCode());
  }

  @Test
  void request_chunkedBodyOverTheLimit_is400MessageTooLong() {
    byte[] huge = new byte[KmsServer.DEFAULT_MAX_BODY_BYTES * 2];
    HttpRequest request =
        KmsHttp.request(
                server.kms().url("encrypt-data"), Map.of("X-Auth-Token", server.kms().authToken()))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(huge)))
            .build();

    assertEquals("KMS.0203", server.http().send(request).errorCode());
  }

  @Test
  void request_everyAnswer_carriesRequestIdAndJsonType() {
    for (Reply reply :
        new Reply[] {
          server.http().signed("list-keys", "{}"),
          server.http().signed("nope", "{}"),
          server.http().post(server.kms().url("x"), Map.of(), "")
        }) {
      assertTrue(reply.requestId().matches("[0-9a-f]{32}"), reply.requestId());
      assertEquals(HttpAnswer.JSON, reply.headers().firstValue("Content-Type").orElseThrow());
    }
  }

  @Test
  void request_errors_neverEchoSecrets() {
    Reply reply = server.http().token("list-keys", "{}", server.kms().secretKey());

    assertEquals("KMS.0302", reply.errorCode());
    assertFalse(reply.json().toString().contains(server.kms().secretKey()));
  }

  private static Reply signed(URI url, String body) {
    return server
        .http()
        .signed(url, body, server.kms().signer(), NOW, SdkRequestSigner.SDK_DEFAULT);
  }
}

package cloud.reencrypt.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsOperation;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.server.KmsHttp.Reply;
import cloud.reencrypt.testing.DemoKms;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every KMS operation through the server over real HTTP, signed as the Java SDK signs. */
class KmsServerOperationsTest {
  private static final Instant NOW = KmsServerExtension.NOW;

  @RegisterExtension static final KmsServerExtension server = new KmsServerExtension();

  @Test
  void createKey_signed_createsKeyThatDescribeFinds() {
    String alias = "server-test-" + UUID.randomUUID();
    String keyId = createKey(alias);

    Reply described = server.http().signed("describe-key", "{\"key_id\":\"" + keyId + "\"}");
    assertEquals(200, described.status());
    assertEquals(alias, described.json().path("key_info").path("key_alias").asText());
    assertEquals("2", described.json().path("key_info").path("key_state").asText());
  }

  @Test
  void listKeys_signed_listsTheDemoKeys() {
    Reply listed = server.http().signed("list-keys", "{\"limit\":\"1000\"}");

    assertEquals(200, listed.status());
    assertTrue(
        listed.json().path("keys").toString().contains(DemoKms.AES), listed.json()::toString);
  }

  @Test
  void disableAndEnableKey_signed_changeTheState() {
    String key = "{\"key_id\":\"" + createKey("server-state-" + UUID.randomUUID()) + "\"}";

    assertEquals(
        "3",
        server
            .http()
            .signed("disable-key", key)
            .json()
            .path("key_info")
            .path("key_state")
            .asText());
    assertEquals(
        "2",
        server.http().signed("enable-key", key).json().path("key_info").path("key_state").asText());
  }

  @Test
  void scheduleAndCancelKeyDeletion_signed_changeTheState() {
    String keyId = createKey("server-deletion-" + UUID.randomUUID());
    String schedule = "{\"key_id\":\"" + keyId + "\",\"pending_days\":\"7\"}";

    assertEquals(
        "4",
        server.http().signed("schedule-key-deletion", schedule).json().path("key_state").asText());
    Reply cancelled = server.http().signed("cancel-key-deletion", "{\"key_id\":\"" + keyId + "\"}");
    assertEquals(200, cancelled.status());
    assertNotEquals("4", cancelled.json().path("key_state").asText());
  }

  @Test
  void encryptAndDecryptData_signed_roundTrip() {
    Reply encrypted =
        server
            .http()
            .signed(
                "encrypt-data",
                "{\"key_id\":\"" + DemoKms.AES + "\",\"plain_text\":\"hello kms\"}");
    String cipherText = encrypted.json().path("cipher_text").asText();

    Reply decrypted =
        server.http().signed("decrypt-data", "{\"cipher_text\":\"" + cipherText + "\"}");
    assertEquals(200, decrypted.status());
    assertEquals("hello kms", decrypted.json().path("plain_text").asText());
  }

  @Test
  void createAndDecryptDatakey_signed_giveTheSameKey() {
    Reply created =
        server
            .http()
            .signed(
                "create-datakey",
                "{\"key_id\":\"" + DemoKms.SM4 + "\",\"datakey_length\":\"256\"}");
    String plain = created.json().path("plain_text").asText();

    Reply decrypted = decryptDatakey(DemoKms.SM4, created.json().path("cipher_text").asText());
    assertEquals(200, decrypted.status());
    assertEquals(plain, decrypted.json().path("data_key").asText());
  }

  @Test
  void encryptDatakey_signed_wrapsAKeyThatDecryptsBack() throws Exception {
    byte[] dek = new byte[32];
    dek[0] = 7;
    String plain = HexFormat.of().formatHex(dek) + HexFormat.of().formatHex(sha256(dek));
    Reply wrapped =
        server
            .http()
            .signed(
                "encrypt-datakey",
                "{\"key_id\":\""
                    + DemoKms.AES
                    + "\",\"plain_text\":\""
                    + plain
                    + "\",\"datakey_plain_length\":\"32\"}");
    assertEquals(200, wrapped.status(), wrapped.json()::toString);

    Reply decrypted = decryptDatakey(DemoKms.AES, wrapped.json().path("cipher_text").asText());
    assertEquals(HexFormat.of().formatHex(dek), decrypted.json().path("data_key").asText());
  }

  @Test
  void createDatakeyWithoutPlaintext_signed_returnsOnlyTheCiphertext() {
    Reply created =
        server
            .http()
            .signed("create-datakey-without-plaintext", "{\"key_id\":\"" + DemoKms.AES + "\"}");

    assertEquals(200, created.status());
    assertTrue(created.json().path("plain_text").isMissingNode());
    assertEquals(
        200, decryptDatakey(DemoKms.AES, created.json().path("cipher_text").asText()).status());
  }

  @Test
  void reEncrypt_signed_movesDataToTheDestinationKey() {
    String cipherText = DemoKms.encrypt(DemoKms.AES, "moving data");

    Reply moved =
        server
            .http()
            .signed(
                "re-encrypt",
                "{\"cipher_text\":\""
                    + cipherText
                    + "\",\"destination_key_id\":\""
                    + DemoKms.SM4
                    + "\"}");
    assertEquals(200, moved.status(), moved.json()::toString);
    assertEquals(DemoKms.AES, moved.json().path("source_key_id").asText());
    String movedText = moved.json().path("cipher_text").asText();
    Reply decrypted =
        server.http().signed("decrypt-data", "{\"cipher_text\":\"" + movedText + "\"}");
    assertEquals("moving data", decrypted.json().path("plain_text").asText());
    assertEquals(DemoKms.SM4, decrypted.json().path("key_id").asText());
  }

  @Test
  void reEncrypt_withAuthToken_succeeds() {
    String cipherText = DemoKms.encrypt(DemoKms.AES, "token data");
    String body =
        "{\"cipher_text\":\"" + cipherText + "\",\"destination_key_id\":\"" + DemoKms.AES + "\"}";

    Reply moved = server.http().token("re-encrypt", body, server.kms().authToken());
    assertEquals(200, moved.status(), moved.json()::toString);
    assertEquals(HttpAnswer.JSON, moved.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(32, moved.requestId().length());
  }

  @Test
  void everyOperation_signedEmptyBody_isRoutedToTheEngine() {
    for (KmsOperation<?, ?> operation : KmsOperations.all()) {
      Reply reply = server.http().signed(operation.path(), "{}");
      assertTrue(reply.status() == 200 || reply.errorCode().equals("KMS.0204"), operation::path);
    }
  }

  @Test
  void noop_signed_answersAnEmptyObject() {
    Reply reply = server.http().signed("noop", "{\"any\":\"thing\"}");

    assertEquals(200, reply.status());
    assertEquals("{}", reply.json().toString());
  }

  private static String createKey(String alias) {
    Reply created = server.http().signed("create-key", "{\"key_alias\":\"" + alias + "\"}");
    assertEquals(200, created.status(), created.json()::toString);
    return created.json().path("key_info").path("key_id").asText();
  }

  private static Reply decryptDatakey(String keyId, String cipherText) {
    return server
        .http()
        .signed(
            "decrypt-datakey",
            "{\"key_id\":\""
                + keyId
                + "\",\"cipher_text\":\""
                + cipherText
                + "\",\"datakey_cipher_length\":\"32\"}");
  }

  private static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }
}

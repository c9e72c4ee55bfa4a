package cloud.reencrypt.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compares a ReEncrypt (or batch) response with the expected one: every field exactly, except
 * {@code cipher_text}, which is fresh on every run and is checked by property instead: it must
 * decrypt, under the response's key with the request's destination AAD, to the plaintext the
 * request's ciphertext held.
 */
public final class ReEncryptAssertions {
  private final Plaintexts plaintexts;

  public ReEncryptAssertions(Plaintexts plaintexts) {
    this.plaintexts = plaintexts;
  }

  /** Asserts a re-encrypt, batch or error response body against the expected one. */
  public void assertBody(JsonNode request, JsonNode expected, JsonNode actual, String where) {
    if (expected.has("results")) {
      assertEquals(expected.get("succeeded"), actual.get("succeeded"), where + " succeeded");
      assertEquals(expected.get("failed"), actual.get("failed"), where + " failed");
      assertEquals(
          expected.get("results").size(), actual.get("results").size(), where + " results");
      for (int i = 0; i < expected.get("results").size(); i++) {
        assertBody(
            request.get("requests").get(i),
            expected.get("results").get(i),
            actual.get("results").get(i),
            where + " results[" + i + "]");
      }
    } else if (expected.has("cipher_text")) {
      assertReEncrypted(request, expected, actual, where);
    } else {
      assertEquals(expected, actual, where);
    }
  }

  /** Asserts one ReEncrypt response: fields exactly, the new ciphertext by its plaintext. */
  public void assertReEncrypted(
      JsonNode request, JsonNode expected, JsonNode actual, String where) {
    assertEquals(withoutCipherText(expected), withoutCipherText(actual), where);
    String before =
        plaintexts.of(
            actual.get("source_key_id").asText(),
            actual.get("source_encryption_algorithm").asText(),
            text(request, "source_additional_authenticated_data"),
            request.get("cipher_text").asText());
    String after =
        plaintexts.of(
            actual.get("key_id").asText(),
            actual.get("destination_encryption_algorithm").asText(),
            text(request, "destination_additional_authenticated_data"),
            actual.get("cipher_text").asText());
    assertEquals(before, after, where + ": the new ciphertext must hold the same plaintext");
  }

  private static JsonNode withoutCipherText(JsonNode response) {
    ObjectNode copy = response.deepCopy();
    copy.remove("cipher_text");
    return copy;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }
}

package cloud.reencrypt.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The keystore's internal records print names and counts, never tokens or key material. */
class KeystoreRecordsToStringTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNKNOWN_SECRET = "an-unknown-member-may-hold-anything";

  @Test
  void toString_keystoreDocument_hidesTokensMaterialAndUnknownMembers() throws Exception {
    ObjectNode file = (ObjectNode) JSON.readTree(TestKeystores.demo().toFile());
    file.put("backup_token", UNKNOWN_SECRET);
    KeystoreDocument document =
        new KeystoreCodec(new MaterialCache()).read(JSON.writeValueAsBytes(file));

    String text = document.toString();

    assertFalse(text.contains(UNKNOWN_SECRET), text);
    assertFalse(text.contains(file.at("/auth_tokens/0").asText()), text);
    assertFalse(text.contains(file.at("/credentials/0/secret_key").asText()), text);
    for (JsonNode key : file.get("keys")) {
      assertFalse(text.contains(key.get("key_material").asText()), text);
    }
    assertTrue(text.contains("projectId=" + file.get("project_id").asText()), text);
    assertTrue(text.contains("authTokens=<redacted, " + file.get("auth_tokens").size()), text);
    assertTrue(text.contains("others=<redacted, 1 entries>"), text);
  }

  @Test
  void toString_materialCacheEntry_hidesTheEncodedMaterial() throws Exception {
    byte[] raw = new byte[32];
    String encoded = Base64.getEncoder().encodeToString(raw);
    MaterialCache.Entry entry =
        new MaterialCache.Entry(KeySpec.AES_256, encoded, KeyMaterial.parse(KeySpec.AES_256, raw));

    assertEquals(
        "Entry[spec=AES_256, encoded=<redacted, 44 chars>, material=<redacted>]", entry.toString());
  }
}

package cloud.reencrypt.kms.local.crypto;

import static cloud.reencrypt.kms.local.crypto.Wycheproof.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.interfaces.RSAPrivateCrtKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wycheproof RSAES-OAEP decryption vectors (MGF1 hash equal to the OAEP hash), keys read through
 * {@link RsaKeys#parsePkcs8}. Vectors with a non-empty label go through the package-private label
 * overload; every other one through the public API. Valid vectors also round-trip through our
 * encryption.
 */
class RsaOaepWycheproofTest {

  @ParameterizedTest
  @CsvSource({
    "rsa_oaep_2048_sha1_mgf1sha1_test.json, SHA_1, 2048",
    "rsa_oaep_2048_sha256_mgf1sha256_test.json, SHA_256, 2048",
    "rsa_oaep_3072_sha256_mgf1sha256_test.json, SHA_256, 3072",
    "rsa_oaep_4096_sha256_mgf1sha256_test.json, SHA_256, 4096"
  })
  void decrypt_wycheproofVectors_matchExpectedResults(String file, OaepHash hash, int bits)
      throws Exception {
    JsonNode root = Wycheproof.load(file);
    int ran = 0;
    for (JsonNode group : root.get("testGroups")) {
      assertEquals(bits, group.get("keySize").asInt());
      assertEquals(group.get("sha").asText(), group.get("mgfSha").asText());
      RSAPrivateCrtKey key = RsaKeys.parsePkcs8(hex(group, "privateKeyPkcs8"));
      for (JsonNode test : group.get("tests")) {
        run(key, hash, test);
        ran++;
      }
    }
    assertEquals(root.get("numberOfTests").asInt(), ran);
  }

  private static void run(RSAPrivateCrtKey key, OaepHash hash, JsonNode test) throws Exception {
    byte[] label = hex(test, "label");
    byte[] ciphertext = hex(test, "ct");
    byte[] message = hex(test, "msg");
    if (label.length == 0) {
      Wycheproof.check(test, message, () -> RsaOaep.decrypt(key, hash, ciphertext));
    } else {
      Wycheproof.check(test, message, () -> RsaOaep.decrypt(key, hash.spec(label), ciphertext));
    }
    if (test.get("result").asText().equals("valid") && label.length == 0) {
      byte[] ours = RsaOaep.encrypt(RsaKeys.publicKey(key), hash, message);
      assertArrayEquals(message, RsaOaep.decrypt(key, hash, ours), "tcId " + test.get("tcId"));
    }
  }
}

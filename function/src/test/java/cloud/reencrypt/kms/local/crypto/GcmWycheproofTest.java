package cloud.reencrypt.kms.local.crypto;

import static cloud.reencrypt.kms.local.crypto.Wycheproof.hex;
import static cloud.reencrypt.kms.local.crypto.Wycheproof.hexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Wycheproof AES-GCM and SM4-GCM vectors through {@link BlockCipher}. Only groups with a 96-bit IV
 * and a 128-bit tag run: the only parameters our API (and KMS) uses; groups with other IV sizes are
 * skipped.
 */
class GcmWycheproofTest {

  @TestFactory
  Stream<DynamicTest> aesGcm_wycheproofVectors_decryptAndEncryptAsSpecified() {
    return vectors(BlockCipher.AES, "aes_gcm_test.json", 197);
  }

  @TestFactory
  Stream<DynamicTest> sm4Gcm_wycheproofVectors_decryptAndEncryptAsSpecified() {
    return vectors(BlockCipher.SM4, "sm4_gcm_test.json", 65);
  }

  /** {@code expectedCount}: how many vectors qualify, so a silently shrunken run fails. */
  private static Stream<DynamicTest> vectors(BlockCipher cipher, String file, int expectedCount) {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode group : Wycheproof.load(file).get("testGroups")) {
      if (group.get("ivSize").asInt() != 96 || group.get("tagSize").asInt() != 128) {
        continue;
      }
      for (JsonNode test : group.get("tests")) {
        tests.add(
            DynamicTest.dynamicTest(
                "tcId " + test.get("tcId").asInt() + " " + test.get("result").asText(),
                () -> run(cipher, test)));
      }
    }
    assertEquals(expectedCount, tests.size(), file + ": vectors with a 12-byte IV and 16-byte tag");
    return tests.stream();
  }

  private static void run(BlockCipher cipher, JsonNode test) throws Exception {
    byte[] key = hex(test, "key");
    byte[] nonce = hex(test, "iv");
    byte[] aad = hex(test, "aad");
    byte[] plaintext = hex(test, "msg");
    byte[] sealed = concat(hex(test, "ct"), hex(test, "tag"));
    Wycheproof.check(test, plaintext, () -> cipher.gcmDecrypt(key, nonce, sealed, aad));
    if (test.get("result").asText().equals("valid")) {
      assertEquals(hexOf(sealed), hexOf(cipher.gcmEncrypt(key, nonce, plaintext, aad)));
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

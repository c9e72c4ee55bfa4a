package cloud.reencrypt.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request bodies that would cost more than linear work are refused as malformed (KMS.0202). */
class KmsOperationBoundsTest {
  private static final String CIPHER = "\"cipher_text\":\"AAAA\",\"destination_key_id\":\"k\"";

  private static KmsException refused(String body) {
    return assertThrows(
        KmsException.class,
        () -> KmsOperations.RE_ENCRYPT.parse(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void parseReEncrypt_millionDigitNumberInAnIgnoredMember_isKms0202() {
    KmsException e = refused("{\"ignored\":" + "1".repeat(1_000_000) + "," + CIPHER + "}");

    assertEquals("KMS.0202", e.errorCode());
  }

  @Test
  void parseReEncrypt_deepNestingInAnIgnoredMember_isKms0202() {
    KmsException e = refused("{\"ignored\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");

    assertEquals("KMS.0202", e.errorCode());
  }
}

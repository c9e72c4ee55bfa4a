package cloud.reencrypt.kms.local.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.function.Executable;

/** Asserts that a decryption fails the one allowed way, without echoing secrets. */
final class Failures {
  private Failures() {}

  /**
   * Asserts {@code action} throws {@link GeneralSecurityException} (never a RuntimeException) and
   * that its message contains none of {@code secrets}, in hex or base64.
   */
  static GeneralSecurityException assertRejected(Executable action, byte[]... secrets) {
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, action);
    String message = String.valueOf(e.getMessage()).toLowerCase();
    for (byte[] secret : secrets) {
      if (secret.length >= 4) {
        assertFalse(message.contains(HexFormat.of().formatHex(secret)), message);
        assertFalse(message.contains(Base64.getEncoder().encodeToString(secret).toLowerCase()));
      }
    }
    return e;
  }
}

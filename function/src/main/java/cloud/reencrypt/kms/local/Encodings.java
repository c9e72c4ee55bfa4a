package cloud.reencrypt.kms.local;

import java.util.Base64;
import java.util.HexFormat;

/** The text encodings of KMS fields: strict base64 and hex. */
final class Encodings {
  private static final HexFormat HEX = HexFormat.of();

  private Encodings() {}

  /**
   * Decodes canonical base64 (RFC 4648 §4, padded, no whitespace, zero trailing bits), or returns
   * null. Stricter than {@link Base64.Decoder} so that one ciphertext has exactly one spelling.
   */
  static byte[] strictBase64(String text) {
    int length = text.length();
    if (length == 0 || length % 4 != 0) {
      return null;
    }
    int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    for (int i = 0; i < length - padding; i++) {
      if (base64Value(text.charAt(i)) < 0) {
        return null;
      }
    }
    if (padding > 0) {
      int last = base64Value(text.charAt(length - padding - 1));
      int unusedBits = padding == 2 ? 0x0f : 0x03;
      if ((last & unusedBits) != 0) {
        return null;
      }
    }
    return Base64.getDecoder().decode(text);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** True for a non-empty string of hex digits (either case) of even length. */
  static boolean isEvenHex(String text) {
    int length = text.length();
    if (length == 0 || length % 2 != 0) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hexDigit) {
        return false;
      }
    }
    return true;
  }

  /** Decodes hex checked by {@link #isEvenHex}. */
  static byte[] hex(String text) {
    return HEX.parseHex(text);
  }

  /** Lower-case hex, as KMS writes it. */
  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  private static int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  }
}

package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.local.crypto.Secrets;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reading KMS's string-typed request fields: presence, strict UTF-8, AAD, integers. */
final class RequestFields {
  /** KMS's limit on additional_authenticated_data, in UTF-8 bytes. */
  static final int MAX_AAD_BYTES = 128;

  /** UTF-8 needs at most 3 bytes per UTF-16 char: 4 for a surrogate pair, which is 2 chars. */
  private static final int MAX_UTF8_BYTES_PER_CHAR = 3;

  private RequestFields() {}

  static boolean present(String value) {
    return value != null && !value.isEmpty();
  }

  /** The value; KMS.0204 when absent or empty. */
  static String required(String field, String value) {
    if (!present(value)) {
      throw KmsError.MISSING_PARAMETER.exception(field);
    }
    return value;
  }

  /**
   * The AAD's UTF-8 bytes, or null when absent or empty (KMS treats both alike); KMS.0308 beyond
   * 128 bytes.
   */
  static byte[] aad(String field, String value) {
    if (!present(value)) {
      return null;
    }
    byte[] bytes = utf8(field, value, KmsError.INVALID_PARAMETER);
    if (bytes.length > MAX_AAD_BYTES) {
      throw KmsError.INVALID_PARAMETER.exception(
          field + " must be at most " + MAX_AAD_BYTES + " bytes");
    }
    return bytes;
  }

  /**
   * The text's UTF-8 bytes, encoded strictly: {@code error} naming the field, never quoting it,
   * when the text holds a lone UTF-16 surrogate (a JSON escape of half a surrogate pair makes one).
   * {@link String#getBytes} would silently write "?" for it, so two different values would encrypt,
   * or authenticate, as the same bytes.
   */
  static byte[] utf8(String field, String value, KmsError error) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // Room for the worst case up front, so no partly filled copy is left behind unwiped.
    ByteBuffer out = ByteBuffer.allocate(value.length() * MAX_UTF8_BYTES_PER_CHAR);
    try {
      CoderResult result = encoder.encode(CharBuffer.wrap(value), out, true);
      if (result.isError()) {
        throw error.exception(field + " is not valid Unicode text: it has a lone surrogate");
      }
      encoder.flush(out);
      return Arrays.copyOf(out.array(), out.position());
    } finally {
      Secrets.wipe(out.array());
    }
  }

  /** Refuses AAD with an asymmetric key, which has nowhere to bind it (KMS.0308). */
  static void requireNoAadForAsymmetric(LocalKey key, byte[] aad, String field) {
    if (aad != null && !key.spec().symmetric()) {
      throw KmsError.INVALID_PARAMETER.exception(field + " cannot be used with asymmetric keys");
    }
  }

  /**
   * A decimal integer field within [min, max], or null when absent or empty; {@code error} when it
   * is not such an integer.
   */
  static Integer integer(String field, String value, int min, int max, KmsError error) {
    if (!present(value)) {
      return null;
    }
    boolean digits = value.length() <= 9 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    int parsed = digits ? Integer.parseInt(value) : -1;
    if (parsed < min || parsed > max) {
      throw error.exception(field + " must be an integer from " + min + " to " + max);
    }
    return parsed;
  }
}

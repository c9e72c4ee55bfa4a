package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import java.nio.charset.StandardCharsets;

/** Reading KMS's string-typed request fields: presence, AAD, integers. */
final class RequestFields {
  /** KMS's limit on additional_authenticated_data, in UTF-8 bytes. */
  static final int MAX_AAD_BYTES = 128;

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
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_AAD_BYTES) {
      throw KmsError.INVALID_PARAMETER.exception(
          field + " must be at most " + MAX_AAD_BYTES + " bytes");
    }
    return bytes;
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

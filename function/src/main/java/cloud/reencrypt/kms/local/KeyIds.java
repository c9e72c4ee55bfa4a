package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import java.util.UUID;

/** Key IDs: lower-case UUIDs (36 characters, {@code 8-4-4-4-12} hex digits). */
public final class KeyIds {
  private static final int LENGTH = 36;

  private KeyIds() {}

  /** True for a lower-case UUID. */
  public static boolean isValid(String value) {
    if (value == null || value.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = value.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isLowerHex(c)) {
        return false;
      }
    }
    return true;
  }

  /** The value, if it is a key ID; KMS.0205 otherwise (aliases are not accepted). */
  public static String requireValid(String field, String value) {
    if (!isValid(value)) {
      throw KmsError.INVALID_KEY_ID.exception(field + " must be a lower-case UUID");
    }
    return value;
  }

  /** A fresh random key ID. */
  public static String random() {
    return UUID.randomUUID().toString();
  }

  private static boolean isLowerHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}

package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import java.util.Locale;

/** KMS's key state codes; only {@code 2} (enabled) may encrypt or decrypt. */
public enum KeyStateCode {
  PENDING_ACTIVATION("1"),
  ENABLED("2"),
  DISABLED("3"),
  PENDING_DELETION("4"),
  PENDING_IMPORT("5"),
  FROZEN("7");

  private final String code;

  KeyStateCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The state with this code, or null. */
  public static KeyStateCode byCode(String code) {
    for (KeyStateCode state : values()) {
      if (state.code.equals(code)) {
        return state;
      }
    }
    return null;
  }

  /**
   * Refuses any state but enabled: KMS.0209 (disabled, and the states that are not yet usable),
   * KMS.0210 (pending deletion), KMS.0320 (frozen).
   */
  public void requireEnabled(String field) {
    if (this != ENABLED) {
      throw refusal(field);
    }
  }

  private KmsException refusal(String field) {
    String detail =
        field
            + " is in state "
            + code
            + " ("
            + name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + ")";
    return switch (this) {
      case PENDING_DELETION -> KmsError.KEY_PENDING_DELETION.exception(detail);
      case FROZEN -> KmsError.RESOURCE_FROZEN.exception(detail);
      default -> KmsError.KEY_DISABLED.exception(detail);
    };
  }
}

package cloud.reencrypt.kms;

import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.mapping.JsonReadException;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * KMS messages as JSON: snake_case names (each message record says so), absent (null) fields left
 * out, unknown request fields ignored as the KMS SDKs ignore them. A body that is not JSON, or not
 * an object, is KMS.0202 with the position and reason; a member of the wrong type is KMS.0308. No
 * message ever quotes the body.
 */
public final class KmsJson {
  private KmsJson() {}

  /** Reads a body of UTF-8 bytes of the reader's type. */
  public static <T> T read(ObjectReader reader, byte[] utf8) {
    if (isBlank(utf8)) {
      throw KmsError.INVALID_JSON.exception("the body must be a JSON object");
    }
    try {
      return JsonMapping.read(reader, utf8);
    } catch (JsonReadException e) {
      throw refusal(e);
    }
  }

  /** Binds already-parsed data to a message type; a member of the wrong type is KMS.0308. */
  public static <T> T convert(Object value, Class<T> type) {
    try {
      return JsonMapping.convert(value, type);
    } catch (JsonReadException e) {
      throw refusal(e);
    }
  }

  private static boolean isBlank(byte[] utf8) {
    for (byte b : utf8) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static KmsException refusal(JsonReadException e) {
    return switch (e.kind()) {
      case MALFORMED -> KmsError.INVALID_JSON.exception(e.getMessage());
      case WRONG_ROOT -> KmsError.INVALID_JSON.exception("the body must be a JSON object");
      case WRONG_TYPE -> KmsError.INVALID_PARAMETER.exception(e.getMessage());
    };
  }

  /** One KMS message (a record or a plain value) as one line of JSON. */
  public static String write(Object value) {
    return JsonMapping.write(value);
  }
}

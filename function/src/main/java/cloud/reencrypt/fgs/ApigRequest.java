package cloud.reencrypt.fgs;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Turns an API Gateway event into a checked request: size limit, route, method, body decoding. The
 * checks run in the order a gateway would apply them, each with its KMS-style error.
 */
final class ApigRequest {
  /**
   * FunctionGraph's limit for a synchronous event, 6 MB (6,291,456 bytes), measured on the body as
   * delivered (after APIG's Base64).
   */
  static final int EVENT_LIMIT_BYTES = 6 * 1024 * 1024;

  /**
   * A body over the event limit. KMS gives KMS.0203 a 400; we answer 413 Payload Too Large because
   * the limit is the transport's, not a KMS parameter rule, and 413 tells a client not to retry the
   * same request. The KMS code stays, so KMS clients still recognise it.
   */
  static final int TOO_LARGE_STATUS = 413;

  private ApigRequest() {}

  /**
   * Passes when the event is within FunctionGraph's limit.
   *
   * @throws KmsException KMS.0203 with status 413 otherwise
   */
  static void checkSize(APIGTriggerEvent event) {
    String body = event.getBody();
    if (body != null && utf8Length(body) > EVENT_LIMIT_BYTES) {
      throw new KmsException(
          KmsError.MESSAGE_TOO_LONG.code(),
          TOO_LARGE_STATUS,
          KmsError.MESSAGE_TOO_LONG.message() + ": the limit is " + EVENT_LIMIT_BYTES + " bytes");
    }
  }

  /**
   * Passes for a method the route takes (POST for the KMS operations).
   *
   * @throws KmsException KMS.0215 (405) otherwise
   */
  static void checkMethod(APIGTriggerEvent event, ApigRoute route) {
    String method = event.getHttpMethod() == null ? "" : event.getHttpMethod();
    if (method.isEmpty() || !List.of(route.methods().split(", ")).contains(method)) {
      throw KmsError.METHOD_NOT_ALLOWED.exception("use " + route.methods().replace(", ", " or "));
    }
  }

  /** The body's bytes, Base64-decoded first when the event says so. */
  static byte[] body(APIGTriggerEvent event) {
    String body = event.getBody() == null ? "" : event.getBody();
    if (!event.isBase64Encoded()) {
      // A lone surrogate would silently become '?' in getBytes, changing a field's value.
      if (!StandardCharsets.UTF_8.newEncoder().canEncode(body)) {
        throw KmsError.INVALID_JSON.exception("the body is not valid Unicode text");
      }
      return body.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(body.replace("\r", "").replace("\n", ""));
    } catch (IllegalArgumentException e) {
      throw KmsError.INVALID_JSON.exception("the body is marked Base64 but is not valid Base64");
    }
  }

  private static long utf8Length(String text) {
    long length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      length += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return length;
  }
}

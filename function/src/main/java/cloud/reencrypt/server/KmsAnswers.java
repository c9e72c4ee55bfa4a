package cloud.reencrypt.server;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code serve}'s answers: JSON with an {@code X-Request-Id}, as every KMS answer has. */
final class KmsAnswers {
  private KmsAnswers() {}

  /** A JSON answer; its headers may still be added to (e.g. {@code Allow}). */
  static HttpAnswer json(int status, String requestId, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", HttpAnswer.JSON);
    headers.put("X-Request-Id", requestId);
    return new HttpAnswer(status, headers, body);
  }

  /** A message (record) as a JSON answer. */
  static HttpAnswer json(int status, String requestId, Object message) {
    return json(status, requestId, KmsJson.write(message).getBytes(StandardCharsets.UTF_8));
  }

  /** KMS's nested error body with the error's status. */
  static HttpAnswer error(KmsException error, String requestId) {
    return json(error.httpStatus(), requestId, error.body());
  }
}

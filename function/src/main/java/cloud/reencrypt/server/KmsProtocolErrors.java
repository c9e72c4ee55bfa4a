package cloud.reencrypt.server;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;

/**
 * {@code serve}'s answers to requests refused at the HTTP level, in KMS's nested error format with
 * the status HTTP calls for. KMS has no codes for malformed HTTP (its gateway answers those), so
 * the nearest of its own are used: KMS.0201 (invalid request URL) for a malformed request (also
 * behind 501 and 505, which are the client's doing), KMS.0203 (message too long) for an oversized
 * head, KMS.0215 for a method, KMS.0101 / KMS.0104 for the server's own failures. Messages are
 * fixed per status: nothing of the request is echoed.
 */
final class KmsProtocolErrors implements ErrorAnswers {
  @Override
  public HttpAnswer error(int status) {
    HttpAnswer answer = KmsAnswers.error(exception(status), HttpAnswer.newRequestId());
    if (status == 405) {
      answer.headers().put("Allow", "POST");
    }
    return answer;
  }

  private static KmsException exception(int status) {
    return switch (status) {
      case 405 -> of(KmsError.METHOD_NOT_ALLOWED, status, "use POST");
      case 408 -> of(KmsError.INVALID_URL, status, "the request was not received in time");
      case 413 -> of(KmsError.MESSAGE_TOO_LONG, status, "request body too large");
      case 414 -> of(KmsError.INVALID_URL, status, "request URI too long");
      case 431 -> of(KmsError.MESSAGE_TOO_LONG, status, "request headers too large");
      case 501 -> of(KmsError.INVALID_URL, status, "unsupported transfer encoding");
      case 505 -> of(KmsError.INVALID_URL, status, "unsupported HTTP version");
      case 503 -> of(KmsError.SERVICE_UNAVAILABLE, status, "the server is stopping");
      default ->
          status >= 500
              ? of(KmsError.INTERNAL_ERROR, status, "the request could not be served")
              : of(KmsError.INVALID_URL, status, "malformed HTTP request");
    };
  }

  private static KmsException of(KmsError error, int status, String detail) {
    return new KmsException(error.code(), status, error.message() + ": " + detail);
  }
}
